using GmConnect.Identity.Manager;
using GmConnect.Identity.Storage;
using GmConnect.Storage;
using GmConnect.Storage.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GmConnect.Identity.Tests.Manager;

/// <summary>A migrated store with an Identity Manager over it, and a way to reopen it (rebuilding from the store).</summary>
internal sealed class TestIndex : IAsyncDisposable
{
    private TestIndex(TestStore store, IdentityManagerOptions options)
    {
        Store = store;
        Options = options;
        Manager = new IdentityManager(store.Store, options, Time);
    }

    public TestStore Store { get; }

    public IdentityManagerOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    public IdentityManager Manager { get; private set; }

    public static async Task<TestIndex> CreateAsync(StoreProvider provider = StoreProvider.Sqlite, IdentityManagerOptions? options = null)
    {
        var store = await TestStore.CreateAsync(provider);
        await new MigrationRunner(store.Store, [IdentityMigrations.Source], new FakeTimeProvider()).MigrateAsync(TestContext.Current.CancellationToken);
        return new TestIndex(store, options ?? new IdentityManagerOptions());
    }

    /// <summary>A fresh manager over the same store: everything it knows comes from the store.</summary>
    public async Task<IdentityManager> ReopenAsync()
    {
        Manager.Dispose();
        Manager = new IdentityManager(Store.Store, Options, Time);
        await Manager.InitializeAsync(TestContext.Current.CancellationToken);
        return Manager;
    }

    /// <summary>Submits <paramref name="count"/> unrelated people, so that term frequencies look like a population's.</summary>
    public async Task AddStrangersAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Manager.SubmitAsync(TestPeople.Stranger(i), TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Manager.Dispose();
        await Store.DisposeAsync();
    }
}

/// <summary>People for tests: valid identifiers and distinct demographics.</summary>
internal static class TestPeople
{
    private static readonly string[] Given = ["Amara", "Bilal", "Ciara", "Dmitri", "Eilidh", "Farah", "Gethin", "Hana", "Idris", "Jovana", "Kofi", "Lorna", "Mateo", "Niamh", "Oskar", "Priya", "Quentin", "Rhiannon", "Soren", "Tallulah"];
    private static readonly string[] Family = ["Abara", "Bexley", "Cotterill", "Dunmore", "Etheridge", "Fairclough", "Gorecki", "Hollinshead", "Isherwood", "Jablonski", "Kershaw", "Lomax", "Mottram", "Nuttall", "Ormerod", "Pilkington", "Quayle", "Ramsbottom", "Shuttleworth", "Tattersall"];

    /// <summary>A valid NHS number (Modulus 11) from a seed.</summary>
    public static string NhsNumber(int seed)
    {
        for (var n = 400_000_000 + (seed * 7); ; n++)
        {
            var digits = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                sum += (digits[i] - '0') * (10 - i);
            }

            var check = 11 - (sum % 11);
            if (check == 10)
            {
                continue;
            }

            return digits + (check == 11 ? 0 : check).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public static IdentityRecord Stranger(int i) => new()
    {
        Source = "stranger:" + (i % 3),
        RecordId = "s" + i,
        NhsNumber = NhsNumber(10_000 + i),
        GivenName = Given[i % Given.Length] + (i / Given.Length == 0 ? "" : "x" + (i / Given.Length)),
        FamilyName = Family[(i * 7) % Family.Length] + "-" + i,
        Sex = i % 2 == 0 ? "F" : "M",
        DateOfBirth = new DateOnly(1940, 1, 1).AddDays(i * 397),
        Postcode = "OL" + ((i % 16) + 1) + " " + (i % 9) + "AB",
    };

    /// <summary>One person as a GP holds them.</summary>
    public static IdentityRecord Amelia(string source = "gp:P84001", string id = "g1") => new()
    {
        Source = source,
        RecordId = id,
        NhsNumber = NhsNumber(1),
        GivenName = "Amelia",
        MiddleNames = "Rose",
        FamilyName = "Okonkwo",
        Sex = "F",
        DateOfBirth = new DateOnly(2012, 3, 14),
        Postcode = "M13 9PL",
        Phone = "07700 900123",
    };
}

/// <summary>Comparable forms of what the manager returns (records hold arrays, which compare by reference).</summary>
internal static class Snapshots
{
    public static IReadOnlyList<string> Of(PersonView? person) =>
        person is null ? [] : [.. person.Records.Select(Of).Prepend($"person {person.PersonId} merged-into {person.MergedInto}")];

    public static string Of(LinkedRecord record) =>
        $"{record.Record} v{record.Version} -> {record.PersonId} {record.Link} [{string.Join(", ", record.Identifiers)}]";
}
