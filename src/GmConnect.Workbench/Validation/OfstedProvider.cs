namespace GmConnect.Workbench.Validation;

/// <summary>
/// One row of an Ofsted provider list, as the URN rules (219, 221, 224, 227, 228, 229, 1008) read it.
/// </summary>
/// <param name="Urn">The Ofsted unique reference number (upper-cased).</param>
/// <param name="PlacementCodes">The 903 placement types the provider is registered for (PLACE codes); empty when not given.</param>
/// <param name="ProviderCodes">The 903 placement provider codes (PR0–PR5) it may be; empty when not given.</param>
/// <param name="RegistrationEnd">The date its registration ended (closed or deregistered), or null when open.</param>
/// <param name="Postcode">The setting's postcode, upper-cased with spaces removed, or null.</param>
public sealed record OfstedProvider(string Urn, IReadOnlyList<string> PlacementCodes, IReadOnlyList<string> ProviderCodes, DateOnly? RegistrationEnd, string? Postcode);
