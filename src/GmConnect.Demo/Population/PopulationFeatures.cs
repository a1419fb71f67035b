namespace GmConnect.Demo.Population;

/// <summary>Counts of the realism features the generator built in, for the summary.</summary>
internal sealed class PopulationFeatures
{
    public long TwinPairs { get; set; }

    public long FatherSonSameName { get; set; }

    public long PeopleWithFormerSurname { get; set; }

    public long Children { get; set; }

    public long Aged65Plus { get; set; }
}
