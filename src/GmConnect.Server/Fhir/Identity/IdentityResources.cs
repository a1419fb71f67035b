using GmConnect.Identity.Manager;
using Hl7.Fhir.Model;

namespace GmConnect.Server.Fhir.Identity;

/// <summary>
/// Maps the Identity Manager's records to FHIR and back: a source record is a <see cref="Patient"/>, a linked
/// person is a <see cref="Person"/> with a <c>link</c> to each of its Patients. Only national identifiers that
/// pass their check are shown (a PIX answer must not spread an NHS number that fails Modulus 11).
/// </summary>
internal static class IdentityResources
{
    /// <summary>The ODS organisation code system.</summary>
    public const string OdsSystem = "https://fhir.nhs.uk/Id/ods-organization-code";

    public static Patient ToPatient(LinkedRecord linked)
    {
        ArgumentNullException.ThrowIfNull(linked);
        var record = linked.Record;
        var patient = new Patient
        {
            Id = FhirIds.ForRecord(record.Key),
            Meta = new Meta { VersionId = linked.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), Source = IdentifierSystems.ForSource(record.Source) },
            Active = true,
            Identifier = [.. linked.Identifiers.Where(Shown).Select(ToIdentifier)],
            Gender = GenderOf(record.Sex),
            BirthDate = record.DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ManagingOrganization = Custodian(record.Source),
        };
        if (record.FamilyName is not null || record.GivenName is not null || record.MiddleNames is not null)
        {
            var name = new HumanName { Use = HumanName.NameUse.Official, Family = record.FamilyName };
            name.Given = [.. new[] { record.GivenName }.Concat(record.MiddleNames?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? []).OfType<string>()];
            patient.Name.Add(name);
        }

        if (record.Address is not null || record.Postcode is not null)
        {
            patient.Address.Add(new Address { Use = Address.AddressUse.Home, Text = record.Address, PostalCode = record.Postcode });
        }

        if (record.Phone is not null)
        {
            patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, record.Phone));
        }

        if (record.Email is not null)
        {
            patient.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Email, null, record.Email));
        }

        return patient;
    }

    /// <summary>
    /// A Person for the permitted records of a person: the exchange's person id and the records' identifiers, and
    /// a <c>link</c> to each Patient with an assurance level from how it was linked. A merged-away person is
    /// inactive and links to the survivor.
    /// </summary>
    public static Person ToPerson(string personId, IEnumerable<LinkedRecord> permitted, string? mergedInto)
    {
        var records = permitted.ToList();
        var person = new Person
        {
            Id = FhirIds.ForPerson(personId),
            Active = mergedInto is null,
            Identifier = [new Identifier(IdentifierSystems.Person, personId) { Use = Identifier.IdentifierUse.Official }],
        };
        foreach (var identifier in records.SelectMany(r => r.Identifiers).Where(i => Shown(i) && !IsSourceKey(i)).Distinct())
        {
            person.Identifier.Add(ToIdentifier(identifier));
        }

        foreach (var record in records)
        {
            person.Link.Add(new Person.LinkComponent
            {
                Target = new ResourceReference("Patient/" + FhirIds.ForRecord(record.Record.Key)),
                Assurance = record.Link.Method switch
                {
                    LinkMethod.Manual or LinkMethod.Founding => Person.IdentityAssuranceLevel.Level3,
                    _ => Person.IdentityAssuranceLevel.Level2,
                },
            });
        }

        if (mergedInto is not null)
        {
            person.Link.Add(new Person.LinkComponent { Target = new ResourceReference("Person/" + FhirIds.ForPerson(mergedInto)) });
        }

        return person;
    }

    /// <summary>
    /// A <c>$match</c> probe from a Patient: names, gender, birth date, the first address's postcode and text,
    /// telecom, and the national identifiers it carries. Identifiers of other systems are ignored.
    /// </summary>
    public static IdentityRecord ToProbe(Patient patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var name = patient.Name.FirstOrDefault(n => n.Use == HumanName.NameUse.Official) ?? patient.Name.FirstOrDefault();
        var given = name?.Given.ToList() ?? [];
        var address = patient.Address.FirstOrDefault();
        DateOnly? birthDate = null;
        if (patient.BirthDate is { } raw)
        {
            birthDate = DateOnly.TryParseExact(raw, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
                ? d
                : throw Infrastructure.FhirRequestException.Invalid("Patient.birthDate must be a full date (YYYY-MM-DD) for matching.");
        }

        return new IdentityRecord
        {
            Source = "fhir:match",
            RecordId = "probe",
            NhsNumber = IdentifierValue(patient, IdentifierSystems.NhsNumber),
            Upn = IdentifierValue(patient, IdentifierSystems.Upn),
            Nino = IdentifierValue(patient, IdentifierSystems.Nino),
            PncId = IdentifierValue(patient, IdentifierSystems.PncId),
            GivenName = given.FirstOrDefault(),
            MiddleNames = given.Count > 1 ? string.Join(' ', given.Skip(1)) : null,
            FamilyName = name?.Family,
            Sex = patient.Gender switch
            {
                AdministrativeGender.Male => "M",
                AdministrativeGender.Female => "F",
                AdministrativeGender.Unknown => "U",
                _ => null,
            },
            DateOfBirth = birthDate,
            Postcode = address?.PostalCode,
            Address = address?.Text ?? (address?.Line.Any() == true ? string.Join(", ", address.Line) : null),
            Phone = patient.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Phone)?.Value,
            Email = patient.Telecom.FirstOrDefault(t => t.System == ContactPoint.ContactPointSystem.Email)?.Value,
        };
    }

    public static Identifier ToIdentifier(RecordIdentifier identifier) =>
        new(identifier.System, identifier.Value)
        {
            Use = IsSourceKey(identifier) ? Identifier.IdentifierUse.Usual : Identifier.IdentifierUse.Official,
        };

    /// <summary>Source keys always; national identifiers only when they pass their check.</summary>
    public static bool Shown(RecordIdentifier identifier) => identifier.Valid || IsSourceKey(identifier);

    public static bool IsSourceKey(RecordIdentifier identifier) =>
        identifier.System.StartsWith(IdentifierSystems.SourceRecord, StringComparison.Ordinal);

    private static string? IdentifierValue(Patient patient, string system) =>
        patient.Identifier.FirstOrDefault(i => string.Equals(i.System, system, StringComparison.Ordinal))?.Value;

    private static AdministrativeGender? GenderOf(string? sex) => sex switch
    {
        "M" => AdministrativeGender.Male,
        "F" => AdministrativeGender.Female,
        "U" => AdministrativeGender.Unknown,
        _ => null,
    };

    private static ResourceReference Custodian(string source)
    {
        var custodian = SourceCustodians.Of(source);
        return custodian.StartsWith("ods:", StringComparison.Ordinal)
            ? new ResourceReference { Identifier = new Identifier(OdsSystem, custodian[4..]), Display = custodian }
            : new ResourceReference { Display = custodian };
    }
}
