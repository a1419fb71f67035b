namespace GmConnect.Integration.Fhir;

/// <summary>Why a resource (or one of its elements) was not accepted.</summary>
/// <param name="Field">A FHIRPath-like location, e.g. <c>Patient.birthDate</c> or <c>DocumentReference.type</c>.</param>
/// <param name="Message">The reason, in words an analyst can act on. Never contains the value.</param>
public sealed record FhirProblem(string Field, string Message);
