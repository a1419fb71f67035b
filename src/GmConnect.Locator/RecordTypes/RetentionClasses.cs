namespace GmConnect.Locator.RecordTypes;

/// <summary>The retention classes a record type may name. The Repository turns them into dates.</summary>
public static class RetentionClasses
{
    /// <summary>Every known class code.</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        "until-25th-birthday",
        "dob-plus-31-years",
        "looked-after-75-years",
        "closure-plus-8-years",
        "closure-plus-6-years",
        "police-review",
    ];
}
