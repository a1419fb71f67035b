namespace GmConnect.Identity.Manager;

/// <summary>A source record's key: the holding system and the record's key there.</summary>
public readonly record struct SourceRecordKey(string Source, string RecordId)
{
    /// <inheritdoc />
    public override string ToString() => $"{Source}|{RecordId}";
}
