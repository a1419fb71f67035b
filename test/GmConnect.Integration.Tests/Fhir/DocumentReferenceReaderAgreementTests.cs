using System.Text;
using System.Text.Json;
using GmConnect.Integration.Fhir;
using Hl7.Fhir.Model;

namespace GmConnect.Integration.Tests.Fhir;

/// <summary>
/// The fast <c>DocumentReference</c> reader against the Firely SDK's strict parse (docs/adr/0014): whatever the fast
/// reader accepts, the SDK accepts, as the same resource with the same digest; whatever it cannot prove fine it
/// leaves to the SDK. So the importer's verdicts cannot depend on which of the two read an entry.
/// </summary>
public sealed class DocumentReferenceReaderAgreementTests
{
    private const string Minimal = """{"resourceType":"DocumentReference","masterIdentifier":{"system":"urn:bench:la352","value":"cpp-1"},"status":"current","type":{"coding":[{"system":"urn:gmconnect:record-type","code":"child-protection-plan"}]},"subject":{"identifier":{"system":"urn:gmconnect:source:la:352","value":"123"}},"content":[{"attachment":{"contentType":"application/pdf","url":"https://la352.example/plans/1"}}]}""";

    private const string Full = """{"resourceType":"DocumentReference","id":"ptr-1.a","masterIdentifier":{"system":"urn:test:plan","value":"cpp 2"},"status":"superseded","type":{"coding":[{"system":"urn:gmconnect:record-type","code":"child-protection-plan","display":"Child protection plan"}]},"category":[{"coding":[{"system":"urn:gmconnect:record-category","code":"social-care"}]}],"subject":{"identifier":{"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9434765919"}},"custodian":{"identifier":{"system":"urn:gmconnect:organisation","value":"dfe:352"}},"description":"Plan for Zoë & family <review> 'soon' + more","securityLabel":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-Confidentiality","code":"R"}]},{"coding":[{"system":"urn:gmconnect:security-label","code":"protected-address"}]}],"content":[{"attachment":{"contentType":"application/pdf","url":"https://la352.example/plans/1?a=1&b=2+3","size":1024,"title":"Plan"}},{"attachment":{"url":"urn:x-plan:5b1f"}}],"context":{"period":{"start":"2026-01-31","end":"2026-12-01"}}}""";

    /// <summary>Valid shapes the fast reader must take itself (else it buys nothing).</summary>
    public static TheoryData<string> FastShapes() =>
    [
        Minimal,
        Full,
        Minimal.Replace("\"current\"", "\"entered-in-error\"", StringComparison.Ordinal),
        // Key order, whitespace and pretty-printing do not matter.
        """
        {
          "resourceType": "DocumentReference",
          "content": [ { "attachment": { "url": "https://x.example/1", "contentType": "text/plain" } } ],
          "subject": { "identifier": { "value": "123", "system": "urn:gmconnect:source:la:352" } },
          "status": "current",
          "type": { "coding": [ { "code": "child-protection-plan", "system": "urn:gmconnect:record-type" } ] },
          "masterIdentifier": { "value": "cpp-1", "system": "urn:bench:la352" }
        }
        """,
        """{"resourceType":"DocumentReference","status":"current","content":[{"attachment":{"size":0}}]}""",
    ];

