using Hl7.Fhir.Model;

namespace GmConnect.Server.Fhir.Infrastructure;

/// <summary>
/// A part of the FHIR API describing itself in the CapabilityStatement: register one per resource family
/// (<c>services.AddSingleton&lt;IFhirCapability, MyCapability&gt;()</c>); <c>/fhir/metadata</c> asks them all and
/// sorts resources and operations by name, so registration order never changes the statement.
/// </summary>
internal interface IFhirCapability
{
    /// <summary>Adds resources (interactions, search parameters, operations) to the server's REST component.</summary>
    void Describe(CapabilityStatement.RestComponent rest);
}
