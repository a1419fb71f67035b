namespace GmConnect.Server.Pages.Account;

/// <summary>The purposes of use a practitioner can state, with the words the pages show for them.</summary>
internal static class PurposeChoices
{
    public static IReadOnlyList<(string Code, string Label, string Hint)> All { get; } =
    [
        ("direct-care", "Direct care", "Caring for or supporting this person now; needs a current involvement with them"),
        ("safeguarding", "Safeguarding", "Protecting a child or adult at risk (for example Children Act 1989 s.47 enquiries)"),
        ("crime-prevention", "Crime prevention", "Preventing or detecting crime"),
        ("secondary-use", "Secondary use", "Planning, analysis and research; the national data opt-out applies"),
    ];
}
