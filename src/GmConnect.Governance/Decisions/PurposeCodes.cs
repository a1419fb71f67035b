using System.Diagnostics.CodeAnalysis;

namespace GmConnect.Governance.Decisions;

/// <summary>The stable wire codes of <see cref="Purpose"/> (tokens, configuration files, the audit trail).</summary>
public static class PurposeCodes
{
    /// <summary>The code of a purpose, e.g. <c>direct-care</c>.</summary>
    public static string ToCode(this Purpose purpose) => purpose switch
    {
        Purpose.DirectCare => "direct-care",
        Purpose.Safeguarding => "safeguarding",
        Purpose.CrimePrevention => "crime-prevention",
        Purpose.SecondaryUse => "secondary-use",
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown purpose."),
    };

    /// <summary>Parses a purpose code; false for anything unknown (an unknown purpose is never guessed).</summary>
    public static bool TryParse(string? code, [NotNullWhen(true)] out Purpose? purpose)
    {
        purpose = code switch
        {
            "direct-care" => Purpose.DirectCare,
            "safeguarding" => Purpose.Safeguarding,
            "crime-prevention" => Purpose.CrimePrevention,
            "secondary-use" => Purpose.SecondaryUse,
            _ => null,
        };
        return purpose is not null;
    }

    /// <summary>Parses a purpose code, throwing <see cref="FormatException"/> for an unknown one.</summary>
    public static Purpose Parse(string code) =>
        TryParse(code, out var purpose) ? purpose.Value : throw new FormatException($"Unknown purpose code '{code}'.");
}
