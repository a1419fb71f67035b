using System.Security.Cryptography;
using System.Text;
using GmConnect.Workbench.Model;

namespace GmConnect.Workbench.Explore;

/// <summary>
/// A short fingerprint of the returns loaded: SHA-256 over every authority, year, table, column and cell, in a fixed
/// order, as 12 hex characters. A data version named only by its settings (seed, scale, years) would stay the same
/// when the generator or an upload changes the rows; the fingerprint does not, so a report can tell that the data it
/// was built on are not the data shown now.
/// </summary>
public static class DataFingerprint
{
    public static string Of(IEnumerable<Ssda903Return> returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new FieldWriter();
        foreach (var ret in returns.OrderBy(r => r.Authority, StringComparer.Ordinal).ThenBy(r => r.Year.EndYear))
        {
            buffer.Field(ret.Authority).Field(ret.Year.ToString());
            foreach (var kind in ret.Supplied.Order())
            {
                var table = ret[kind];
                buffer.Field(kind.ToString());
                foreach (var column in table.Columns)
                {
                    buffer.Field(column);
                }

                foreach (var row in table.Rows)
                {
                    for (var c = 0; c < table.Columns.Count; c++)
                    {
                        buffer.Field(table.Get(row, c));
                    }

                    buffer.Flush(hash);
                }
            }

            buffer.Flush(hash);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    // Fields are written with their length first, so that ("ab","c") and ("a","bc") hash differently; null is -1.
    private sealed class FieldWriter
    {
        private readonly StringBuilder _text = new();

        public FieldWriter Field(string? value)
        {
            _text.Append(value?.Length ?? -1).Append(':').Append(value);
            return this;
        }

        public void Flush(IncrementalHash hash)
        {
            if (_text.Length > 0)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(_text.ToString()));
                _text.Clear();
            }
        }
    }
}
