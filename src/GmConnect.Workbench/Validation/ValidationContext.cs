using System.Runtime.InteropServices;
using GmConnect.Workbench.Geography;
using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Validation;

/// <summary>
/// What a rule sees: this year's return, optionally last year's, the collection dates, the year's code
/// lists, and indexes built once (episodes per child in DECOM order, header row per child).
/// </summary>
internal sealed class ValidationContext
{
    public ValidationContext(Ssda903Return current, Ssda903Return? previous, ValidationLookups? lookups = null)
    {
        Current = current;
        Lookups = lookups ?? ValidationLookups.None;
        AuthorityCode = Lookups.AuthorityCode ?? GmAuthorities.OnsCode(current.Authority);
        Previous = previous;
        Year = current.Year;
        Codes = CodeLists.For(Year);
        Episodes = current[ReturnTable.Episodes];
        Header = current[ReturnTable.Header];
        EpisodesByChild = GroupEpisodes(Episodes);
        HeaderRowByChild = FirstRowByChild(Header);
        if (previous is not null)
        {
            PreviousEpisodesByChild = GroupEpisodes(previous[ReturnTable.Episodes]);
            PreviousHeaderRowByChild = FirstRowByChild(previous[ReturnTable.Header]);
        }

        UascChildren = BuildUasc(current);
        ContinuouslyLookedAfter = BuildContinuouslyLookedAfter();
    }

    public Ssda903Return Current { get; }

    public Ssda903Return? Previous { get; }

    public CollectionYear Year { get; }

    public DateOnly Start => Year.Start;

    public DateOnly End => Year.End;

    public CodeLists Codes { get; }

    public Ssda903Table Episodes { get; }

    public Ssda903Table Header { get; }

    public Ssda903Table this[ReturnTable table] => Current[table];

    /// <summary>Episode rows per child, sorted by DECOM (unparseable dates last, then file order).</summary>
    public IReadOnlyDictionary<string, List<int>> EpisodesByChild { get; }

    public IReadOnlyDictionary<string, List<int>> PreviousEpisodesByChild { get; } = new Dictionary<string, List<int>>();

    public IReadOnlyDictionary<string, int> HeaderRowByChild { get; }

    public IReadOnlyDictionary<string, int> PreviousHeaderRowByChild { get; } = new Dictionary<string, int>();

    /// <summary>Children identified as UASC this year (UASC table, or the XML header flag).</summary>
    public IReadOnlySet<string> UascChildren { get; }

    /// <summary>
    /// Children looked after continuously for at least 12 months at 31 March (the OC2 cohort), as the DfE validation
    /// rules define it and the reference validator implements it: the child has an episode in the year and none that
    /// starts a period of care in the year (RNE S after the collection start), ends care in the year (REC other than
    /// X1, DEC from the collection start to the day before its end) or is respite (V3/V4) in the year.
    /// </summary>
    public IReadOnlySet<string> ContinuouslyLookedAfter { get; }

    /// <summary>The child's date of birth from the header.</summary>
    public DateOnly? Dob(string child) => HeaderRowByChild.TryGetValue(child, out var r) ? Header.Date(r, "DOB") : null;

    /// <summary>Header row of the child, or -1.</summary>
    public int HeaderRow(string child) => HeaderRowByChild.TryGetValue(child, out var r) ? r : -1;

    /// <summary>The episode rows of the child (empty when none).</summary>
    public IReadOnlyList<int> EpisodesOf(string child) => EpisodesByChild.TryGetValue(child, out var l) ? l : [];

    private readonly Dictionary<ReturnTable, Dictionary<string, int[]>> _byChild = [];

    /// <summary>Rows of <paramref name="table"/> for the child, in file order (indexed once per table).</summary>
    public IReadOnlyList<int> RowsOf(ReturnTable table, string child)
    {
        if (!_byChild.TryGetValue(table, out var index))
        {
            // One exact-size array per child rather than a list and its array: most children have one row in a table,
            // and these indexes were most of what validation allocated (a table per return, every return).
            var t = Current[table];
            index = new Dictionary<string, int[]>(t.Count, StringComparer.Ordinal);
            for (var r = 0; r < t.Count; r++)
            {
                ref var rows = ref CollectionsMarshal.GetValueRefOrAddDefault(index, t.Child(r), out _);
                rows = rows is null ? [r] : [.. rows, r];
            }

            _byChild[table] = index;
        }

        return index.TryGetValue(child, out var found) ? found : [];
    }

