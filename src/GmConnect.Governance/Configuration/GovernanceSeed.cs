using System.Text.Json;
using GmConnect.Governance.Agreements;
using GmConnect.Governance.Registries;

namespace GmConnect.Governance.Configuration;

/// <summary>The registries and agreements shipped in <c>configs/governance</c>.</summary>
internal sealed record GovernanceSeed(
    IReadOnlyList<Organisation> Organisations,
    IReadOnlyList<RoleDefinition> Roles,
    IReadOnlyList<Practitioner> Practitioners,
    IReadOnlyList<SharingAgreement> Agreements)
{
    public const string OrganisationsFile = "organisations.json";
    public const string RolesFile = "roles.json";
    public const string PractitionersFile = "practitioners.json";
    public const string AgreementsFile = "agreements.json";

    /// <summary>Reads the four files; a missing file is an empty list. Throws with the file name on bad JSON.</summary>
    public static async Task<GovernanceSeed> LoadAsync(string directory, CancellationToken cancellationToken = default) =>
        new(
            await ReadAsync<Organisation>(directory, OrganisationsFile, cancellationToken).ConfigureAwait(false),
            await ReadAsync<RoleDefinition>(directory, RolesFile, cancellationToken).ConfigureAwait(false),
            await ReadAsync<Practitioner>(directory, PractitionersFile, cancellationToken).ConfigureAwait(false),
            await ReadAsync<SharingAgreement>(directory, AgreementsFile, cancellationToken).ConfigureAwait(false));

    /// <summary>Checks references between the files: every party, signatory and role held must exist.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        var organisations = Organisations.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var roles = Roles.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var duplicate in Organisations.GroupBy(o => o.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"organisations: duplicate id '{duplicate.Key}'");
        }

        foreach (var practitioner in Practitioners)
        {
            foreach (var held in practitioner.Roles)
            {
                if (!organisations.Contains(held.OrganisationId))
                {
                    problems.Add($"practitioners/{practitioner.Id}: unknown organisation '{held.OrganisationId}'");
                }

                if (!roles.Contains(held.Role))
                {
                    problems.Add($"practitioners/{practitioner.Id}: unknown role '{held.Role}'");
                }
            }
        }

        foreach (var agreement in Agreements)
        {
            problems.AddRange(agreement.Validate().Select(p => $"agreements/{agreement.Id}: {p}"));
            foreach (var party in agreement.Parties.Where(p => !organisations.Contains(p)))
            {
                problems.Add($"agreements/{agreement.Id}: unknown party '{party}'");
            }
        }

        return problems;
    }

    private static async Task<IReadOnlyList<T>> ReadAsync<T>(string directory, string file, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            return [];
        }

        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                return await JsonSerializer.DeserializeAsync<List<T>>(stream, GovernanceJson.Options, cancellationToken).ConfigureAwait(false) ?? [];
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{file}: {e.Message}", e);
            }
        }
    }
}
