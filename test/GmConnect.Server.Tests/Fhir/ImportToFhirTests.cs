using System.Text;
using GmConnect.Identity.Manager;
using GmConnect.Storage;
using Hl7.Fhir.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Task = System.Threading.Tasks.Task;

namespace GmConnect.Server.Tests.Fhir;

/// <summary>End to end: a CSV imported through /api/imports reaches the Identity Manager through the feed and is found over FHIR.</summary>
public sealed class ImportToFhirTests
{
    [Fact]
    public async Task ImportCsv_ThenPdqSearch_FindsTheImportedPatient()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var exchange = await ExchangeFactory.CreateAsync(
            StoreProvider.Sqlite,
            services =>
            {
                services.RemoveAll<IIdentityManager>();
                services.AddSingleton<IIdentityManager, InMemoryIdentityManager>();
            },
            new Dictionary<string, string?> { ["IdentityFeed:PollInterval"] = "00:00:00.100" });
        var client = exchange.CreateClientAs();
        var csv = "source,record_id,nhs_number,given_name,family_name,sex,date_of_birth,postcode\n"
            + "la:352:socialcare,X1,9434765919,Ada,Lovelace,F,1815-12-10,M1 1AA\n"
            + "police:gmp,Y7,9434765919,Ada,Lovelace,F,1815-12-10,\n";

        var imported = await client.PostAsync("/api/imports/person-records?fileName=ada.csv", new StringContent(csv, Encoding.UTF8, "text/csv"), ct);
        imported.EnsureSuccessStatusCode();

        // The feed runs in the background: wait (bounded) until the index has both records.
        Bundle? bundle = null;
        for (var attempt = 0; attempt < 200 && bundle?.Total != 2; attempt++)
        {
            await Task.Delay(100, ct);
            bundle = await FhirHttp.ReadAsync<Bundle>(await client.GetAsync("/fhir/Patient?family=Lovelace&birthdate=1815-12-10", ct));
        }

        Assert.Equal(2, bundle!.Total);
        var pix = await FhirHttp.ReadAsync<Parameters>(await client.GetAsync("/fhir/Patient/$ihe-pix?sourceIdentifier=urn:gmconnect:source:la:352:socialcare|X1&targetSystem=urn:gmconnect:source:police:gmp", ct));
        Assert.Equal("Y7", ((Identifier)Assert.Single(pix.Parameter, p => p.Name == "targetIdentifier").Value!).Value);
    }
}
