namespace GmConnect.Integration.PersonRecords;

/// <summary>The file as a whole cannot be read (missing or unknown columns, not CSV at all).</summary>
public sealed class CsvFormatException : Exception
{
    public CsvFormatException()
    {
    }

    public CsvFormatException(string message)
        : base(message)
    {
    }

    public CsvFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
