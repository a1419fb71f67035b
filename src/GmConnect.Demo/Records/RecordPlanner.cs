using System.Globalization;
using System.Runtime.CompilerServices;
using GmConnect.Demo.Errors;
using GmConnect.Demo.Output;
using GmConnect.Demo.Population;
using GmConnect.Demo.Randomness;

namespace GmConnect.Demo.Records;

/// <summary>
/// Decides which agencies hold a record about each person and what each record holds, the way
/// those agencies do: GP practices and hospitals nearly always hold the NHS number, police hold a
/// PNC ID for people who were arrested and rarely an NHS number, schools the UPN, DWP the NINO.
/// </summary>
internal sealed class RecordPlanner(DateOnly asOf, ErrorInjector injector)
{
    private readonly SourceRecord _record = new();
    private readonly long[] _perKind = new long[SourceKinds.All.Length];

    /// <summary>Records written per source kind.</summary>
    public IReadOnlyList<long> RecordsPerKind => _perKind;

    public long Records { get; private set; }

    public long DuplicatesWithinSource { get; private set; }

    public ErrorInjector Injector => injector;

    /// <summary>
    /// Plans every record the agencies hold about the household's members into
    /// <see cref="Household.Rows"/>, continuing the household's own generator. Record ids are
    /// given later, in output order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Emit(Household household)
    {
        ref var rng = ref household.Rng;
        var nearbyNhsNumber = household.NearbyNhsNumber;
        var la = household.Authority;
        var housing = rng.Chance(0.12);
        foreach (var p in household.Members)
        {
            var other = nearbyNhsNumber;
            foreach (var m in household.Members)
            {
                if (!ReferenceEquals(m, p) && m.NhsNumber.Length > 0)
                {
                    other = m.NhsNumber;
                    break;
                }
            }

            if (rng.Chance(0.97))
            {
                Write(SourceKind.Gp, "gp:" + household.GpPractice, p, household, other, ref rng);
            }

            if (rng.Chance(0.05))
            {
                // An old registration never closed: the previous practice, the previous address.
                Write(SourceKind.Gp, "gp:" + household.PreviousGpPractice, p, household, other, ref rng, stale: true);
            }

            var acute = p.Age switch { < 5 => 0.45, < 18 => 0.25, < 65 => 0.3, _ => 0.6 };
            if (rng.Chance(acute))
            {
                var trust = rng.Chance(0.85) ? la.AcuteTrust : RandomTrust(ref rng);
                Write(SourceKind.Acute, "acute:" + trust, p, household, other, ref rng);
                if (rng.Chance(0.03))
                {
                    Write(SourceKind.Acute, "acute:" + trust, p, household, other, ref rng, stale: true);
                }
            }

            var policeContact = p.PncId.Length > 0 || rng.Chance(p.Age >= 18 ? 0.04 : p.Age >= 10 ? 0.02 : 0.003);
            if (policeContact)
            {
                Write(SourceKind.Police, "police:gmp", p, household, other, ref rng);
            }

            if (p.SchoolLaEstab > 0)
            {
                Write(SourceKind.School, "school:" + p.SchoolLaEstab.ToString(CultureInfo.InvariantCulture), p, household, other, ref rng);
            }

            var dwp = p.Age switch { < 16 => 0.0, < 66 => 0.4, _ => 0.98 };
            if (rng.Chance(dwp))
            {
                Write(SourceKind.Dwp, "dwp", p, household, other, ref rng);
            }

            var care = p.Age switch { < 18 => 0.04, < 65 => 0.02, _ => 0.10 };
            if (rng.Chance(care))
            {
                Write(SourceKind.SocialCare, "la:" + la.Code.ToString(CultureInfo.InvariantCulture) + ":socialcare", p, household, other, ref rng);
            }

            if (housing && (p.Age >= 18 || rng.Chance(0.3)))
            {
                Write(SourceKind.Housing, "housing:la:" + la.Code.ToString(CultureInfo.InvariantCulture), p, household, other, ref rng);
            }

            if (rng.Chance(p.Age >= 18 ? 0.012 : 0.004))
            {
                Write(SourceKind.Victim, "victim-support", p, household, other, ref rng);
            }
        }
    }

