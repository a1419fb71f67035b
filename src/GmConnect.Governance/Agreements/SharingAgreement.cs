using GmConnect.Governance.Decisions;

namespace GmConnect.Governance.Agreements;

/// <summary>
/// A data sharing agreement: which organisations may share which record categories with one another, for which
/// purposes, on which lawful basis, from when to when. Every party may see the others' records within its terms.
/// </summary>
/// <param name="Id">The agreement's key.</param>
/// <param name="Title">Its title.</param>
/// <param name="Parties">The organisations that are party to it (at least two).</param>
/// <param name="Categories">The record categories it covers.</param>
/// <param name="Purposes">The purposes it permits.</param>
/// <param name="LawfulBases">Codes from <see cref="Agreements.LawfulBases"/>.</param>
/// <param name="Start">First day in force.</param>
/// <param name="End">Last day in force; null when open-ended (to be reviewed).</param>
/// <param name="Status">Draft, signed, suspended or expired.</param>
/// <param name="Signatories">Who signed for each party.</param>
/// <param name="IncludesRestricted">True when restricted records (e.g. domestic abuse) are within its terms.</param>
public sealed record SharingAgreement(
    string Id,
    string Title,
    IReadOnlyList<string> Parties,
    IReadOnlyList<string> Categories,
    IReadOnlyList<Purpose> Purposes,
    IReadOnlyList<string> LawfulBases,
    DateOnly Start,
    DateOnly? End,
    AgreementStatus Status,
    IReadOnlyList<Signatory> Signatories,
    bool IncludesRestricted = false)
{
    /// <summary>True when sharing under this agreement needs the person's consent.</summary>
    public bool RequiresConsent => LawfulBases.Count > 0 && LawfulBases.All(code => Agreements.LawfulBases.Find(code)?.IsConsent == true);

    /// <summary>The first cited basis that overrides an objection for safeguarding, if any.</summary>
    public string? ObjectionOverride => LawfulBases.FirstOrDefault(code => Agreements.LawfulBases.Find(code)?.OverridesObjection == true);

    /// <summary>
    /// Checks the agreement's shape. Returns the problems, empty when it is valid. A signed agreement needs a
    /// signatory for every party.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Id))
        {
            problems.Add("id: required");
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            problems.Add("title: required");
        }

        if (Parties.Distinct(StringComparer.Ordinal).Count() < 2)
        {
            problems.Add("parties: at least two distinct organisations");
        }

        if (Categories.Count == 0)
        {
            problems.Add("categories: at least one");
        }

        if (Purposes.Count == 0)
        {
            problems.Add("purposes: at least one");
        }

        if (LawfulBases.Count == 0)
        {
            problems.Add("lawfulBases: at least one");
        }

        foreach (var code in LawfulBases)
        {
            if (Agreements.LawfulBases.Find(code) is null)
            {
                problems.Add($"lawfulBases: unknown code '{code}'");
            }
        }

        if (End is { } end && end < Start)
        {
            problems.Add("end: before start");
        }

        if (Status is AgreementStatus.Signed or AgreementStatus.Suspended)
        {
            foreach (var party in Parties.Distinct(StringComparer.Ordinal))
            {
                if (!Signatories.Any(s => string.Equals(s.OrganisationId, party, StringComparison.Ordinal)))
                {
                    problems.Add($"signatories: none for party '{party}'");
                }
            }
        }

        return problems;
    }
}
