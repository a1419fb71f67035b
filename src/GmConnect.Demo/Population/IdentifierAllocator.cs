using System.Globalization;
using System.Runtime.CompilerServices;
using GmConnect.Demo.Identifiers;
using GmConnect.Demo.Randomness;

namespace GmConnect.Demo.Population;

/// <summary>
/// Hands out identifiers that are unique across the population and valid by their check rules.
/// Counters pass through keyed permutations (<see cref="Permutation"/>) so that numbers look
/// scattered yet never repeat; the seed is the key, so each seed has its own numbers.
/// </summary>
/// <remarks>
/// Synthetic NHS numbers start with 9: England allocates from the 4, 6 and 7 ranges and the NHS
/// test range is 999, so these do not collide with real patients' numbers.
/// </remarks>
internal sealed class IdentifierAllocator
{
    private static readonly string[] NinoPrefixes = BuildNinoPrefixes();

    private readonly Permutation _nhs;
    private readonly Permutation _nino;
    private readonly Permutation _pnc;
    private readonly Permutation _upnSerial;
    private readonly Dictionary<long, int> _upnSerials = [];
    private long _nhsCounter;
    private long _ninoCounter;
    private long _pncCounter;

    public IdentifierAllocator(int seed)
    {
        var rng = Prng.ForStream(seed, -1);
        _nhs = new Permutation(100_000_000, rng.NextUInt64());
        _nino = new Permutation((ulong)NinoPrefixes.Length * 1_000_000, rng.NextUInt64());
        _pnc = new Permutation(10_000_000, rng.NextUInt64());
        _upnSerial = new Permutation(1000, rng.NextUInt64());
    }

    /// <summary>Fills the identifiers the person was given while their household was built.</summary>
    public void Assign(Person person)
    {
        if (person.WantsNhsNumber)
        {
            person.NhsNumber = NextNhsNumber();
        }

        if (person.NinoSuffix != '\0')
        {
            person.Nino = NextNino(person.NinoSuffix);
        }

        if (person.PncYear > 0)
        {
            person.PncId = NextPncId(person.PncYear);
        }

        if (person.UpnYear > 0)
        {
            person.Upn = NextUpn(person.UpnSchool / 10_000, person.UpnSchool % 10_000, person.UpnYear);
        }
    }

    /// <summary>A new valid NHS number: ten digits, no spaces.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string NextNhsNumber()
    {
        Span<char> digits = stackalloc char[10];
        while (true)
        {
            var body = (long)_nhs[(ulong)_nhsCounter++];
            digits[0] = '9';
            Format(body, digits.Slice(1, 8));
            var check = NhsNumber.CheckDigit(digits[..9]);
            if (check < 0)
            {
                continue; // remainder 10: no valid number has these nine digits
            }

            digits[9] = (char)('0' + check);
            return new string(digits);
        }
    }

    /// <summary>A new NINO with an allocatable prefix and a suffix A–D, e.g. <c>JK 12 34 56 C</c> without spaces.</summary>
    public string NextNino(char suffix)
    {
        // One bijection over every (prefix, six digits) pair, so consecutive people share nothing visible.
        var m = (long)_nino[(ulong)_ninoCounter++];
        var prefix = NinoPrefixes[(int)(m / 1_000_000)];
        var digits = m % 1_000_000;
        Span<char> s = stackalloc char[9];
        s[0] = prefix[0];
        s[1] = prefix[1];
        Format(digits, s.Slice(2, 6));
        s[8] = suffix;
        return new string(s);
    }

    /// <summary>A new PNC ID for a record created in <paramref name="year"/>, <c>YY/NNNNNNNA</c>.</summary>
    public string NextPncId(int year)
    {
        var serial = (int)_pnc[(ulong)_pncCounter++];
        var yy = year % 100;
        return string.Create(CultureInfo.InvariantCulture, $"{yy:D2}/{serial:D7}{PncId.CheckCharacter(yy, serial)}");
    }

    /// <summary>
    /// A new permanent UPN issued by school <paramref name="estab"/> of LA <paramref name="la"/> in
    /// <paramref name="year"/>. When a school's 1,000 serials for a year are used up, the next
    /// establishment number issues it (a real LA has many schools).
    /// </summary>
    public string NextUpn(int la, int estab, int year)
    {
        var yy = year % 100;
        while (true)
        {
            var key = (((long)la * 10_000) + estab) * 100 + yy;
            var used = _upnSerials.GetValueOrDefault(key);
            if (used < 1000)
            {
                _upnSerials[key] = used + 1;
                var serial = (int)_upnSerial[(ulong)used];
                Span<char> s = stackalloc char[13];
                Format(la, s.Slice(1, 3));
                Format(estab, s.Slice(4, 4));
                Format(yy, s.Slice(8, 2));
                Format(serial, s.Slice(10, 3));
                s[0] = UniquePupilNumber.CheckLetter(s[1..]);
                return new string(s);
            }

            estab = estab == 9999 ? 1000 : estab + 1;
        }
    }

    private static void Format(long value, Span<char> into)
    {
        for (var i = into.Length - 1; i >= 0; i--)
        {
            into[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    private static string[] BuildNinoPrefixes()
    {
        var list = new List<string>();
        for (var a = 'A'; a <= 'Z'; a++)
        {
            for (var b = 'A'; b <= 'Z'; b++)
            {
                if (NationalInsuranceNumber.IsAllowedPrefix(a, b))
                {
                    list.Add(new string([a, b]));
                }
            }
        }

        return [.. list];
    }
}
