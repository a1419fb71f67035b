namespace GmConnect.Governance.Filtering;

/// <summary>Which page of the permitted items to return. Paging is applied after the decision, never before.</summary>
/// <param name="Offset">Permitted items to skip.</param>
/// <param name="Limit">Maximum permitted items to return.</param>
public sealed record PageRequest(int Offset = 0, int Limit = int.MaxValue)
{
    /// <summary>Everything.</summary>
    public static PageRequest All { get; } = new();
}
