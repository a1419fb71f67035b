using System.Globalization;
using GmConnect.Governance.Sensitivity;
using GmConnect.Locator.Pointers;
using GmConnect.Locator.RecordTypes;
using GmConnect.Server.Fhir.Infrastructure;
using Hl7.Fhir.Model;

namespace GmConnect.Server.Fhir.DocumentReferences;

/// <summary>Pointers as NRL-shaped FHIR R4 <c>DocumentReference</c>s, both ways.</summary>
internal static class DocumentReferenceMapping
{
    /// <summary>The code system of record types (configs/locator/record-types.json).</summary>
    public const string TypeSystem = "urn:gmconnect:record-type";

    /// <summary>The code system of record categories.</summary>
    public const string CategorySystem = "urn:gmconnect:record-category";

    /// <summary>The identifier system of organisations (Governance keys, e.g. <c>dfe:352</c>).</summary>
    public const string OrganisationSystem = "urn:gmconnect:organisation";

    /// <summary>Further subject identifiers beyond <c>subject.identifier</c> (a FHIR Reference carries only one).</summary>
    public const string SubjectIdentifierExtension = "urn:gmconnect:fhir:extension:subject-identifier";

    /// <summary>HL7 v3 Confidentiality: R (restricted), V (very restricted: sealed).</summary>
    public const string ConfidentialitySystem = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

    /// <summary>Labels HL7 has no code for (a protected address).</summary>
    public const string LabelSystem = "urn:gmconnect:security-label";

    public static DocumentReference ToFhir(RecordPointer pointer, RecordTypeRegistry types)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        var type = types.Find(pointer.Type);
        var category = types.FindCategory(pointer.Category);
        var resource = new DocumentReference
        {
            Id = pointer.Id,
            Meta = new Meta { VersionId = pointer.Version.ToString(CultureInfo.InvariantCulture), LastUpdated = pointer.LastUpdated },
            Status = pointer.Status switch
            {
                PointerStatus.Current => DocumentReferenceStatus.Current,
                PointerStatus.Superseded => DocumentReferenceStatus.Superseded,
                _ => DocumentReferenceStatus.EnteredInError,
            },
            DocStatus = CompositionStatus.Final,
            Type = new CodeableConcept(TypeSystem, pointer.Type, type?.Display),
            Category = [new CodeableConcept(CategorySystem, pointer.Category, category?.Display)],
            Subject = new ResourceReference { Identifier = new Identifier(pointer.Subjects[0].System, pointer.Subjects[0].Value) },
            Date = pointer.Created,
            Custodian = new ResourceReference { Identifier = new Identifier(OrganisationSystem, pointer.CustodianId) },
            Description = pointer.Description,
        };
        foreach (var more in pointer.Subjects.Skip(1))
        {
            resource.Subject.Extension.Add(new Extension(SubjectIdentifierExtension, new Identifier(more.System, more.Value)));
        }

        if (SubjectIdentifier.TryParse(pointer.MasterIdentifier) is { } master)
        {
            resource.MasterIdentifier = new Identifier(master.System, master.Value);
        }

        if (pointer.Author is not null)
        {
            resource.Author = [new ResourceReference { Identifier = new Identifier { Value = pointer.Author } }];
        }

        if (pointer.Replaces is not null)
        {
            resource.RelatesTo = [new DocumentReference.RelatesToComponent
            {
                Code = DocumentRelationshipType.Replaces,
                Target = new ResourceReference("DocumentReference/" + pointer.Replaces),
            }];
        }

        resource.SecurityLabel = [.. Labels(pointer.Sensitivity)];
        resource.Content = [.. pointer.Content.Select(a => new DocumentReference.ContentComponent
        {
            Attachment = new Attachment
            {
                Url = a.Url,
                ContentType = a.ContentType,
                Hash = a.Hash is null ? null : Convert.FromBase64String(a.Hash),
                Size = a.Size,
                Title = a.Title,
            },
        })];
        if (pointer.PeriodStart is not null || pointer.PeriodEnd is not null)
        {
            resource.Context = new DocumentReference.ContextComponent
            {
                Period = new Period { Start = Day(pointer.PeriodStart), End = Day(pointer.PeriodEnd) },
            };
        }

