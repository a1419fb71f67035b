namespace GmConnect.Integration.PersonRecords;

/// <summary>How an import ended.</summary>
public enum ImportOutcome
{
    /// <summary>The file was read from the start.</summary>
    Imported,

    /// <summary>An earlier, interrupted import of the same file was carried on from where it stopped.</summary>
    Resumed,

    /// <summary>The same file (by SHA-256) was imported before; nothing changed.</summary>
    AlreadyImported,
}
