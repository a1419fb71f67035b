namespace GmConnect.Cli.Terminal;

/// <summary>
/// One progress line: rewritten in place on a terminal, printed at most every few seconds when
/// the output is redirected (so that logs stay readable).
/// </summary>
internal sealed class ProgressLine(TextWriter output, bool interactive, TimeProvider time)
{
    private readonly long _interval = time.TimestampFrequency * (interactive ? 1 : 5) / (interactive ? 10 : 1);
    private long _last = long.MinValue;
    private int _width;

    public static ProgressLine For(TextWriter output, TimeProvider time) =>
        new(output, !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out), time);

    /// <summary>Shows the text unless the last one was shown very recently.</summary>
    public void Report(string text, bool force = false)
    {
        var now = time.GetTimestamp();
        if (!force && _last != long.MinValue && now - _last < _interval)
        {
            return;
        }

        _last = now;
        if (interactive)
        {
            output.Write('\r' + text.PadRight(_width));
            _width = text.Length;
        }
        else
        {
            output.WriteLine(text);
        }
    }

    /// <summary>Ends the line on a terminal.</summary>
    public void Done()
    {
        if (interactive && _width > 0)
        {
            output.WriteLine();
        }
    }

    /// <summary>A text bar such as <c>[#######.............]  35%</c>.</summary>
    public static string Bar(double fraction, int width = 30)
    {
        fraction = Math.Clamp(fraction, 0, 1);
        var filled = (int)Math.Round(fraction * width);
        return "[" + new string('#', filled) + new string('.', width - filled) + "] " + ((int)Math.Round(fraction * 100)).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(3) + "%";
    }
}