        return resource;
    }

    /// <summary>What a producer sent, as a draft. Structural problems are a 400; the Locator checks the rest.</summary>
    public static PointerDraft ToDraft(DocumentReference resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var problems = new List<string>();
        var subjects = new List<SubjectIdentifier>();
        if (resource.Subject?.Identifier is { } first)
        {
            subjects.Add(new SubjectIdentifier(first.System ?? "", first.Value ?? ""));
        }

        foreach (var extension in resource.Subject?.Extension.Where(e => e.Url == SubjectIdentifierExtension) ?? [])
        {
            if (extension.Value is Identifier more)
            {
                subjects.Add(new SubjectIdentifier(more.System ?? "", more.Value ?? ""));
            }
        }

        if (resource.Type?.Coding is not [var typeCoding] || typeCoding.System != TypeSystem)
        {
            problems.Add($"type: exactly one coding, system {TypeSystem}");
        }

        string? category = null;
        if (resource.Category is { Count: > 0 })
        {
            if (resource.Category is not [{ Coding: [var categoryCoding] }] || categoryCoding.System != CategorySystem)
            {
                problems.Add($"category: one category with one coding, system {CategorySystem}");
            }
            else
            {
                category = categoryCoding.Code;
            }
        }

        string? custodian = null;
        if (resource.Custodian is { } custodianReference)
        {
            if (custodianReference.Identifier is not { System: OrganisationSystem, Value: { } value })
            {
                problems.Add($"custodian.identifier: system {OrganisationSystem} and the organisation key");
            }
            else
            {
                custodian = value;
            }
        }

        string? replaces = null;
        foreach (var relation in resource.RelatesTo)
        {
            if (relation.Code != DocumentRelationshipType.Replaces)
            {
                problems.Add("relatesTo.code: only 'replaces' is supported");
            }
            else if (relation.Target?.Reference is { } target && target.StartsWith("DocumentReference/", StringComparison.Ordinal))
            {
                replaces = target["DocumentReference/".Length..];
            }
            else
            {
                problems.Add("relatesTo.target: a reference DocumentReference/{id}");
            }
        }

        var status = resource.Status switch
        {
            null or DocumentReferenceStatus.Current => PointerStatus.Current,
            DocumentReferenceStatus.EnteredInError => PointerStatus.EnteredInError,
            _ => PointerStatus.Superseded,
        };
        var labels = SensitivityLabels.None;
        foreach (var coding in resource.SecurityLabel.SelectMany(l => l.Coding))
        {
            labels |= (coding.System, coding.Code) switch
            {
                (ConfidentialitySystem, "R") or (LabelSystem, "restricted") => SensitivityLabels.Restricted,
                (ConfidentialitySystem, "V") or (LabelSystem, "sealed") => SensitivityLabels.Sealed,
                (LabelSystem, "protected-address") => SensitivityLabels.ProtectedAddress,
                (ConfidentialitySystem, "N" or "L" or "M" or "U") => SensitivityLabels.None,
                _ => Unknown(problems, "securityLabel: unknown label (use v3-Confidentiality R or V, or " + LabelSystem + ")"),
            };
        }

        var content = new List<PointerAttachment>();
        foreach (var item in resource.Content)
        {
            if (item.Attachment is not { } attachment)
            {
                problems.Add("content.attachment: required");
                continue;
            }

            content.Add(new PointerAttachment(attachment.Url ?? "", attachment.ContentType ?? "",
                attachment.Hash is { } hash ? Convert.ToBase64String(hash) : null, attachment.Size, attachment.Title));
        }

        var period = resource.Context?.Period;
        var start = ParseDay(period?.Start, "context.period.start", problems);
        var end = ParseDay(period?.End, "context.period.end", problems);
        if (problems.Count > 0)
        {
            throw FhirRequestException.Invalid(string.Join("; ", problems));
        }

        return new PointerDraft
        {
            MasterIdentifier = resource.MasterIdentifier is { System: { } ms, Value: { } mv } ? ms + "|" + mv : null,
            Type = resource.Type!.Coding[0].Code,
            Category = category,
            CustodianId = custodian,
            Subjects = subjects,
            Author = resource.Author.FirstOrDefault()?.Identifier?.Value ?? resource.Author.FirstOrDefault()?.Display,
            Description = resource.Description,
            PeriodStart = start,
            PeriodEnd = end,
            Status = status,
            Replaces = replaces,
            Sensitivity = labels,
            Content = content,
        };
    }

    private static IEnumerable<CodeableConcept> Labels(SensitivityLabels labels)
    {
        if ((labels & SensitivityLabels.Restricted) != 0)
        {
            yield return new CodeableConcept(ConfidentialitySystem, "R", "restricted");
        }

        if ((labels & SensitivityLabels.Sealed) != 0)
        {
            yield return new CodeableConcept(ConfidentialitySystem, "V", "very restricted");
        }

        if ((labels & SensitivityLabels.ProtectedAddress) != 0)
        {
            yield return new CodeableConcept(LabelSystem, "protected-address", "protected address");
        }
    }

    private static SensitivityLabels Unknown(List<string> problems, string problem)
    {
        problems.Add(problem);
        return SensitivityLabels.None;
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDay(string? value, string field, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }

        // FHIR dateTime: a day, or a day with a time; the Locator keeps the day.
        if (value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add($"{field}: expected a date (YYYY-MM-DD)");
        return null;
    }
}
