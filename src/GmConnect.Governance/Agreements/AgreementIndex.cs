using System.Collections.Frozen;
using GmConnect.Governance.Decisions;

namespace GmConnect.Governance.Agreements;

/// <summary>
/// Agreements indexed by organisation pair, so a decision looks only at the few agreements that name both the
/// requester's organisation and the custodian, however many agreements exist.
/// </summary>
internal sealed class AgreementIndex
{
    private readonly FrozenDictionary<(string, string), SharingAgreement[]> _byPair;

    public AgreementIndex(IEnumerable<SharingAgreement> agreements)
    {
        var pairs = new Dictionary<(string, string), List<SharingAgreement>>();
        foreach (var agreement in agreements)
        {
            var parties = agreement.Parties.Distinct(StringComparer.Ordinal).ToArray();
            foreach (var a in parties)
            {
                foreach (var b in parties)
                {
                    if (ReferenceEquals(a, b) || string.Equals(a, b, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (!pairs.TryGetValue((a, b), out var list))
                    {
                        pairs[(a, b)] = list = [];
                    }

                    list.Add(agreement);
                }
            }
        }

        _byPair = pairs.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray());
    }

    /// <summary>
    /// Finds an agreement in force between the two organisations covering the category and purpose. When none
    /// does, returns the reason of the agreement that came closest (a failed purpose or category beats a failed
    /// status or date), so the practitioner learns the most useful thing.
    /// </summary>
    public AgreementMatch Find(string requesterOrganisation, string custodian, string category, Purpose purpose, DateOnly today)
    {
        if (!_byPair.TryGetValue((requesterOrganisation, custodian), out var candidates))
        {
            return new AgreementMatch(null, ReasonCode.NoAgreement);
        }

        var best = ReasonCode.NoAgreement;
        var bestRank = -1;
        foreach (var agreement in candidates)
        {
            var (failure, rank) = Check(agreement, category, purpose, today);
            if (failure is null)
            {
                return new AgreementMatch(agreement, ReasonCode.AgreementInForce);
            }

            if (rank > bestRank)
            {
                best = failure.Value;
                bestRank = rank;
            }
        }

        return new AgreementMatch(null, best);
    }

    private static (ReasonCode? Failure, int Rank) Check(SharingAgreement agreement, string category, Purpose purpose, DateOnly today)
    {
        switch (agreement.Status)
        {
            case AgreementStatus.Draft:
                return (ReasonCode.AgreementNotSigned, 0);
            case AgreementStatus.Suspended:
                return (ReasonCode.AgreementSuspended, 1);
            case AgreementStatus.Expired:
                return (ReasonCode.AgreementExpired, 1);
        }

        if (agreement.End is { } end && end < today)
        {
            return (ReasonCode.AgreementExpired, 1);
        }

        if (agreement.Start > today)
        {
            return (ReasonCode.AgreementNotStarted, 1);
        }

        if (!Contains(agreement.Purposes, purpose))
        {
            return (ReasonCode.PurposeNotInAgreement, 2);
        }

        if (!Contains(agreement.Categories, category))
        {
            return (ReasonCode.CategoryNotInAgreement, 2);
        }

        return (null, 3);
    }

    private static bool Contains(IReadOnlyList<Purpose> purposes, Purpose purpose)
    {
        for (var i = 0; i < purposes.Count; i++)
        {
            if (purposes[i] == purpose)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(IReadOnlyList<string> categories, string category)
    {
        for (var i = 0; i < categories.Count; i++)
        {
            if (string.Equals(categories[i], category, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
