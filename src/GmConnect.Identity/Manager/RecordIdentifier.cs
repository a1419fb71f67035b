namespace GmConnect.Identity.Manager;

/// <summary>An identifier as a FHIR system and value, e.g. (<see cref="IdentifierSystems.NhsNumber"/>, <c>9434765919</c>).</summary>
/// <param name="System">The system URI (<see cref="IdentifierSystems"/>).</param>
/// <param name="Value">The value in canonical form (spaces removed, upper case).</param>
/// <param name="Valid">For national identifiers: whether it passes its check (Modulus 11, check letter, format). Always true for source keys.</param>
public sealed record RecordIdentifier(string System, string Value, bool Valid = true);
