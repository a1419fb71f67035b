using System.Globalization;
using System.Text.RegularExpressions;
using GmConnect.Identity.Manager;
using GmConnect.Integration.PersonRecords;
using Hl7.Fhir.Model;

namespace GmConnect.Integration.Fhir;

/// <summary>
/// A FHIR <c>Patient</c> as a person record: the inverse of the API's Patient (Server <c>IdentityResources.ToPatient</c>),
/// so that an imported Patient lands where a person-records CSV row lands and reaches the Identity Manager through
/// the same change feed. The rules are the CSV reader's: a source and a record id are required, the sex is M/F/U,
/// the date of birth is a full date.
/// </summary>
internal static partial class PatientRecords
{
    /// <summary>The record, or the problems that keep it out (fields as FHIRPath, never values).</summary>
    public static (PersonRecord? Record, IReadOnlyList<FhirProblem> Problems) ToRecord(Patient patient, string? organisation)
    {
        var problems = new List<FhirProblem>();
        var (source, recordId) = KeyOf(patient, organisation);
        if (source is null || recordId is null)
        {
            problems.Add(new FhirProblem("Patient.identifier",
                $"a source record key is required: an identifier with system {IdentifierSystems.SourceRecord}{{source}}, or meta.source of that form with Patient.id, or Patient.id imported --as an organisation"));
        }
        else if (!SourcePattern().IsMatch(source))
        {
            problems.Add(new FhirProblem("Patient.identifier.system", "the source may contain only letters, digits and : . _ -"));
        }

        var sex = patient.Gender switch
        {
            AdministrativeGender.Male => "M",
            AdministrativeGender.Female => "F",
            AdministrativeGender.Unknown => "U",
            _ => null,
        };

        DateOnly? birthDate = null;
        if (patient.BirthDate is { } raw)
        {
            if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                birthDate = day;
            }
            else
            {
                problems.Add(new FhirProblem("Patient.birthDate", "a full date (YYYY-MM-DD) is required; a year or a year and month is not enough to link on"));
            }
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var name = patient.Name.FirstOrDefault(n => n.Use == HumanName.NameUse.Official) ?? patient.Name.FirstOrDefault();
        var given = name?.Given.Where(g => !string.IsNullOrWhiteSpace(g)).ToList() ?? [];
        var address = patient.Address.FirstOrDefault(a => a.Use == Address.AddressUse.Home) ?? patient.Address.FirstOrDefault();
        return (new PersonRecord
        {
            Source = source!,
            RecordId = recordId!,
            NhsNumber = IdentifierValue(patient, IdentifierSystems.NhsNumber),
            Upn = IdentifierValue(patient, IdentifierSystems.Upn),
            Nino = IdentifierValue(patient, IdentifierSystems.Nino),
            PncId = IdentifierValue(patient, IdentifierSystems.PncId),
            GivenName = Blank(given.FirstOrDefault()),
            MiddleNames = given.Count > 1 ? string.Join(' ', given.Skip(1)) : null,
            FamilyName = Blank(name?.Family),
            Sex = sex,
            DateOfBirth = birthDate,
            Postcode = Blank(address?.PostalCode),
            Address = Blank(address?.Text) ?? (address?.Line.Any() == true ? string.Join(", ", address.Line) : null),
            Phone = Blank(patient.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Phone)?.Value),
            Email = Blank(patient.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Email)?.Value),
            RecordedOn = patient.Meta?.LastUpdated is { } updated ? DateOnly.FromDateTime(updated.UtcDateTime) : null,
        }, []);
    }

    /// <summary>
    /// The source and record id: a source-key identifier first (what the API's Patients carry), then
    /// <c>meta.source</c> with the id, then the importing organisation with the id.
    /// </summary>
    private static (string? Source, string? RecordId) KeyOf(Patient patient, string? organisation)
    {
        foreach (var identifier in patient.Identifier)
        {
            if (identifier.System is { } system && system.StartsWith(IdentifierSystems.SourceRecord, StringComparison.Ordinal)
                && system.Length > IdentifierSystems.SourceRecord.Length && !string.IsNullOrWhiteSpace(identifier.Value))
            {
                return (system[IdentifierSystems.SourceRecord.Length..], identifier.Value.Trim());
            }
        }

        if (string.IsNullOrWhiteSpace(patient.Id))
        {
            return (null, null);
        }

        if (patient.Meta?.Source is { } metaSource && metaSource.StartsWith(IdentifierSystems.SourceRecord, StringComparison.Ordinal)
            && metaSource.Length > IdentifierSystems.SourceRecord.Length)
        {
            return (metaSource[IdentifierSystems.SourceRecord.Length..], patient.Id);
        }

        return organisation is null ? (null, null) : (organisation, patient.Id);
    }

    private static string? IdentifierValue(Patient patient, string system) =>
        Blank(patient.Identifier.FirstOrDefault(i => string.Equals(i.System, system, StringComparison.Ordinal))?.Value);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[A-Za-z0-9:._-]+$")]
    private static partial Regex SourcePattern();
}
