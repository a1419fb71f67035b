namespace GmConnect.Governance.Sensitivity;

/// <summary>The names of fields that a redaction removes; callers strip these from what they return.</summary>
public static class RedactedField
{
    /// <summary>Postal address, current and historic.</summary>
    public const string Address = "address";

    /// <summary>Telephone numbers and e-mail addresses.</summary>
    public const string Telecom = "telecom";

    /// <summary>Contacts (next of kin, carers), whose addresses reveal the person's.</summary>
    public const string Contact = "contact";

    /// <summary>Registered GP practice, which reveals where the person lives.</summary>
    public const string GeneralPractitioner = "generalPractitioner";

    /// <summary>The fields a protected address removes, in a fixed order.</summary>
    public static IReadOnlyList<string> ProtectedAddressFields { get; } = [Address, Telecom, Contact, GeneralPractitioner];
}
