using System.CommandLine;
using System.Text.RegularExpressions;
using GmConnect.Workbench.Geography;
using GmConnect.Workbench.Model;
using GmConnect.Workbench.Validation;

namespace GmConnect.Cli.Ssda903;

/// <summary>
/// The public data files <c>validate</c> and <c>validate-all</c> take for the rules a return cannot answer alone
/// (<c>--postcodes</c>, <c>--ofsted</c>), read once for every return given, and the summary of the rules not run.
/// </summary>
internal static partial class Ssda903Lookups
{
    public static Option<FileInfo?> PostcodesOption() => new("--postcodes")
    {
        Description = "The national postcode file (ONS NSPL or ONSPD CSV: pcd, laua, oseast1m, osnrth1m[, cty]); runs the rules on PL_LA, PL_LOCATION and PL_DISTANCE",
    };

    public static Option<FileInfo[]> OfstedOption() => new("--ofsted")
    {
        Description = "Ofsted's provider lists saved as CSV (children's homes and social care providers, or the combined list; repeat for each file); runs the URN rules",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>
    /// Reads the files the user named, keeping only the postcodes the returns and the providers use. Null (after writing
    /// each problem as <c>file:line: message</c>) when one is unusable. <paramref name="authorityCode"/> is the one
    /// authority's ONS code for <c>validate</c>; null for <c>validate-all</c>, where each GM return's own is used.
    /// </summary>
    public static ValidationLookups? Load(IReadOnlyList<Ssda903Return> returns, FileInfo? postcodes, FileInfo[] ofsted, string? authorityCode, TextWriter error)
    {
        var missing = (postcodes is null ? [] : new[] { postcodes }).Concat(ofsted).Where(f => !f.Exists).ToList();
        foreach (var f in missing)
        {
            error.WriteLine($"{f.FullName}: no such file.");
        }

        if (missing.Count > 0)
        {
            return null;
        }

        OfstedProviders? providers = null;
        if (ofsted.Length > 0)
        {
            var loaded = OfstedProviders.Load(ofsted.Select(f => f.FullName));
            if (!Reported(loaded.Errors, error))
            {
                return null;
            }

            providers = loaded.Value;
        }

        PostcodeLookup? lookup = null;
        if (postcodes is not null)
        {
            var loaded = PostcodeLookup.Load(postcodes.FullName, UsedPostcodes(returns, providers));
            if (!Reported(loaded.Errors, error))
            {
                return null;
            }

            lookup = loaded.Value;
        }

        return new ValidationLookups(lookup, providers, authorityCode);
    }

    /// <summary>
    /// The <c>--authority</c> value as an ONS code: a GM authority's name or DfE code is turned into its code; anything
    /// else must be an ONS code (E10000017, W06000015). Null with a message when it is neither.
    /// </summary>
    public static bool TryAuthorityCode(string? authority, string? known, TextWriter error, out string? code)
    {
        code = authority is null ? known : GmAuthorities.OnsCode(authority) ?? authority.Trim().ToUpperInvariant();
        if (authority is not null && !OnsCode().IsMatch(code!))
        {
            error.WriteLine("--authority must be the authority's ONS code, such as E08000003 (or a GM authority's name).");
            return false;
        }

        return true;
    }

    /// <summary>Writes one line per reason: the rules not run and what would run them.</summary>
    public static void WriteNotRun(IEnumerable<RuleNotRun> notRun, TextWriter output, bool oneAuthority)
    {
        foreach (var group in notRun.GroupBy(n => n.Reason))
        {
            var codes = group.Select(n => n.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            output.WriteLine($"Not run ({codes.Count}): {string.Join(", ", codes)} — {group.Key}{Hint(group.Key, oneAuthority)}.");
        }
    }

    private static string Hint(string reason, bool oneAuthority) => reason switch
    {
        NotRunReasons.NoPostcodes => "; give it with --postcodes",
        NotRunReasons.NoProviders => "; give them with --ofsted",
        NotRunReasons.NoAuthority => oneAuthority ? "; give it with --authority" : "; validate such a return alone with `validate --authority`",
        _ => string.Empty,
    };

    private static bool Reported(IReadOnlyList<LookupFileError> errors, TextWriter error)
    {
        foreach (var e in errors)
        {
            error.WriteLine(e.ToString());
        }

        return errors.Count == 0;
    }

    private static HashSet<string> UsedPostcodes(IReadOnlyList<Ssda903Return> returns, OfstedProviders? providers)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in returns)
        {
            var t = r[ReturnTable.Episodes];
            foreach (var row in t.Rows)
            {
                foreach (var column in (string[])["HOME_POST", "PL_POST"])
                {
                    if (PostcodeLookup.Normalise(t.Get(row, column)) is { } p)
                    {
                        used.Add(p);
                    }
                }
            }
        }

        if (providers is not null)
        {
            used.UnionWith(providers.Postcodes);
        }

        return used;
    }

    [GeneratedRegex("^[EWSN][0-9]{8}$")]
    private static partial Regex OnsCode();
}
