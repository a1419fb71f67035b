namespace GmConnect.Identity.Linkage.Settings;

/// <summary>A settings file is invalid; <see cref="Errors"/> lists every problem with its JSON path.</summary>
public sealed class SettingsException : Exception
{
    public SettingsException()
        : this([])
    {
    }

    public SettingsException(string message)
        : base(message)
    {
        Errors = [new SettingsError("$", message)];
    }

    public SettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new SettingsError("$", message)];
    }

    public SettingsException(IReadOnlyList<SettingsError> errors)
        : base("Invalid linkage settings:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
    {
        Errors = errors;
    }

    /// <summary>Every problem found, in document order.</summary>
    public IReadOnlyList<SettingsError> Errors { get; }
}
