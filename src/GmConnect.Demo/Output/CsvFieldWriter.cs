using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace GmConnect.Demo.Output;

/// <summary>
/// Writes RFC 4180 CSV: comma separated, CRLF line ends, fields quoted only when they hold a
/// comma, quote or line break (quotes doubled), UTF-8 without a byte-order mark.
/// </summary>
internal sealed class CsvFieldWriter : IDisposable
{
    private static readonly SearchValues<char> NeedsQuoting = SearchValues.Create(",\"\r\n");
    private readonly StreamWriter _writer;
    private bool _firstInRow = true;
    private bool _disposed;

    public CsvFieldWriter(string path, int bufferSize = 1 << 16)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize);
        _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Field(ReadOnlySpan<char> value)
    {
        Separator();
        if (value.IndexOfAny(NeedsQuoting) < 0)
        {
            _writer.Write(value);
            return;
        }

        _writer.Write('"');
        foreach (var c in value)
        {
            if (c == '"')
            {
                _writer.Write('"');
            }

            _writer.Write(c);
        }

        _writer.Write('"');
    }

    public void Field(char value)
    {
        Separator();
        if (value != '\0')
        {
            _writer.Write(value);
        }
    }

    /// <summary>A date as <c>YYYY-MM-DD</c>, or an empty field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Field(DateOnly? value)
    {
        Separator();
        if (value is { } d)
        {
            Span<char> s = stackalloc char[10];
            Digits(d.Year, s[..4]);
            s[4] = '-';
            Digits(d.Month, s.Slice(5, 2));
            s[7] = '-';
            Digits(d.Day, s.Slice(8, 2));
            _writer.Write(s);
        }
    }

    public void EndRow()
    {
        _writer.Write("\r\n");
        _firstInRow = true;
    }

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _writer.Dispose();
        }
    }

    private void Separator()
    {
        if (!_firstInRow)
        {
            _writer.Write(',');
        }

        _firstInRow = false;
    }

    private static void Digits(int value, Span<char> into)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
