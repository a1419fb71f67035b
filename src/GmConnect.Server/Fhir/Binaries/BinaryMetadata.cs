using System.Globalization;
using GmConnect.Governance.Sensitivity;
using GmConnect.Server.Fhir.Infrastructure;
using Hl7.Fhir.Model;

namespace GmConnect.Server.Fhir.Binaries;

/// <summary>
/// What the Repository needs about published content that a FHIR <c>Binary</c> does not carry: the person, their
/// date of birth, the record type with its category and retention class. Until the Locator and the Identity Manager
/// supply them (from the Binary's <c>securityContext</c> pointer), the publisher sends them as extensions on the
/// Binary's <c>meta</c> (a Binary is not a DomainResource, so it has no extensions of its own); see the Server README.
/// </summary>
internal sealed record BinaryMetadata(string PersonKey, DateOnly DateOfBirth, string RecordType, string Category, string RetentionClass, DateOnly? LastActivity, SensitivityLabels Sensitivity)
{
    /// <summary>The extensions' common prefix.</summary>
    public const string ExtensionBase = "https://gmconnect.example/fhir/StructureDefinition/binary-";

    /// <summary>Reads the extensions; a missing or malformed one is a 400 naming the extension, never its value.</summary>
    public static BinaryMetadata From(Binary binary)
    {
        ArgumentNullException.ThrowIfNull(binary);
        var lastActivity = Optional(binary, "last-activity");
        return new BinaryMetadata(
            Required(binary, "subject-person"),
            ParseDate(binary, "subject-birth-date", Required(binary, "subject-birth-date")),
            Required(binary, "record-type"),
            Required(binary, "category"),
            Required(binary, "retention-class"),
            lastActivity is null ? null : ParseDate(binary, "last-activity", lastActivity),
            Labels(binary));
    }

    private static SensitivityLabels Labels(Binary binary)
    {
        var labels = SensitivityLabels.None;
        foreach (var code in binary.Meta?.Security?.Select(c => c.Code) ?? [])
        {
            labels |= code switch
            {
                "R" or "restricted" => SensitivityLabels.Restricted,
                "V" or "sealed" => SensitivityLabels.Sealed,
                _ => SensitivityLabels.None,
            };
        }

        return labels;
    }

    private static string Required(Binary binary, string name) =>
        Optional(binary, name) ?? throw FhirRequestException.Invalid($"Binary needs the meta extension {ExtensionBase}{name}.");

    private static string? Optional(Binary binary, string name) =>
        binary.Meta?.GetExtension(ExtensionBase + name)?.Value switch
        {
            null => null,
            Date date => date.Value,
            FhirString text => text.Value,
            Code code => code.Value,
            Id id => id.Value,
            _ => throw FhirRequestException.Invalid($"The extension {ExtensionBase}{name} has a value of the wrong type."),
        };

    private static DateOnly ParseDate(Binary binary, string name, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw FhirRequestException.Invalid($"The extension {ExtensionBase}{name} must be a full date (YYYY-MM-DD).");
}
