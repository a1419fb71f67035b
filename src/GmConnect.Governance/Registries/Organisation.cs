namespace GmConnect.Governance.Registries;

/// <summary>An organisation in the registry.</summary>
/// <param name="Id">
/// The key, <c>scheme:value</c>: <c>dfe:</c> local authority code, <c>ods:</c> NHS ODS code, <c>urn:</c> school URN,
/// <c>police:</c> force number, <c>gmc:</c> a code issued by the exchange for organisations without a national one.
/// </param>
/// <param name="Name">The organisation's name.</param>
/// <param name="Kind">What kind of organisation it is.</param>
/// <param name="IgContact">Where its information-governance contact is alerted (an address or queue name).</param>
/// <param name="Active">False once the organisation has left the exchange.</param>
public sealed record Organisation(string Id, string Name, OrganisationKind Kind, string IgContact, bool Active = true);
