using System.Data.Common;
using GmConnect.Governance.Relationships;
using GmConnect.Governance.Sensitivity;
using GmConnect.Storage;

namespace GmConnect.Governance.Storage.Sql;

internal sealed class SqlSubjectStore : ISubjectStore
{
    private readonly Store _store;

    public SqlSubjectStore(Store store) => _store = store;

    public Task SetLabelsAsync(string personId, SensitivityLabels labels, CancellationToken cancellationToken = default) =>
        _store.ExecuteAsync(
            "INSERT INTO gov_person_label (person_id, labels) VALUES (@person, @labels) ON CONFLICT (person_id) DO UPDATE SET labels = excluded.labels",
            cancellationToken, ("person", personId), ("labels", (int)labels));

    /// <summary>A person's labels: no row or one (parameter <c>@person</c>).</summary>
    internal const string LabelsSql = "SELECT labels FROM gov_person_label WHERE person_id = @person";

    /// <summary>A person's involvements (parameter <c>@person</c>).</summary>
    internal const string InvolvementsSql =
        "SELECT person_id, organisation_id, from_day, to_day FROM gov_involvement WHERE person_id = @person ORDER BY organisation_id, from_day";

    public async Task<SensitivityLabels> GetLabelsAsync(string personId, CancellationToken cancellationToken = default)
    {
        var found = await _store.QueryAsync(LabelsSql, ReadLabels, cancellationToken, ("person", personId)).ConfigureAwait(false);
        return found.Count == 0 ? SensitivityLabels.None : found[0];
    }

    public Task SaveInvolvementAsync(Involvement involvement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(involvement);
        return _store.ExecuteAsync(
            "INSERT INTO gov_involvement (person_id, organisation_id, from_day, to_day) VALUES (@person, @organisation, @from, @to) " +
            "ON CONFLICT (person_id, organisation_id, from_day) DO UPDATE SET to_day = excluded.to_day",
            cancellationToken,
            ("person", involvement.PersonId), ("organisation", involvement.OrganisationId), ("from", SqlValues.Day(involvement.From)),
            ("to", involvement.To is { } to ? SqlValues.Day(to) : null));
    }

    public Task RemoveInvolvementAsync(Involvement involvement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(involvement);
        return _store.ExecuteAsync(
            "DELETE FROM gov_involvement WHERE person_id = @person AND organisation_id = @organisation AND from_day = @from",
            cancellationToken,
            ("person", involvement.PersonId), ("organisation", involvement.OrganisationId), ("from", SqlValues.Day(involvement.From)));
    }

    public Task<IReadOnlyList<Involvement>> InvolvementsAsync(string personId, CancellationToken cancellationToken = default) =>
        _store.QueryAsync(InvolvementsSql, ReadInvolvement, cancellationToken, ("person", personId));

    internal static SensitivityLabels ReadLabels(DbDataReader r) => (SensitivityLabels)SqlValues.Int(r, 0);

    internal static Involvement ReadInvolvement(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), SqlValues.ParseDay(r.GetString(2)), SqlValues.NullableString(r, 3) is { } to ? SqlValues.ParseDay(to) : null);
}
