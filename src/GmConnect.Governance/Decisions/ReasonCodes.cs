namespace GmConnect.Governance.Decisions;

/// <summary>
/// The one table that gives each <see cref="ReasonCode"/> its wire code, category, whether break-glass may
/// override it, and whether the caller may even learn that a withheld item exists.
/// </summary>
public static class ReasonCodes
{
    private static readonly Entry[] Table = Build();

    /// <summary>The stable wire code, e.g. <c>agreement-expired</c>.</summary>
    public static string ToCode(this ReasonCode code) => Get(code).Code;

    /// <summary>The category a caller sees in withheld counts.</summary>
    public static ReasonCategory Category(this ReasonCode code) => Get(code).Category;

    /// <summary>True when an active break-glass session may override a denial for this reason.</summary>
    public static bool BreakGlassOverrides(this ReasonCode code) => Get(code).Overridable;

    /// <summary>
    /// True when a denial for this reason must not even be counted for the caller, because the existence of the
    /// item is itself the secret (a sealed adoption record; a protected-address person found by address).
    /// </summary>
    public static bool ConcealsExistence(this ReasonCode code) => Get(code).Conceal;

    /// <summary>Parses a wire code; false for an unknown one.</summary>
    public static bool TryParse(string code, out ReasonCode reason)
    {
        foreach (var entry in Table)
        {
            if (string.Equals(entry.Code, code, StringComparison.Ordinal))
            {
                reason = entry.Reason;
                return true;
            }
        }

        reason = default;
        return false;
    }

    private static Entry Get(ReasonCode code) =>
        (uint)code < (uint)Table.Length ? Table[(int)code] : throw new ArgumentOutOfRangeException(nameof(code));

    private static Entry[] Build()
    {
        Entry[] entries =
        [
            new(ReasonCode.PractitionerUnknown, "practitioner-unknown", ReasonCategory.Requester, false, false),
            new(ReasonCode.RoleNotHeld, "role-not-held", ReasonCategory.Requester, false, false),
            new(ReasonCode.PurposeNotPermittedForRole, "purpose-not-permitted-for-role", ReasonCategory.Requester, false, false),
            new(ReasonCode.Sealed, "sealed", ReasonCategory.Sensitivity, false, true),
            new(ReasonCode.Restricted, "restricted", ReasonCategory.Sensitivity, true, false),
            new(ReasonCode.NoAgreement, "no-agreement", ReasonCategory.Agreement, false, false),
            new(ReasonCode.AgreementNotSigned, "agreement-not-signed", ReasonCategory.Agreement, false, false),
            new(ReasonCode.AgreementSuspended, "agreement-suspended", ReasonCategory.Agreement, false, false),
            new(ReasonCode.AgreementExpired, "agreement-expired", ReasonCategory.Agreement, false, false),
            new(ReasonCode.AgreementNotStarted, "agreement-not-started", ReasonCategory.Agreement, false, false),
            new(ReasonCode.PurposeNotInAgreement, "purpose-not-in-agreement", ReasonCategory.Agreement, false, false),
            new(ReasonCode.CategoryNotInAgreement, "category-not-in-agreement", ReasonCategory.Agreement, false, false),
            new(ReasonCode.ConsentRequired, "consent-required", ReasonCategory.Objection, false, false),
            new(ReasonCode.NoCurrentInvolvement, "no-current-involvement", ReasonCategory.Relationship, true, false),
            new(ReasonCode.Objection, "objection", ReasonCategory.Objection, true, false),
            new(ReasonCode.NationalDataOptOut, "national-data-opt-out", ReasonCategory.Objection, false, false),
            new(ReasonCode.OwnOrganisation, "own-organisation", ReasonCategory.Basis, false, false),
            new(ReasonCode.AgreementInForce, "agreement-in-force", ReasonCategory.Basis, false, false),
            new(ReasonCode.ObjectionOverriddenByStatute, "objection-overridden-by-statute", ReasonCategory.Basis, false, false),
            new(ReasonCode.BreakGlass, "break-glass", ReasonCategory.Basis, false, false),
            new(ReasonCode.ProtectedAddressRedacted, "protected-address-redacted", ReasonCategory.Basis, false, false),
            new(ReasonCode.ProtectedAddressSearch, "protected-address-search", ReasonCategory.Sensitivity, false, true),
        ];

        // The table is indexed by the enum value: fail at type load if someone adds a code out of order.
        for (var i = 0; i < entries.Length; i++)
        {
            if ((int)entries[i].Reason != i)
            {
                throw new InvalidOperationException($"ReasonCodes table out of order at {entries[i].Reason}.");
            }
        }

        if (entries.Length != Enum.GetValues<ReasonCode>().Length)
        {
            throw new InvalidOperationException("ReasonCodes table does not cover every ReasonCode.");
        }

        return entries;
    }

    private readonly record struct Entry(ReasonCode Reason, string Code, ReasonCategory Category, bool Overridable, bool Conceal);
}
