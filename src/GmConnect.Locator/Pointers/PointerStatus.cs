namespace GmConnect.Locator.Pointers;

/// <summary>A pointer's status (FHIR <c>DocumentReference.status</c>).</summary>
public enum PointerStatus
{
    /// <summary>The record exists and the pointer is the latest for it.</summary>
    Current,

    /// <summary>A newer pointer replaced this one (<c>relatesTo: replaces</c>).</summary>
    Superseded,

    /// <summary>The producer withdrew the pointer as a mistake.</summary>
    EnteredInError,
}
