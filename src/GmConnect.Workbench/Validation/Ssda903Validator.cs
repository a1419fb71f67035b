using System.Collections.Frozen;
using GmConnect.Workbench.Model;
using GmConnect.Workbench.Validation.Rules;

namespace GmConnect.Workbench.Validation;

/// <summary>
/// Runs the DfE SSDA903 validation rules of a collection year over a return (and, for the rules that
/// compare years, last year's return) and reports every failing row.
/// </summary>
public static class Ssda903Validator
{
    internal static IReadOnlyList<Rule> Rules => AllRules;

    private static readonly Rule[] AllRules =
    [
        .. HeaderRules.All(), .. EpisodeFieldRules.All(), .. EpisodeChainRules.All(), .. EpisodeAgeRules.All(),
        .. Oc2Rules.All(), .. Oc3Rules.All(), .. AdoptionRules.All(), .. MissingRules.All(), .. ReviewRules.All(),
        .. UascRules.All(), .. UascChangeRules.All(), .. CareLeaverHistoryRules.All(), .. PlacementChangeRules.All(), .. PrevPermRules.All(), .. SwEpisodeRules.All(), .. IntegrityRules.All(),
        .. PreviousYearRules.All(), .. PlacementGeographyRules.All(), .. OfstedRules.All(),
    ];

    /// <summary>Every rule code defined, whatever its year (a code missing from the catalogues would be a typo).</summary>
    internal static IEnumerable<(string Code, int FromYear, int ToYear)> DefinedRules() => AllRules.Select(r => (r.Code, r.FromYear, r.ToYear));

