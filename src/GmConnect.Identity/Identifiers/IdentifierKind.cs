namespace GmConnect.Identity.Identifiers;

/// <summary>The kinds of national identifier the engine can check.</summary>
public enum IdentifierKind
{
    /// <summary>NHS number: ten digits with a Modulus 11 check digit.</summary>
    NhsNumber,

    /// <summary>Unique Pupil Number: thirteen characters with a check letter first.</summary>
    Upn,

    /// <summary>National Insurance number: two prefix letters, six digits, suffix A–D.</summary>
    Nino,

    /// <summary>Police National Computer ID: year / serial and a letter, e.g. 98/1234567A.</summary>
    PncId,
}
