using System.Runtime.CompilerServices;
using GmConnect.Demo.Errors;
using GmConnect.Demo.Output;
using GmConnect.Demo.Population;
using GmConnect.Demo.Randomness;
using GmConnect.Demo.Records;
using GmConnect.Demo.Tables;

namespace GmConnect.Demo;

/// <summary>
/// One generation run: households one after another, each from its own generator stream
/// (seed, household index), so the output depends on the options alone. Only the current
/// household is held in memory, plus a small table of full-name hashes for the summary.
/// </summary>
internal static class GenerationRun
{
    private const int ProgressEvery = 10_000;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static PopulationSummary Run(
        PopulationOptions options, IRecordSink sink, IReadOnlyList<string> files,
        IProgress<GenerationProgress>? progress, CancellationToken cancellationToken)
    {
        var tables = DemoTables.Instance;
        var features = new PopulationFeatures();
        var builder = new HouseholdBuilder(tables, new IdentifierAllocator(options.Seed), options.AsOf, features);
        var injector = new ErrorInjector(options.Rates, tables, options.AsOf);
        var planner = new RecordPlanner(options.AsOf, injector, sink, options.Seed);
        var names = new Dictionary<ulong, int>();

        long people = 0;
        long households = 0;
        var nearbyNhs = "";
        var nextReport = ProgressEvery;
        while (people < options.People)
        {
            if ((households & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var rng = Prng.ForStream(options.Seed, households);
            var household = builder.Build(households, ref rng, (int)Math.Min(int.MaxValue, options.People - people));
            planner.Emit(household, ref rng, nearbyNhs);
            foreach (var p in household.Members)
            {
                if (p.NhsNumber.Length > 0)
                {
                    nearbyNhs = p.NhsNumber;
                }

                features.Children += p.Age < 18 ? 1 : 0;
                features.Aged65Plus += p.Age >= 65 ? 1 : 0;
                var key = NameHash(p.GivenName, p.FamilyName);
                names[key] = names.GetValueOrDefault(key) + 1;
            }

            people += household.Members.Count;
            households++;
            if (people >= nextReport && people < options.People)
            {
                progress?.Report(new GenerationProgress(people, options.People, planner.Records));
                nextReport = (int)Math.Min(int.MaxValue, people - (people % ProgressEvery) + ProgressEvery);
            }
        }

        progress?.Report(new GenerationProgress(people, options.People, planner.Records));

        long sharing = 0;
        var largest = 0;
        foreach (var count in names.Values)
        {
            if (count > 1)
            {
                sharing += count;
            }

            largest = Math.Max(largest, count);
        }

        var bySource = new Dictionary<string, long>();
        foreach (var kind in SourceKinds.All)
        {
            bySource[SourceKinds.Name(kind)] = planner.RecordsPerKind[(int)kind];
        }

        var errors = new Dictionary<string, ErrorCount>();
        foreach (var type in Enum.GetValues<ErrorType>())
        {
            errors[type.ToString()] = new ErrorCount(options.Rates.For(type), injector.Opportunities[(int)type], injector.Applied[(int)type]);
        }

        return new PopulationSummary
        {
            People = (int)people,
            Households = households,
            Seed = options.Seed,
            AsOf = options.AsOf,
            Records = planner.Records,
            RecordsBySource = bySource,
            Errors = errors,
            Features = new Dictionary<string, long>
            {
                ["children"] = features.Children,
                ["aged65Plus"] = features.Aged65Plus,
                ["twinPairs"] = features.TwinPairs,
                ["fatherSonSameName"] = features.FatherSonSameName,
                ["peopleWithFormerSurname"] = features.PeopleWithFormerSurname,
                ["peopleSharingFullName"] = sharing,
                ["largestGroupSharingFullName"] = largest,
                ["duplicateRecordsWithinSource"] = planner.DuplicatesWithinSource,
            },
            Files = files,
        };
    }

    /// <summary>FNV-1a over the two names: deterministic across runs, unlike string.GetHashCode.</summary>
    private static ulong NameHash(string given, string family)
    {
        var h = 14695981039346656037UL;
        foreach (var c in given)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        h = (h ^ '|') * 1099511628211UL;
        foreach (var c in family)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }
}