    /// <summary>Codes of the rules implemented for <paramref name="year"/> that are in its DfE catalogue.</summary>
    public static IReadOnlyList<string> ImplementedCodes(CollectionYear year)
    {
        var catalogue = RuleCatalogue.For(year);
        return AllRules.Where(r => r.AppliesTo(year) && catalogue.ContainsKey(r.Code)).Select(r => r.Code)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Validates <paramref name="current"/> against its year's rules.</summary>
    /// <param name="current">This year's return.</param>
    /// <param name="previous">Last year's return, if any; rules that need it are skipped without it.</param>
    /// <param name="only">Optional subset of rule codes to run.</param>
    /// <param name="lookups">
    /// The postcode file and Ofsted lists, when the user supplied them; the rules that need them are not run without
    /// (see <see cref="NotRun"/>).
    /// </param>
    public static IReadOnlyList<ValidationError> Validate(Ssda903Return current, Ssda903Return? previous = null, IReadOnlyCollection<string>? only = null, ValidationLookups? lookups = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        var context = new ValidationContext(current, previous, lookups);
        var catalogue = RuleCatalogue.For(current.Year);
        var errors = new List<ValidationError>();
        foreach (var rule in AllRules)
        {
            if (!rule.AppliesTo(current.Year) || !catalogue.TryGetValue(rule.Code, out var info) || (only is not null && !only.Contains(rule.Code))
                || (rule.Needs != RuleNeeds.None && MissingNeed(rule.Needs, context.Lookups, context.AuthorityCode, current) is not null))
            {
                continue;
            }

            var seen = new HashSet<(ReturnTable, int)>();
            foreach (var hit in rule.Check(context))
            {
                if (hit.Row < 0 || !seen.Add(hit))
                {
                    continue;
                }

                var table = current[hit.Table];
                errors.Add(new ValidationError(hit.Table, hit.Row, table.Child(hit.Row), rule.Code, FieldsFor(info, table)));
            }
        }

        errors.Sort((a, b) =>
        {
            var c = a.Table.CompareTo(b.Table);
            if (c == 0)
            {
                c = a.Row.CompareTo(b.Row);
            }

            return c != 0 ? c : string.CompareOrdinal(a.Code, b.Code);
        });
        return errors;
    }

    /// <summary>
    /// The rules of the year's catalogue that <see cref="Validate"/> does not run over <paramref name="current"/> with
    /// these lookups, each with the reason (a postcode file, Ofsted's lists or the authority's code not given), by code.
    /// </summary>
    public static IReadOnlyList<RuleNotRun> NotRun(Ssda903Return current, ValidationLookups? lookups = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        lookups ??= ValidationLookups.None;
        var authority = lookups.AuthorityCode ?? Geography.GmAuthorities.OnsCode(current.Authority);
        var catalogue = RuleCatalogue.For(current.Year);
        return AllRules.Where(r => r.AppliesTo(current.Year) && r.Needs != RuleNeeds.None && catalogue.ContainsKey(r.Code))
            .Select(r => (r.Code, Reason: MissingNeed(r.Needs, lookups, authority, current)))
            .Where(x => x.Reason is not null)
            .DistinctBy(x => x.Code)
            .OrderBy(x => x.Code, StringComparer.Ordinal)
            .Select(x => new RuleNotRun(x.Code, x.Reason!))
            .ToArray();
    }

    /// <summary>Why a rule with these needs cannot run, or null when it can.</summary>
    private static string? MissingNeed(RuleNeeds needs, ValidationLookups lookups, string? authority, Ssda903Return current)
    {
        if (needs.HasFlag(RuleNeeds.Providers) && lookups.Providers is null)
        {
            return NotRunReasons.NoProviders;
        }

        if (needs.HasFlag(RuleNeeds.PostcodeFile) && lookups.Postcodes is null)
        {
            return NotRunReasons.NoPostcodes;
        }

        if (needs.HasFlag(RuleNeeds.PlacementFields) && lookups.Postcodes is null && !PlacementGeography.Carried(current[ReturnTable.Episodes]))
        {
            return NotRunReasons.NoPostcodes;
        }

        var needsAuthority = needs.HasFlag(RuleNeeds.AuthorityCode) || (needs.HasFlag(RuleNeeds.PlacementFields) && lookups.Postcodes is not null);
        return needsAuthority && authority is null ? NotRunReasons.NoAuthority : null;
    }

    /// <summary>
    /// Validates many returns (each with last year's return of the same authority when it is among them), in parallel,
    /// with the same lookups for all (their authority code left null, so that each GM return uses its own).
    /// </summary>
    public static IReadOnlyList<(Ssda903Return Return, IReadOnlyList<ValidationError> Errors)> ValidateAll(IReadOnlyList<Ssda903Return> returns, ValidationLookups? lookups = null)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var byKey = returns.GroupBy(r => (r.Authority, r.Year)).ToDictionary(g => g.Key, g => g.First());
        var errors = ParallelWork.Map(returns, r => Validate(r, byKey.GetValueOrDefault((r.Authority, r.Year.Previous)), only: null, lookups));
        var results = new (Ssda903Return, IReadOnlyList<ValidationError>)[returns.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = (returns[i], errors[i]);
        }

        return results;
    }

    /// <summary>Writes <c>table,row,child,code,fields</c> (fields <c>;</c>-separated).</summary>
    public static void WriteCsv(IEnumerable<ValidationError> errors, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("table,row,child,code,fields");
        foreach (var e in errors)
        {
            writer.Write(e.Table.ToString());
            writer.Write(',');
            writer.Write(e.Row.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(Csv.Escape(e.Child));
            writer.Write(',');
            writer.Write(Csv.Escape(e.Code));
            writer.Write(',');
            writer.WriteLine(Csv.Escape(string.Join(';', e.Fields)));
        }
    }

    private static readonly Dictionary<(string, ReturnTable), string[]> FieldCache = [];

    // The catalogue lists a rule's fields across all its tables; each reported row names the ones in its table.
    private static string[] FieldsFor(RuleInfo info, Ssda903Table table)
    {
        lock (FieldCache)
        {
            if (!FieldCache.TryGetValue((info.Code, table.Kind), out var fields))
            {
                var own = TableSchema.Columns(table.Kind).ToFrozenSet(StringComparer.Ordinal);
                fields = info.Fields.Where(f => own.Contains(f) && f != "CHILD").ToArray();
                if (fields.Length == 0)
                {
                    fields = info.Fields.ToArray();
                }

                FieldCache[(info.Code, table.Kind)] = fields;
            }

            return fields;
        }
    }
}
