using System.Globalization;
using System.Runtime.CompilerServices;
using GmConnect.Demo.Errors;
using GmConnect.Demo.Output;
using GmConnect.Demo.Population;
using GmConnect.Demo.Randomness;
using GmConnect.Demo.Records;
using GmConnect.Demo.Tables;

namespace GmConnect.Demo;

/// <summary>
/// One generation run, in batches of households. Each household has its own generator stream
/// (seed, household index), so building households and planning their records can run on
/// several threads; everything that depends on order — person numbers, identifiers, record ids,
/// truncation at the requested number of people, the output itself — is done on one thread in
/// household order. The output therefore depends on the options alone. Memory holds one batch.
/// </summary>
internal static class GenerationRun
{
    private const int BatchSize = 256;
    private const int ProgressEvery = 10_000;

    public static PopulationSummary Run(
        PopulationOptions options, IRecordSink sink, IReadOnlyList<string> files,
        IProgress<GenerationProgress>? progress, CancellationToken cancellationToken, int? workerCount = null)
    {
        var tables = DemoTables.Instance;
        var features = new PopulationFeatures();
        var builder = new HouseholdBuilder(tables, options.AsOf);
        var ids = new IdentifierAllocator(options.Seed);
        var recordIds = new RecordIds(options.Seed);
        var workers = workerCount ?? Math.Max(1, Math.Min(Environment.ProcessorCount, 8));
        var planners = Enumerable.Range(0, workers)
            .Select(_ => new RecordPlanner(options.AsOf, new ErrorInjector(options.Rates, tables, options.AsOf)))
            .ToArray();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken };
        var names = new Dictionary<ulong, int>();
        var batch = new Household[BatchSize];

        long people = 0;
        long households = 0;
        long records = 0;
        var nearbyNhs = "";
        var nextReport = ProgressEvery;
        while (people < options.People)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Build a batch of households in parallel; each uses only its own generator.
            var first = households;
            Parallel.For(0, BatchSize, parallel, i =>
            {
                var rng = Prng.ForStream(options.Seed, first + i);
                var household = builder.Build(first + i, ref rng);
                household.Rng = rng;
                batch[i] = household;
            });

            // In order: number the people, stop at the requested count, give identifiers.
            var used = 0;
            while (used < BatchSize && people < options.People)
            {
                var household = batch[used++];
                var room = options.People - people;
                if (household.Members.Count > room)
                {
                    household.Members.RemoveRange((int)room, household.Members.Count - (int)room);
                }

                household.NearbyNhsNumber = nearbyNhs;
                features.Add(household);
                foreach (var p in household.Members)
                {
                    p.Index = people;
                    p.PersonId = "person-" + (people + 1).ToString("D7", CultureInfo.InvariantCulture);
                    people++;
                    ids.Assign(p);
                    if (p.NhsNumber.Length > 0)
                    {
                        nearbyNhs = p.NhsNumber;
                    }

                    var key = NameHash(p.GivenName, p.FamilyName);
                    names[key] = names.GetValueOrDefault(key) + 1;
                }
            }

            households += used;

            // Plan the records in parallel: contiguous slices, one planner per slice.
            var slice = (used + workers - 1) / workers;
            Parallel.For(0, workers, parallel, w =>
            {
                var end = Math.Min(used, (w + 1) * slice);
                for (var i = w * slice; i < end; i++)
                {
                    planners[w].Emit(batch[i]);
                }
            });

            // In order: record ids, then out.
            records += Output(batch, used, recordIds, sink);
            if (people >= nextReport && people < options.People)
            {
                progress?.Report(new GenerationProgress(people, options.People, records));
                nextReport = (int)Math.Min(int.MaxValue, people - (people % ProgressEvery) + ProgressEvery);
            }
        }

        progress?.Report(new GenerationProgress(people, options.People, records));
        return Summarise(options, files, features, planners, names, people, households, records);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Output(Household[] batch, int used, RecordIds recordIds, IRecordSink sink)
    {
        long written = 0;
        for (var i = 0; i < used; i++)
        {
            foreach (var row in batch[i].Rows)
            {
                sink.Write(row with { RecordId = recordIds.Next(row.Kind) });
                written++;
            }

            batch[i] = null!;
        }

        return written;
    }

    private static PopulationSummary Summarise(
        PopulationOptions options, IReadOnlyList<string> files, PopulationFeatures features, RecordPlanner[] planners,
        Dictionary<ulong, int> names, long people, long households, long records)
    {
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
            bySource[SourceKinds.Name(kind)] = planners.Sum(p => p.RecordsPerKind[(int)kind]);
        }

        var errors = new Dictionary<string, ErrorCount>();
        foreach (var type in Enum.GetValues<ErrorType>())
        {
            errors[type.ToString()] = new ErrorCount(
                options.Rates.For(type),
                planners.Sum(p => p.Injector.Opportunities[(int)type]),
                planners.Sum(p => p.Injector.Applied[(int)type]));
        }

        return new PopulationSummary
        {
            People = (int)people,
            Households = households,
            Seed = options.Seed,
            AsOf = options.AsOf,
            Records = records,
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
                ["duplicateRecordsWithinSource"] = planners.Sum(p => p.DuplicatesWithinSource),
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
