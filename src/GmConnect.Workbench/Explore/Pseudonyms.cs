using System.Security.Cryptography;
using System.Text;
using GmConnect.Workbench.Derived;

namespace GmConnect.Workbench.Explore;

/// <summary>
/// Pseudonymised child identifiers for the timelines: a keyed hash (HMAC-SHA256) of authority and CHILD, cut to
/// 10 base-32 characters and prefixed <c>LAC-</c>. The same key gives the same pseudonym, so a link to a timeline
/// stays valid while the key does; without the key the CHILD cannot be recovered or confirmed by guessing.
/// </summary>
public sealed class Pseudonyms
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private readonly byte[] _key;

    /// <summary>Pseudonyms under <paramref name="key"/> (at least 16 bytes).</summary>
    public Pseudonyms(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
        {
            throw new ArgumentException("A pseudonym key needs at least 16 bytes.", nameof(key));
        }

        _key = (byte[])key.Clone();
    }

    /// <summary>The pseudonym of one child.</summary>
    public string For(ChildKey child)
    {
        var hash = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(child.Authority + "\u001f" + child.Child));
        var text = new StringBuilder("LAC-", 14);
        for (var i = 0; i < 10; i++)
        {
            text.Append(Alphabet[hash[i] & 31]);
        }

        return text.ToString();
    }
}
