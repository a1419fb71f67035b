namespace GmConnect.Governance.Decisions;

/// <summary>Holds the current <see cref="PolicySnapshot"/>; writers serialise, readers never wait.</summary>
internal sealed class PolicyState
{
    private readonly Lock _write = new();
    private volatile PolicySnapshot _current;

    public PolicyState(PolicySnapshot? initial = null) => _current = initial ?? PolicySnapshot.Empty;

    public PolicySnapshot Current => _current;

    /// <summary>Applies a change to the current snapshot atomically with respect to other writers.</summary>
    public PolicySnapshot Update(Func<PolicySnapshot, PolicySnapshot> change)
    {
        lock (_write)
        {
            var next = change(_current);
            _current = next;
            return next;
        }
    }
}