    private static string RandomTrust(ref Prng rng) => rng.Next(6) switch
    {
        0 => "RMC",
        1 => "RM3",
        2 => "R0A",
        3 => "RWJ",
        4 => "RMP",
        _ => "RRF",
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Write(SourceKind kind, string source, Person p, Household household, string otherNhs, ref Prng rng, bool stale = false)
    {
        var r = _record;
        r.Clear();
        r.Kind = kind;
        r.Source = source;
        r.RecordId = "";
        r.GivenName = p.GivenName;
        r.FamilyName = p.FamilyName;
        r.Sex = p.Sex;
        r.DateOfBirth = p.DateOfBirth;
        r.Postcode = household.Current.Postcode;
        r.Address = household.Current.Lines;

        var adult = p.Age >= 18;
        var (nhs, middle, phone, email, address) = kind switch
        {
            SourceKind.Gp => (0.995, 0.9, 0.7, 0.4, 1.0),
            SourceKind.Acute => (0.94, 0.8, 0.6, 0.2, 0.98),
            SourceKind.Police => (0.02, 0.7, 0.4, 0.1, 0.85),
            SourceKind.School => (0.0, 0.85, 0.0, 0.0, 0.98),
            SourceKind.Dwp => (0.0, 0.9, 0.6, 0.5, 0.99),
            SourceKind.SocialCare => (0.75, 0.6, 0.6, 0.2, 0.95),
            SourceKind.Housing => (0.05, 0.5, 0.85, 0.5, 1.0),
            _ => (0.0, 0.3, 0.85, 0.6, 0.7),
        };

        if (rng.Chance(nhs))
        {
            r.NhsNumber = p.NhsNumber;
        }

        if (rng.Chance(middle))
        {
            r.MiddleNames = p.MiddleNames;
        }

        if (rng.Chance(phone))
        {
            r.Phone = p.Phone.Length > 0 ? p.Phone : household.Landline;
        }

        if (rng.Chance(email))
        {
            r.Email = p.Email;
        }

        if (!rng.Chance(address))
        {
            r.Address = "";
            r.Postcode = "";
        }

        switch (kind)
        {
            case SourceKind.Police when p.PncId.Length > 0 && rng.Chance(0.97):
                r.PncId = p.PncId;
                break;
            case SourceKind.Police when p.Nino.Length > 0 && rng.Chance(0.05):
            case SourceKind.Dwp when p.Nino.Length > 0 && rng.Chance(0.99):
            case SourceKind.Housing when p.Nino.Length > 0 && rng.Chance(0.5):
            case SourceKind.SocialCare when adult && p.Nino.Length > 0 && rng.Chance(0.2):
                r.Nino = p.Nino;
                break;
            case SourceKind.School when p.Upn.Length > 0 && rng.Chance(0.99):
            case SourceKind.SocialCare when !adult && p.Upn.Length > 0 && rng.Chance(0.35):
                r.Upn = p.Upn;
                break;
        }

        if (kind == SourceKind.Victim && rng.Chance(0.2))
        {
            r.DateOfBirth = null; // victim services often take no date of birth
        }

        injector.Apply(r, p, household, otherNhs, ref rng);

        if (stale)
        {
            DuplicatesWithinSource++;
            if (r.Postcode.Length > 0 || r.Address.Length > 0)
            {
                r.Postcode = household.Previous.Postcode;
                r.Address = household.Previous.Lines;
            }
        }

        // Records holding an old address were last touched before the move.
        var old = stale || r.Has(ErrorType.AddressMove);
        var daysBack = old ? 1095 + rng.Next(1825) : rng.Next(1095);
        var recorded = asOf.AddDays(-daysBack);
        r.RecordedOn = recorded < p.DateOfBirth ? p.DateOfBirth : recorded;

        household.Rows.Add(RowSnapshot.Of(r, p));
        _perKind[(int)kind]++;
        Records++;
    }
}
