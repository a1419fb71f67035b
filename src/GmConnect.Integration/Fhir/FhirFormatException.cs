namespace GmConnect.Integration.Fhir;

/// <summary>The file as a whole is not a FHIR file the importer reads; nothing was written.</summary>
public sealed class FhirFormatException : Exception
{
    public FhirFormatException()
    {
    }

    public FhirFormatException(string message)
        : base(message)
    {
    }

    public FhirFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
