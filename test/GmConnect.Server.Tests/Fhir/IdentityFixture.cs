using GmConnect.Governance.Administration;
using GmConnect.Governance.Sensitivity;
using GmConnect.Identity.Manager;
using GmConnect.Server.Fhir.Identity;
using GmConnect.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GmConnect.Server.Tests.Fhir;

/// <summary>
/// The exchange with a small identity index: Jane Smith known to Manchester social care (dfe:352, the test
/// caller's own organisation), Greater Manchester Police (police:06, in the safeguarding agreement) and a GP
/// practice in no agreement (ods:P84001); John Doe known to Manchester social care only. The real Identity
/// Manager (AddIdentityManager) on the given store.
/// </summary>
internal static class IdentityFixture
{
    public const string JaneNhs = "9434765919";
    public static readonly SourceRecordKey JaneSocialCare = new("la:352:socialcare", "SC1");
    public static readonly SourceRecordKey JanePolice = new("police:gmp", "PN1");
    public static readonly SourceRecordKey JaneGp = new("gp:P84001", "G1");
    public static readonly SourceRecordKey JohnSocialCare = new("la:352:socialcare", "SC2");

    public static async Task<ExchangeFactory> CreateAsync(StoreProvider provider = StoreProvider.Sqlite)
    {
        var exchange = await ExchangeFactory.CreateAsync(provider);
        var identity = exchange.Services.GetRequiredService<IIdentityManager>();
        var jane = new IdentityRecord
        {
            Source = JaneSocialCare.Source, RecordId = JaneSocialCare.RecordId, NhsNumber = JaneNhs, GivenName = "Jane", MiddleNames = "Ann", FamilyName = "Smith",
            Sex = "F", DateOfBirth = new DateOnly(1984, 3, 7), Postcode = "M1 1AA", Address = "1 Test Street, Manchester", Phone = "0161 000 0000",
        };
        await identity.SubmitAsync(jane, TestContext.Current.CancellationToken);
        await identity.SubmitAsync(jane with { Source = JanePolice.Source, RecordId = JanePolice.RecordId, PncId = "98/1234567A", Phone = null }, TestContext.Current.CancellationToken);
        await identity.SubmitAsync(jane with { Source = JaneGp.Source, RecordId = JaneGp.RecordId }, TestContext.Current.CancellationToken);
        await identity.SubmitAsync(new IdentityRecord
        {
            Source = JohnSocialCare.Source, RecordId = JohnSocialCare.RecordId, GivenName = "John", FamilyName = "Doe", Sex = "M", DateOfBirth = new DateOnly(1990, 1, 2), Postcode = "M2 2BB",
        }, TestContext.Current.CancellationToken);
        return exchange;
    }

    public static string PatientId(SourceRecordKey key) => FhirIds.ForRecord(key);

    public static async Task<string> PersonIdOfAsync(ExchangeFactory exchange, SourceRecordKey key) =>
        (await exchange.Services.GetRequiredService<IIdentityManager>().GetRecordAsync(key, TestContext.Current.CancellationToken))!.PersonId;

    /// <summary>Marks a person's address as protected, as an IG officer would.</summary>
    public static async Task ProtectAddressAsync(ExchangeFactory exchange, string personId)
    {
        var admin = exchange.Services.GetRequiredService<GovernanceAdministration>();
        var result = await admin.SetPersonLabelsAsync(new Actor("demo-ig-352", "dfe:352", "ig-officer"), personId, SensitivityLabels.ProtectedAddress, TestContext.Current.CancellationToken);
        Assert.Equal(ChangeStatus.Ok, result.Status);
    }
}
