using System.Data.Common;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Objections;
using GmConnect.Storage;

namespace GmConnect.Governance.Storage.Sql;

internal sealed class SqlDirectiveStore : IDirectiveStore
{
    private const string Columns = "id, person_id, kind, category, purpose, recipient_id, recorded_us, recorded_by, withdrawn_us";
    private readonly Store _store;

    public SqlDirectiveStore(Store store) => _store = store;

    public Task AddAsync(ConsentDirective directive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directive);
        return _store.ExecuteAsync(
            $"INSERT INTO gov_directive ({Columns}) VALUES (@id, @person, @kind, @category, @purpose, @recipient, @recorded, @by, @withdrawn)",
            cancellationToken,
            ("id", directive.Id), ("person", directive.PersonId), ("kind", Kind(directive.Kind)), ("category", directive.Category),
            ("purpose", directive.Purpose?.ToCode()), ("recipient", directive.RecipientOrganisationId),
            ("recorded", SqlValues.Micros(directive.RecordedAt)), ("by", directive.RecordedBy),
            ("withdrawn", directive.WithdrawnAt is { } w ? SqlValues.Micros(w) : null));
    }

    public async Task<bool> WithdrawAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await _store.ExecuteAsync(
            "UPDATE gov_directive SET withdrawn_us = @at WHERE id = @id AND withdrawn_us IS NULL",
            cancellationToken, ("at", SqlValues.Micros(at)), ("id", id)).ConfigureAwait(false) == 1;

    /// <summary>A person's directives, oldest first (parameter <c>@person</c>).</summary>
    internal const string ForPersonSql = $"SELECT {Columns} FROM gov_directive WHERE person_id = @person ORDER BY recorded_us, id";

    public Task<IReadOnlyList<ConsentDirective>> ForPersonAsync(string personId, CancellationToken cancellationToken = default) =>
        _store.QueryAsync(ForPersonSql, Read, cancellationToken, ("person", personId));

    internal static ConsentDirective Read(DbDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        ParseKind(r.GetString(2)),
        SqlValues.NullableString(r, 3),
        SqlValues.NullableString(r, 4) is { } purpose ? PurposeCodes.Parse(purpose) : null,
        SqlValues.NullableString(r, 5),
        SqlValues.Instant(SqlValues.Long(r, 6)),
        r.GetString(7),
        SqlValues.NullableLong(r, 8) is { } withdrawn ? SqlValues.Instant(withdrawn) : null);

    private static string Kind(DirectiveKind kind) => kind switch
    {
        DirectiveKind.Objection => "objection",
        DirectiveKind.Consent => "consent",
        DirectiveKind.NationalDataOptOut => "national-data-opt-out",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static DirectiveKind ParseKind(string code) => code switch
    {
        "objection" => DirectiveKind.Objection,
        "consent" => DirectiveKind.Consent,
        "national-data-opt-out" => DirectiveKind.NationalDataOptOut,
        _ => throw new InvalidDataException($"Unknown directive kind '{code}'."),
    };
}
