using System.Data.Common;
using GmConnect.Governance.BreakGlass;
using GmConnect.Governance.Decisions;
using GmConnect.Storage;

namespace GmConnect.Governance.Storage.Sql;

internal sealed class SqlBreakGlassStore : IBreakGlassStore
{
    private const string Columns = "id, practitioner_id, organisation_id, role, purpose, person_id, justification, reason, opened_us, expires_us";
    private readonly Store _store;

    public SqlBreakGlassStore(Store store) => _store = store;

    public Task AddAsync(BreakGlassSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return _store.ExecuteAsync(
            $"INSERT INTO gov_break_glass ({Columns}) VALUES (@id, @practitioner, @organisation, @role, @purpose, @person, @justification, @reason, @opened, @expires)",
            cancellationToken,
            ("id", session.Id), ("practitioner", session.PractitionerId), ("organisation", session.OrganisationId), ("role", session.Role),
            ("purpose", session.Purpose.ToCode()), ("person", session.PersonId), ("justification", BreakGlassService.Code(session.Justification)),
            ("reason", session.Reason), ("opened", SqlValues.Micros(session.OpenedAt)), ("expires", SqlValues.Micros(session.ExpiresAt)));
    }

    public async Task<BreakGlassSession?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var found = await _store.QueryAsync($"SELECT {Columns} FROM gov_break_glass WHERE id = @id", Read, cancellationToken, ("id", id)).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>A person's break-glass sessions, oldest first (parameter <c>@person</c>).</summary>
    internal const string ForPersonSql = $"SELECT {Columns} FROM gov_break_glass WHERE person_id = @person ORDER BY opened_us, id";

    public Task<IReadOnlyList<BreakGlassSession>> ForPersonAsync(string personId, CancellationToken cancellationToken = default) =>
        _store.QueryAsync(ForPersonSql, Read, cancellationToken, ("person", personId));

    public Task<IReadOnlyList<BreakGlassSession>> OpenedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default) =>
        _store.QueryAsync(
            $"SELECT {Columns} FROM gov_break_glass WHERE opened_us >= @from AND opened_us < @to ORDER BY opened_us, id",
            Read, cancellationToken, ("from", SqlValues.Micros(from)), ("to", SqlValues.Micros(to)));

    internal static BreakGlassSession Read(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), PurposeCodes.Parse(r.GetString(4)), r.GetString(5),
        ParseJustification(r.GetString(6)), r.GetString(7), SqlValues.Instant(SqlValues.Long(r, 8)), SqlValues.Instant(SqlValues.Long(r, 9)));

    private static BreakGlassJustification ParseJustification(string code)
    {
        foreach (var justification in Enum.GetValues<BreakGlassJustification>())
        {
            if (string.Equals(BreakGlassService.Code(justification), code, StringComparison.Ordinal))
            {
                return justification;
            }
        }

        throw new InvalidDataException($"Unknown justification '{code}'.");
    }
}
