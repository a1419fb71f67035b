namespace GmConnect.Demo.Population;

/// <summary>A postal address: free-text lines and a real GM postcode.</summary>
internal sealed record Address(string Lines, string Postcode);
