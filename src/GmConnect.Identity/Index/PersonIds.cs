using System.Security.Cryptography;

namespace GmConnect.Identity.Index;

/// <summary>New person ids: <c>P</c> and 16 characters of Crockford base32 (80 random bits), never reused.</summary>
internal static class PersonIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[10];
        RandomNumberGenerator.Fill(bytes);
        UInt128 value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        Span<char> chars = stackalloc char[17];
        chars[0] = 'P';
        for (var i = 16; i >= 1; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }
}
