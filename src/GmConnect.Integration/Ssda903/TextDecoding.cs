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
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            encodingName = "UTF-8 (BOM)";
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            encodingName = "UTF-16 LE";
            return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            encodingName = "UTF-16 BE";
            return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        }

        // UTF-16 without a BOM shows as every other byte zero in ASCII text.
        if (bytes.Length >= 4 && bytes[1] == 0 && bytes[3] == 0 && bytes[0] != 0)
        {
            encodingName = "UTF-16 LE (no BOM)";
            return Encoding.Unicode.GetString(bytes);
        }

        try
        {
            encodingName = "UTF-8";
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            encodingName = "Latin-1";
            return Encoding.Latin1.GetString(bytes);
        }
    }
}
