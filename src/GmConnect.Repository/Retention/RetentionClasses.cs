namespace GmConnect.Repository.Retention;

/// <summary>
/// The retention classes content may carry, with the rule each stands for. The codes are the ones the record types
/// registry (<c>configs/locator/record-types.json</c>) names; the caller of <c>ContentRepository.PublishAsync</c>
/// passes the record type's class, so the Repository never needs the Locator. Sources are in the README.
/// </summary>
public static class RetentionClasses
{
    /// <summary>NHS children's records: until the 25th birthday, or the 26th if the young person was 17 at the last activity.</summary>
    public const string Until25thBirthday = "until-25th-birthday";

    /// <summary>SEN files and EHC plans (IRMS toolkit): date of birth + 31 years.</summary>
    public const string DobPlus31Years = "dob-plus-31-years";

    /// <summary>Looked-after children's case records (Care Planning, Placement and Case Review (England) Regulations 2010): until the 75th birthday.</summary>
    public const string LookedAfter75Years = "looked-after-75-years";

    /// <summary>Adult health records (NHS Records Management Code): 8 years after the last activity.</summary>
    public const string ClosurePlus8Years = "closure-plus-8-years";

    /// <summary>Local authority case files (limitation period, local schedules): 6 years after the last activity.</summary>
    public const string ClosurePlus6Years = "closure-plus-6-years";

    /// <summary>
    /// Police information (Management of Police Information): kept until a reviewer decides, never deleted by the
    /// sweep; the schedule gives a review date 6 years after the last activity.
    /// </summary>
    public const string PoliceReview = "police-review";

    /// <summary>Every known class code.</summary>
    public static IReadOnlyList<string> Known { get; } =
        [Until25thBirthday, DobPlus31Years, LookedAfter75Years, ClosurePlus8Years, ClosurePlus6Years, PoliceReview];

    /// <summary>True for a known class code.</summary>
    public static bool IsKnown(string? code) => code is not null && Known.Contains(code, StringComparer.Ordinal);
}
