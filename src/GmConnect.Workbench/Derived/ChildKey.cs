namespace GmConnect.Workbench.Derived;

/// <summary>A child is known by the authority that looks after it and that authority's ID: the same ID in two authorities is two children.</summary>
public readonly record struct ChildKey(string Authority, string Child)
{
    /// <inheritdoc />
    public override string ToString() => Authority + "/" + Child;
}
