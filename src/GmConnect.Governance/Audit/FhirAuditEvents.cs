using System.Globalization;
using System.Text.Json.Nodes;

namespace GmConnect.Governance.Audit;

/// <summary>
/// Audit entries as FHIR R4 <c>AuditEvent</c> resources in the shape of IHE BALP: <c>agent[user]</c> with role and
/// purpose of use, <c>entity[patient]</c> per person, <c>entity[data]</c> per resource, <c>entity[transaction]</c>
/// for the request id, and the chain position and hashes as extensions so an IG officer can check them.
/// Built as JSON so Governance needs no FHIR library; the Server validates the shape against Firely's model.
/// </summary>
public static class FhirAuditEvents
{
    /// <summary>The system of the chain extensions.</summary>
    public const string ExtensionBase = "https://gmconnect.example/fhir/StructureDefinition/audit-";

    private const string Dcm = "http://dicom.nema.org/resources/ontology/DCM";
    private const string RestType = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    private const string ObjectRole = "http://terminology.hl7.org/CodeSystem/object-role";
    private const string Local = "https://gmconnect.example/fhir/CodeSystem/";

    /// <summary>One entry as an AuditEvent.</summary>
    public static JsonObject ToAuditEvent(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var r = entry.Record;
        var agents = new JsonArray();
        if (r.PractitionerId is not null)
        {
            var user = new JsonObject
            {
                ["type"] = Concept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", "information recipient"),
                ["who"] = new JsonObject { ["identifier"] = new JsonObject { ["system"] = Local + "practitioner", ["value"] = r.PractitionerId } },
                ["requestor"] = true,
            };
            if (r.Role is not null)
            {
                user["role"] = new JsonArray(Concept(Local + "role", r.Role, null));
            }

            if (r.Purpose is not null)
            {
                user["purposeOfUse"] = new JsonArray(Concept(Local + "purpose", r.Purpose, null));
            }

            if (r.OrganisationId is not null)
            {
                user["extension"] = new JsonArray(new JsonObject { ["url"] = ExtensionBase + "organisation", ["valueString"] = r.OrganisationId });
            }

            agents.Add(user);
        }

        agents.Add(new JsonObject
        {
            ["type"] = Concept(Dcm, "110153", "Source Role ID"),
            ["who"] = new JsonObject { ["display"] = "GM Connect" },
            ["requestor"] = false,
        });

        var entities = new JsonArray();
        if (r.RequestId is not null)
        {
            entities.Add(new JsonObject
            {
                ["what"] = new JsonObject { ["identifier"] = new JsonObject { ["value"] = r.RequestId } },
                ["type"] = Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"),
                ["role"] = Coding(Local + "entity-role", "transaction", "X-Request-Id"),
            });
        }

        foreach (var person in r.PersonIds)
        {
            entities.Add(new JsonObject
            {
                ["what"] = new JsonObject { ["reference"] = "Patient/" + person },
                ["type"] = Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"),
                ["role"] = Coding(ObjectRole, "1", "Patient"),
            });
        }

        foreach (var resource in r.Resources)
        {
            var detail = new JsonArray(
                new JsonObject { ["type"] = "outcome", ["valueString"] = resource.Outcome },
                new JsonObject { ["type"] = "custodian", ["valueString"] = resource.CustodianId },
                new JsonObject { ["type"] = "category", ["valueString"] = resource.Category });
            foreach (var reason in resource.Reasons)
            {
                detail.Add(new JsonObject { ["type"] = "reason", ["valueString"] = reason });
            }

            entities.Add(new JsonObject
            {
                ["what"] = new JsonObject { ["identifier"] = new JsonObject { ["value"] = resource.ResourceId } },
                ["type"] = Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"),
                ["role"] = Coding(ObjectRole, "4", "Domain Resource"),
                ["detail"] = detail,
            });
        }

        var extensions = new JsonArray(
            new JsonObject { ["url"] = ExtensionBase + "sequence", ["valueString"] = entry.Sequence.ToString(CultureInfo.InvariantCulture) },
            new JsonObject { ["url"] = ExtensionBase + "previous-hash", ["valueString"] = entry.PreviousHash },
            new JsonObject { ["url"] = ExtensionBase + "hash", ["valueString"] = entry.Hash },
            new JsonObject { ["url"] = ExtensionBase + "withheld", ["valueInteger"] = r.WithheldCount });
        if (r.BreakGlassSessionId is not null)
        {
            extensions.Add(new JsonObject { ["url"] = ExtensionBase + "break-glass", ["valueString"] = r.BreakGlassSessionId });
        }

        var audit = new JsonObject
        {
            ["resourceType"] = "AuditEvent",
            ["id"] = entry.Id,
            ["extension"] = extensions,
            ["type"] = Coding(RestType, "rest", "RESTful Operation"),
            ["subtype"] = new JsonArray(Coding(Local + "audit-event", r.EventType.ToCode(), null)),
            ["action"] = r.EventType switch
            {
                AuditEventType.Read => "R",
                AuditEventType.Search or AuditEventType.AuditSearched or AuditEventType.SubjectAccessReport => "E",
                AuditEventType.BreakGlassOpened or AuditEventType.DirectiveRecorded or AuditEventType.Created => "C",
                AuditEventType.Deleted => "D",
                _ => "U",
            },
            ["recorded"] = entry.Recorded.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["outcome"] = r.Outcome is "failure" ? "4" : "0",
            ["outcomeDesc"] = r.Outcome,
            ["agent"] = agents,
            ["source"] = new JsonObject { ["observer"] = new JsonObject { ["display"] = "GM Connect Governance" } },
            ["entity"] = entities,
        };
        if (r.Purpose is not null)
        {
            audit["purposeOfEvent"] = new JsonArray(Concept(Local + "purpose", r.Purpose, null));
        }

        return audit;
    }

    /// <summary>Entries as a FHIR <c>Bundle</c> of type searchset.</summary>
    public static JsonObject ToBundle(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var items = new JsonArray();
        foreach (var entry in entries)
        {
            items.Add(new JsonObject { ["fullUrl"] = "AuditEvent/" + entry.Id, ["resource"] = ToAuditEvent(entry) });
        }

        return new JsonObject { ["resourceType"] = "Bundle", ["type"] = "searchset", ["total"] = items.Count, ["entry"] = items };
    }

    private static JsonObject Coding(string system, string code, string? display)
    {
        var coding = new JsonObject { ["system"] = system, ["code"] = code };
        if (display is not null)
        {
            coding["display"] = display;
        }

        return coding;
    }

    private static JsonObject Concept(string system, string code, string? display) => new() { ["coding"] = new JsonArray(Coding(system, code, display)) };
}
