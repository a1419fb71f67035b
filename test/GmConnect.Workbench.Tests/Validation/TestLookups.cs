using GmConnect.Workbench.Geography;
using GmConnect.Workbench.Validation;

namespace GmConnect.Workbench.Tests.Validation;

/// <summary>
/// A small synthetic postcode file and Ofsted provider list for the clean <see cref="ReturnBuilder"/> return, written
/// here as CSV text in the public layouts the lookups read. The grid references, districts and providers are made up
/// (no real postcode data is shipped); the return's authority is Manchester (E08000003).
/// </summary>
internal static class TestLookups
{
    public const string Authority = "E08000003";

    public const string PostcodeFile = """
        pcd,pcds,laua,cty,oseast1m,osnrth1m
        M1  1AA,M1 1AA,E08000003,E99999999,383800,398000
        M2  2BB,M2 2BB,E08000003,E99999999,383500,398500
        M4  4DD,M4 4DD,E08000003,E99999999,385000,398700
        BL1 1AA,BL1 1AA,E08000001,E99999999,371500,409000
        FA1 1AA,FA1 1AA,E08000001,E99999999,2000000,2000000
        CF1 1AA,CF1 1AA,W06000015,W99999999,318000,176000
        GY1 1AA,GY1 1AA,L99999999,L99999999,,
        """;

    public const string ProviderFile = """
        URN,Provider type,Placement code,Placement provider code,Deregistration date,Setting address postcode
        SC123456,Fostering agency,U4/A5,PR1,,M2 2BB
        SC654321,Fostering agency,U6,PR1,,M4 4DD
        SC111111,Children's home,U4,PR1,01/01/2020,M2 2BB
        SC222222,Children's home,U4,PR1,01/02/2025,M2 2BB
        """;

    /// <summary>Both lookups and the authority's code.</summary>
    public static ValidationLookups Standard { get; } = new(Postcodes(), Providers(), Authority);

    public static PostcodeLookup Postcodes() =>
        PostcodeLookup.Load(new StringReader(PostcodeFile), "postcodes.csv").Value ?? throw new InvalidOperationException("bad test postcode file");

    public static OfstedProviders Providers() =>
        OfstedProviders.Load(new StringReader(ProviderFile), "providers.csv").Value ?? throw new InvalidOperationException("bad test provider file");
}
