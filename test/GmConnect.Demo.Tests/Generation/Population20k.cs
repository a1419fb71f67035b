namespace GmConnect.Demo.Tests.Generation;

/// <summary>One 20,000-person run with the default rates, shared by the tests that inspect it.</summary>
public sealed class Population20k
{
    public Population20k()
    {
        (Sink, Summary) = ListSink.Generate(new PopulationOptions { People = 20_000, Seed = 42 });
    }

    internal ListSink Sink { get; }

    public PopulationSummary Summary { get; }
}