    /// <summary>Every kind of entry the fast reader must leave to the SDK: invalid, or valid but not modelled.</summary>
    public static TheoryData<string> SdkShapes() =>
    [
        // Invalid: JSON
        "{not json",
        Minimal + " x",
        Minimal + Minimal,
        Minimal.Replace("}]}", "},]}", StringComparison.Ordinal),
        Minimal.Replace("{\"resourceType\"", "{/* c */\"resourceType\"", StringComparison.Ordinal),
        "[]",
        "null",
        // Invalid: elements and types
        Minimal.Replace("\"status\":\"current\"", "\"status\":\"draft\"", StringComparison.Ordinal),
        Minimal.Replace("\"status\":\"current\"", "\"status\":\"bogus\"", StringComparison.Ordinal),
        Minimal.Replace("\"status\":\"current\"", "\"status\":1", StringComparison.Ordinal),
        Minimal.Replace("\"status\":\"current\"", "\"status\":null", StringComparison.Ordinal),
        Minimal.Replace("\"status\":\"current\"", "\"status\":\"current\",\"status\":\"current\"", StringComparison.Ordinal),
        Minimal.Replace("\"status\":\"current\",", "", StringComparison.Ordinal),
        Minimal.Replace("\"status\":\"current\"", "\"status\":\"current\",\"foo\":1", StringComparison.Ordinal),
        Minimal.Replace("\"status\":\"current\"", "\"_status\":{\"id\":\"a\"},\"status\":\"current\"", StringComparison.Ordinal),
        Minimal.Replace("\"status\":\"current\"", "\"status\":\"current\",\"extension\":[{\"url\":\"urn:x\",\"valueString\":\"y\"}]", StringComparison.Ordinal),
        Minimal.Replace("\"status\":\"current\"", "\"status\":\"current\",\"meta\":{\"versionId\":\"1\"}", StringComparison.Ordinal),
        Minimal.Replace("\"status\":\"current\"", "\"status\":\"current\",\"docStatus\":\"final\"", StringComparison.Ordinal),
        Minimal.Replace("\"status\":\"current\"", "\"status\":\"current\",\"date\":\"2026-01-01T00:00:00Z\"", StringComparison.Ordinal),
        Minimal.Replace("\"status\":\"current\"", "\"status\":\"current\",\"relatesTo\":[{\"code\":\"replaces\",\"target\":{\"reference\":\"DocumentReference/1\"}}]", StringComparison.Ordinal),
        Minimal.Replace("\"content\":[{\"attachment\":{\"contentType\":\"application/pdf\",\"url\":\"https://la352.example/plans/1\"}}]", "\"content\":[]", StringComparison.Ordinal),
        Minimal.Replace(",\"content\":[{\"attachment\":{\"contentType\":\"application/pdf\",\"url\":\"https://la352.example/plans/1\"}}]", "", StringComparison.Ordinal),
        Minimal.Replace("{\"attachment\":{\"contentType\":\"application/pdf\",\"url\":\"https://la352.example/plans/1\"}}", "{}", StringComparison.Ordinal),
        Minimal.Replace("\"masterIdentifier\":{\"system\":\"urn:bench:la352\",\"value\":\"cpp-1\"}", "\"masterIdentifier\":[{\"system\":\"urn:bench:la352\",\"value\":\"cpp-1\"}]", StringComparison.Ordinal),
        Minimal.Replace("\"masterIdentifier\":{\"system\":\"urn:bench:la352\",\"value\":\"cpp-1\"}", "\"masterIdentifier\":{}", StringComparison.Ordinal),
        Minimal.Replace("\"value\":\"cpp-1\"", "\"value\":\"\"", StringComparison.Ordinal),
        Minimal.Replace("\"value\":\"cpp-1\"", "\"value\":\" cpp-1\"", StringComparison.Ordinal),
        Minimal.Replace("\"value\":\"cpp-1\"", "\"value\":\"cpp-1 \"", StringComparison.Ordinal),
        Minimal.Replace("\"value\":\"cpp-1\"", "\"value\":\"cpp\\u002d1\"", StringComparison.Ordinal),
        Minimal.Replace("\"value\":\"cpp-1\"", "\"value\":\"cpp\\\"1\"", StringComparison.Ordinal),
        Minimal.Replace("\"value\":\"cpp-1\"", "\"value\":12", StringComparison.Ordinal),
        Minimal.Replace("\"value\":\"cpp-1\"", "\"value\":null", StringComparison.Ordinal),
        Minimal.Replace("\"value\":\"cpp-1\"", "\"value\":\"cpp-1\",\"use\":\"official\"", StringComparison.Ordinal),
        Minimal.Replace("\"system\":\"urn:bench:la352\"", "\"system\":\"urn:bench la352\"", StringComparison.Ordinal),
        Minimal.Replace("\"system\":\"urn:bench:la352\"", "\"system\":\"\"", StringComparison.Ordinal),
        Minimal.Replace("\"code\":\"child-protection-plan\"", "\"code\":\"child protection plan\"", StringComparison.Ordinal),
        Minimal.Replace("\"code\":\"child-protection-plan\"", "\"code\":\" child\"", StringComparison.Ordinal),
        Minimal.Replace("\"code\":\"child-protection-plan\"", "\"code\":true", StringComparison.Ordinal),
        Minimal.Replace("\"coding\":[{", "\"coding\":{", StringComparison.Ordinal).Replace("}]},\"subject\"", "}},\"subject\"", StringComparison.Ordinal),
        Minimal.Replace("\"coding\":[{\"system\":\"urn:gmconnect:record-type\",\"code\":\"child-protection-plan\"}]", "\"coding\":[]", StringComparison.Ordinal),
        Minimal.Replace("\"coding\":[{\"system\":\"urn:gmconnect:record-type\",\"code\":\"child-protection-plan\"}]", "\"coding\":[null]", StringComparison.Ordinal),
        Minimal.Replace("\"coding\":[{\"system\":\"urn:gmconnect:record-type\",\"code\":\"child-protection-plan\"}]", "\"text\":\"plan\"", StringComparison.Ordinal),
        Minimal.Replace("\"subject\":{\"identifier\"", "\"subject\":{\"reference\":\"Patient/1\",\"identifier\"", StringComparison.Ordinal),
        Minimal.Replace("\"url\":\"https://la352.example/plans/1\"", "\"url\":\"https://la352.example/plans/1\",\"data\":\"aGVsbG8=\"", StringComparison.Ordinal),
        Minimal.Replace("\"url\":\"https://la352.example/plans/1\"", "\"url\":\"https://la352.example/plans 1\"", StringComparison.Ordinal),
        Minimal.Replace("\"contentType\":\"application/pdf\"", "\"contentType\":\"application/pdf; charset=x\"", StringComparison.Ordinal),
        Minimal.Replace("https://la352.example/plans/1", "http://term[inology.example/1", StringComparison.Ordinal),
        Minimal.Replace("https://la352.example/plans/1", "https://la352.example/plans%2", StringComparison.Ordinal),
        Minimal.Replace("https://la352.example/plans/1", "urn:uuid:5b1f", StringComparison.Ordinal),
        Minimal.Replace("https://la352.example/plans/1", "urn:oid:1.2.x", StringComparison.Ordinal),
        // Not modelled, and perhaps valid: the SDK decides.
        "{\"status\":\"current\"," + Minimal[1..].Replace("\"status\":\"current\",", "", StringComparison.Ordinal),
        Minimal.Replace("\"resourceType\":\"DocumentReference\"", "\"resourceType\":\"Patient\"", StringComparison.Ordinal),
        """{"resourceType":"Patient","id":"p1","gender":"female"}""",
        Minimal.Replace("\"cpp-1\"", "\"cpp-1\u00a0\"", StringComparison.Ordinal),
        Minimal.Replace("\"cpp-1\"", "\"\u00e9cpp-1\"", StringComparison.Ordinal),
        Minimal.Replace("\"status\":\"current\"", "\"status\":\"current\",\"id\":\"a b\"", StringComparison.Ordinal),
        Minimal.Replace("\"status\":\"current\"", "\"status\":\"current\",\"id\":\"" + new string('a', 65) + "\"", StringComparison.Ordinal),
    ];