    private Dictionary<string, int>? _previousUascRowByChild;

    /// <summary>Last year's first UASC row per child (empty without last year's return), indexed on first use.</summary>
    public IReadOnlyDictionary<string, int> PreviousUascRowByChild =>
        _previousUascRowByChild ??= Previous is null ? [] : FirstRowByChild(Previous[ReturnTable.UASC]);

    /// <summary>The postcode file and Ofsted lists the user supplied (none by default).</summary>
    public ValidationLookups Lookups { get; }

    /// <summary>The ONS code of the return's authority, when given or known (a GM authority); else null.</summary>
    public string? AuthorityCode { get; }

    private PlacementGeography? _geography;
    private PlacementGeography? _previousGeography;
    private HashSet<string>? _previousUasc;

    /// <summary>PL_LA, PL_LOCATION and PL_DISTANCE of this year's episodes, derived on first use.</summary>
    public PlacementGeography Geography => _geography ??= PlacementGeography.For(Episodes, Lookups.Postcodes, AuthorityCode);

    /// <summary>The same for last year's episodes (empty columns without last year's return).</summary>
    public PlacementGeography PreviousGeography =>
        _previousGeography ??= PlacementGeography.For(Previous?[ReturnTable.Episodes] ?? new Ssda903Table(ReturnTable.Episodes), Lookups.Postcodes, AuthorityCode);

    /// <summary>Children identified as UASC this year or last year (for the rules on formerly UASC children).</summary>
    public bool EverUasc(string child) =>
        UascChildren.Contains(child) || (Previous is not null && (_previousUasc ??= BuildUasc(Previous)).Contains(child));

    /// <summary>Whether last year's return was supplied.</summary>
    public bool HasPrevious => Previous is not null;

    private static Dictionary<string, List<int>> GroupEpisodes(Ssda903Table episodes)
    {
        var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var r in episodes.Rows)
        {
            var child = episodes.Child(r);
            if (!map.TryGetValue(child, out var list))
            {
                map[child] = list = [];
            }

            list.Add(r);
        }

        foreach (var list in map.Values)
        {
            list.Sort((a, b) =>
            {
                var da = episodes.Date(a, "DECOM");
                var db = episodes.Date(b, "DECOM");
                var c = (da ?? DateOnly.MaxValue).CompareTo(db ?? DateOnly.MaxValue);
                return c != 0 ? c : a.CompareTo(b);
            });
        }

        return map;
    }

    private static Dictionary<string, int> FirstRowByChild(Ssda903Table table)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in table.Rows)
        {
            map.TryAdd(table.Child(r), r);
        }

        return map;
    }

    private static HashSet<string> BuildUasc(Ssda903Return current)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        var uasc = current[ReturnTable.UASC];
        foreach (var r in uasc.Rows)
        {
            set.Add(uasc.Child(r));
        }

        var header = current[ReturnTable.Header];
        if (header.HasColumn("UASC"))
        {
            foreach (var r in header.Rows)
            {
                if (header.Get(r, "UASC") == "1")
                {
                    set.Add(header.Child(r));
                }
            }
        }

        return set;
    }

    private HashSet<string> BuildContinuouslyLookedAfter()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (child, rows) in EpisodesByChild)
        {
            var inYear = false;
            var broken = false;
            foreach (var r in rows)
            {
                var decom = Episodes.Date(r, "DECOM");
                var dec = Episodes.Date(r, "DEC");
                var during = decom <= End && (Episodes.Blank(r, "DEC") || dec >= Start);
                inYear |= during;
                broken |= (Episodes.Get(r, "RNE") == "S" && decom > Start && decom <= End)
                    || (Episodes.Get(r, "REC") != "X1" && dec >= Start && dec < End)
                    || (during && CodeLists.Respite.Contains(Episodes.Get(r, "LS") ?? string.Empty));
            }

            if (inYear && !broken)
            {
                set.Add(child);
            }
        }

        return set;
    }
}
