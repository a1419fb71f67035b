namespace GmConnect.Demo.Population;

/// <summary>Counts of the realism features the generator built in, for the summary.</summary>
internal sealed class PopulationFeatures
{
    public long TwinPairs { get; set; }

    public long FatherSonSameName { get; set; }

    public long PeopleWithFormerSurname { get; set; }

    public long Children { get; set; }

    public long Aged65Plus { get; set; }

    /// <summary>Adds the household's features; called in order, only for households kept.</summary>
    public void Add(Household household)
    {
        TwinPairs += household.TwinPairs;
        FatherSonSameName += household.FatherSonSameName;
        foreach (var p in household.Members)
        {
            PeopleWithFormerSurname += p.FormerFamilyName is null ? 0 : 1;
            Children += p.Age < 18 ? 1 : 0;
            Aged65Plus += p.Age >= 65 ? 1 : 0;
        }
    }
}