    public static TheoryData<string> Periods() => ["2026-13-01", "2026-02-30", "2026", "2026-01", "2026-01-01T10:00:00Z", "2026-1-01", "0000-01-01", "", "2024-02-29"];

    public static TheoryData<string> Sizes() => ["-1", "1.5", "\"12\"", "01", "1e3", "99999999999", "2147483647", "4294967295", "0", "null"];

    [Theory]
    [MemberData(nameof(FastShapes))]
    public void TryRead_ValidShapesItModels_ReadsTheSameResourceAndDigestAsTheSdk(string json)
    {
        Assert.True(DocumentReferenceReader.TryRead(json, out var fast, out var digest));
        AssertSameAsSdk(json, fast!, digest!);
    }

    [Theory]
    [MemberData(nameof(SdkShapes))]
    public void TryRead_AnythingItCannotProveFine_LeavesToTheSdk(string json)
    {
        var fast = DocumentReferenceReader.TryRead(json, out _, out _);

        Assert.False(fast);
    }

    [Theory]
    [MemberData(nameof(Periods))]
    public void TryRead_PeriodForms_AcceptedOnlyWhereTheSdkAcceptsTheSame(string day) =>
        AssertAgrees(Minimal.Replace("\"status\":\"current\"", "\"status\":\"current\",\"context\":{\"period\":{\"start\":\"" + day + "\"}}", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Sizes))]
    public void TryRead_SizeForms_AcceptedOnlyWhereTheSdkAcceptsTheSame(string size) =>
        AssertAgrees(Minimal.Replace("\"contentType\":\"application/pdf\"", "\"contentType\":\"application/pdf\",\"size\":" + size, StringComparison.Ordinal));

    /// <summary>
    /// Random damage to valid entries (characters dropped, doubled or inserted; values swapped for awkward ones):
    /// whenever the fast reader still accepts, the SDK accepts the same resource with the same digest.
    /// </summary>
    [Fact]
    public void TryRead_RandomlyDamagedEntries_NeverAcceptsWhatTheSdkRefusesOrReadsItDifferently()
    {
        var random = new Random(20261129);
        string[] inserts = ["\"", ",", "{", "}", "[", "]", " ", "1", "null", "\"x\"", "\\u0041", "\u00e9", "-", ":", "\"status\":\"current\",", "0", "T", "\t"];
        string[] values = ["", " ", "a b", "current", "2026-02-29", "2025-02-29", "x\u00a0", "\u00e9", "<&>", "DocumentReference", "1", "-1"];
        var accepted = 0;
        for (var n = 0; n < Rounds; n++)
        {
            var text = new StringBuilder(n % 2 == 0 ? Minimal : Full);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(text.Length);
                switch (random.Next(4))
                {
                    case 0:
                        text.Remove(at, Math.Min(random.Next(1, 4), text.Length - at));
                        break;
                    case 1:
                        text.Insert(at, text.ToString(at, Math.Min(random.Next(1, 8), text.Length - at)));
                        break;
                    case 2:
                        text.Insert(at, inserts[random.Next(inserts.Length)]);
                        break;
                    default:
                        // Replace the string value that starts after the next ":\"" with an awkward one.
                        var s = text.ToString();
                        var start = s.IndexOf(":\"", at, StringComparison.Ordinal);
                        var end = start < 0 ? -1 : s.IndexOf('"', start + 2);
                        if (end > 0)
                        {
                            text.Remove(start + 2, end - start - 2).Insert(start + 2, values[random.Next(values.Length)]);
                        }

                        break;
                }
            }

            accepted += AssertAgrees(text.ToString()) ? 1 : 0;
        }

        // Damage that leaves a valid entry (a doubled space, a value swapped for another good one) is common enough
        // that the check above has bitten on accepted entries, not only on refusals.
        Assert.True(accepted > 100, $"only {accepted} damaged entries were read fast");
    }

    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("GMC_FUZZ_ROUNDS"), out var rounds) ? rounds : 3_000;

    /// <summary>True when the fast reader took it (and then it matched the SDK exactly).</summary>
    private static bool AssertAgrees(string json)
    {
        if (!DocumentReferenceReader.TryRead(json, out var fast, out var digest))
        {
            return false;
        }

        AssertSameAsSdk(json, fast!, digest!);
        return true;
    }

    private static void AssertSameAsSdk(string json, DocumentReference fast, string digest)
    {
        var (resource, problems) = FhirImporter.Parse(new FhirEntry(1, "", json, null));
        Assert.True(resource is DocumentReference, $"the SDK refused what the fast reader accepted: {json}\n{string.Join("; ", problems.Select(p => p.Field + ": " + p.Message))}");
        Assert.Equal(JsonSerializer.Serialize(resource, FhirJson.Options), JsonSerializer.Serialize<Resource>(fast, FhirJson.Options));
        Assert.Equal(FhirImporter.ContentHash(resource!), digest);
    }
}
