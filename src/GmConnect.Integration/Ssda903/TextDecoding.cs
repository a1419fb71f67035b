using System.Buffers;
using System.Text;

namespace GmConnect.Integration.Ssda903;

/// <summary>
/// Decodes an analyst's export: a BOM decides (UTF-8, UTF-16 LE/BE); without one, strict UTF-8 is tried and,
/// failing that, Latin-1 (what Excel on Windows writes for "CSV" is close enough for IDs and codes).
/// </summary>
internal static class TextDecoding
{
    public static string Decode(byte[] bytes, out string encodingName)
    {
        var chars = DecodePooled(bytes, out var length, out encodingName);
        try
        {
            return new string(chars, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// Decodes as <see cref="Decode"/> does, into a buffer rented from <see cref="ArrayPool{T}.Shared"/> (the caller
    /// returns it): a return's files are read one after another, so the import reuses a few buffers instead of putting
    /// a large string per file on the large-object heap, whose growth set off full collections of everything imported.
    /// </summary>
    public static char[] DecodePooled(ReadOnlySpan<byte> bytes, out int length, out string encodingName)
    {
        var (encoding, skip, name) = Choose(bytes);
        bytes = bytes[skip..];
        if (encoding is not null)
        {
            encodingName = name;
            return Into(encoding, bytes, out length);
        }

        try
        {
            encodingName = "UTF-8";
            return Into(StrictUtf8, bytes, out length);
        }
        catch (DecoderFallbackException)
        {
            encodingName = "Latin-1";
            return Into(Encoding.Latin1, bytes, out length);
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private static char[] Into(Encoding encoding, ReadOnlySpan<byte> bytes, out int length)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, encoding.GetMaxCharCount(bytes.Length)));
        try
        {
            length = encoding.GetChars(bytes, chars);
            return chars;
        }
        catch
        {
            ArrayPool<char>.Shared.Return(chars);
            throw;
        }
    }

    // The encoding a BOM (or UTF-16's zero bytes) names, and the BOM's length; null encoding: try strict UTF-8.
    private static (Encoding? Encoding, int Skip, string Name) Choose(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return (Encoding.UTF8, 3, "UTF-8 (BOM)");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            return (Encoding.Unicode, 2, "UTF-16 LE");
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            return (Encoding.BigEndianUnicode, 2, "UTF-16 BE");
        }

        // UTF-16 without a BOM shows as every other byte zero in ASCII text.
        if (bytes.Length >= 4 && bytes[1] == 0 && bytes[3] == 0 && bytes[0] != 0)
        {
            return (Encoding.Unicode, 0, "UTF-16 LE (no BOM)");
        }

        return (null, 0, "UTF-8");
    }
}
