using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GmConnect.Identity.Linkage.Settings;

namespace GmConnect.Identity.Index;

/// <summary>
/// The prepared form of a record version as the store keeps it beside the document (<c>idm_record_version.prepared</c>):
/// its blocking key hashes and its prepared (normalised) comparison values, so that the start-up rebuild reads them
/// instead of preparing every record again. Binary, little-endian:
/// <c>format (1 byte) · fingerprint (4) · rule count (1) · key hash per rule (8 each) · comparison count (1) ·
/// per comparison a varint of the UTF-8 length plus one (0: no value) and the bytes</c>.
/// </summary>
/// <remarks>
/// A prepared form is only as good as the code and settings that made it. The fingerprint covers everything in the
/// settings that preparation reads (comparisons' columns, transforms, identifier kinds, placeholder values, level
/// kinds; the blocking rules) and <see cref="Format"/>, which we bump whenever normalisation or key hashing changes in
/// code. A form with another fingerprint is ignored and the record prepared afresh; the rebuild also re-prepares a
/// sample of the restored records and compares, and prepares everything afresh on any difference.
/// </remarks>
internal static class PreparedForm
{
    /// <summary>Bump when preparation (normalisation, blocking key hashes) or this layout changes in code.</summary>
    public const byte Format = 1;

    /// <summary>A 32-bit fingerprint of what preparation depends on.</summary>
    public static uint Fingerprint(LinkageSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"format {Format}\n");
        foreach (var c in settings.Comparisons)
        {
            text.Append(CultureInfo.InvariantCulture, $"comparison {c.Name}|{string.Join(',', c.Columns)}|{string.Join(',', c.Transforms)}|{c.Identifier}|");
            text.Append(string.Join(',', c.NullValues.Order(StringComparer.Ordinal)));
            text.Append('|').Append(string.Join(',', c.Levels.Select(l => l.Kind))).Append('\n');
        }

        foreach (var rule in settings.BlockingRules)
        {
            text.Append("rule ").Append(string.Join(" & ", rule)).Append('\n');
        }

        return BinaryPrimitives.ReadUInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static byte[] Encode(RecordFeatures features, uint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(features);
        var size = 1 + 4 + 1 + (features.Keys.Length * 8) + 1;
        foreach (var value in features.Values)
        {
            var n = value is null ? 0 : Encoding.UTF8.GetByteCount(value);
            size += VarintSize((uint)n + 1) + n;
        }

        var bytes = new byte[size];
        var at = 0;
        bytes[at++] = Format;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), fingerprint);
        at += 4;
        bytes[at++] = checked((byte)features.Keys.Length);
        foreach (var key in features.Keys)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(at), key);
            at += 8;
        }

        bytes[at++] = checked((byte)features.Values.Length);
        foreach (var value in features.Values)
        {
            if (value is null)
            {
                bytes[at++] = 0;
                continue;
            }

            var n = Encoding.UTF8.GetByteCount(value);
            at += WriteVarint(bytes.AsSpan(at), (uint)n + 1);
            at += Encoding.UTF8.GetBytes(value, bytes.AsSpan(at));
        }

        return bytes;
    }

    /// <summary>
    /// Reads a prepared form; false when it was made with another fingerprint or shape (then the record is prepared
    /// afresh). Values go through <paramref name="intern"/>, so that equal values share one string.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> data, uint fingerprint, int rules, int comparisons, Interner intern, out ulong[] keys, out string?[] values)
    {
        keys = new ulong[rules];
        values = new string?[comparisons];
        if (TryDecode(data, fingerprint, keys, values, intern))
        {
            return true;
        }

        (keys, values) = ([], []);
        return false;
    }

    /// <summary>
    /// Reads a prepared form into <paramref name="keys"/> (one per rule) and <paramref name="values"/> (one per comparison):
    /// the rebuild decodes straight into the index's feature rows. False when the form was made with another fingerprint
    /// or shape; the spans may then hold part of it (the caller writes the record prepared afresh over them).
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> data, uint fingerprint, Span<ulong> keys, Span<string?> values, Interner intern)
    {
        ArgumentNullException.ThrowIfNull(intern);
        var rules = keys.Length;
        var comparisons = values.Length;
        if (data.Length < 7 || data[0] != Format || BinaryPrimitives.ReadUInt32LittleEndian(data[1..]) != fingerprint || data[5] != rules)
        {
            return false;
        }

        var at = 6;
        if (data.Length < at + (rules * 8) + 1)
        {
            return false;
        }

        for (var r = 0; r < rules; r++, at += 8)
        {
            keys[r] = BinaryPrimitives.ReadUInt64LittleEndian(data[at..]);
        }

        if (data[at++] != comparisons)
        {
            return false;
        }

        Span<char> chars = stackalloc char[256];
        for (var c = 0; c < comparisons; c++)
        {
            if (!TryReadVarint(data, ref at, out var lengthPlusOne) || data.Length - at < (long)lengthPlusOne - 1)
            {
                return false;
            }

            if (lengthPlusOne == 0)
            {
                values[c] = null;
                continue;
            }

            var utf8 = data.Slice(at, (int)lengthPlusOne - 1);
            at += utf8.Length;
            if (utf8.Length <= chars.Length)
            {
                var n = Encoding.UTF8.GetChars(utf8, chars);
                values[c] = intern(chars[..n]);
            }
            else
            {
                values[c] = intern(Encoding.UTF8.GetString(utf8));
            }
        }

        return at == data.Length;
    }

    /// <summary>Returns the one shared string equal to the characters.</summary>
    public delegate string Interner(ReadOnlySpan<char> value);

    private static int VarintSize(uint value)
    {
        var n = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            n++;
        }

        return n;
    }

    private static int WriteVarint(Span<byte> to, uint value)
    {
        var n = 0;
        while (value >= 0x80)
        {
            to[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        to[n++] = (byte)value;
        return n;
    }

    private static bool TryReadVarint(ReadOnlySpan<byte> data, ref int at, out uint value)
    {
        value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (at >= data.Length)
            {
                return false;
            }

            var b = data[at++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }
}
