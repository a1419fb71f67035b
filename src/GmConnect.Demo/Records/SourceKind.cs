namespace GmConnect.Demo.Records;

/// <summary>The kinds of agency that hold records; each kind is one output file.</summary>
internal enum SourceKind
{
    Gp,
    Acute,
    Police,
    School,
    Dwp,
    SocialCare,
    Housing,
    Victim,
}

/// <summary>Names of the source kinds as they appear in file names and the summary.</summary>
internal static class SourceKinds
{
    public static readonly SourceKind[] All = Enum.GetValues<SourceKind>();

    public static string Name(SourceKind kind) => kind switch
    {
        SourceKind.Gp => "gp",
        SourceKind.Acute => "acute",
        SourceKind.Police => "police",
        SourceKind.School => "school",
        SourceKind.Dwp => "dwp",
        SourceKind.SocialCare => "socialcare",
        SourceKind.Housing => "housing",
        SourceKind.Victim => "victim",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string FileName(SourceKind kind) => "records-" + Name(kind) + ".csv";
}
