using GmConnect.Demo.Identifiers;
using GmConnect.Demo.Records;

namespace GmConnect.Demo.Tests.Generation;

public sealed class IdentifierValidityTests(Population20k population) : IClassFixture<Population20k>
{
    private IReadOnlyList<CapturedRecord> Records => population.Sink.Records;

    [Fact]
    public void NhsNumbers_NotBroken_PassModulus11()
    {
        var held = Records.Where(r => r.NhsNumber.Length > 0 && !r.Has(ErrorType.NhsBrokenCheckDigit)).ToList();
        Assert.NotEmpty(held);
        Assert.All(held, r => Assert.True(NhsNumber.IsValid(r.NhsNumber), $"{r.Source}/{r.RecordId}"));
    }

    [Fact]
    public void NhsNumbers_Broken_FailModulus11()
    {
        var broken = Records.Where(r => r.Has(ErrorType.NhsBrokenCheckDigit)).ToList();
        Assert.NotEmpty(broken);
        Assert.All(broken, r => Assert.False(NhsNumber.IsValid(r.NhsNumber), $"{r.Source}/{r.RecordId}"));
    }

    [Fact]
    public void NhsNumbers_WrongPerson_AreSomeoneElsesValidNumber()
    {
        // The owner may be someone no agency here holds a record of, so look only at the records' people.
        var owners = population.Sink.People.Values.Where(p => p.NhsNumber.Length > 0).ToDictionary(p => p.NhsNumber, p => p.PersonId);
        var wrong = Records.Where(r => r.Has(ErrorType.NhsWrongPerson) && r.NhsNumber.Length > 0).ToList();
        Assert.NotEmpty(wrong);
        Assert.All(wrong, r =>
        {
            var compact = r.NhsNumber.Replace(" ", "", StringComparison.Ordinal);
            Assert.True(NhsNumber.IsValid(compact));
            Assert.NotEqual(r.PersonNhsNumber, compact);
            Assert.True(!owners.TryGetValue(compact, out var owner) || owner != r.PersonId);
        });
        Assert.Contains(wrong, r => owners.ContainsKey(r.NhsNumber.Replace(" ", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void NhsNumbers_OnePerPerson_Unique()
    {
        var numbers = population.Sink.People.Values.Select(p => p.NhsNumber).Where(n => n.Length > 0).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct(StringComparer.Ordinal).Count());
        Assert.All(numbers, n => Assert.StartsWith("9", n, StringComparison.Ordinal));
    }

    [Fact]
    public void Upns_AllValidAndUniqueAndOnlyForSchoolAges()
    {
        var pupils = population.Sink.People.Values.Where(p => p.Upn.Length > 0).ToList();
        Assert.NotEmpty(pupils);
        Assert.All(pupils, p =>
        {
            Assert.True(UniquePupilNumber.IsValid(p.Upn), p.PersonId);
            Assert.InRange(p.Age, 4, 18);
            Assert.InRange(int.Parse(p.Upn.AsSpan(1, 3), provider: null), 350, 359);
        });
        Assert.Equal(pupils.Count, pupils.Select(p => p.Upn).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Records.Where(r => r.Upn.Length > 0), r => Assert.True(UniquePupilNumber.IsValid(r.Upn)));
    }

    [Fact]
    public void Ninos_AllValidAndUniqueAndOnlyFromSixteen()
    {
        var holders = population.Sink.People.Values.Where(p => p.Nino.Length > 0).ToList();
        Assert.NotEmpty(holders);
        Assert.All(holders, p =>
        {
            Assert.True(NationalInsuranceNumber.IsValid(p.Nino), p.PersonId);
            Assert.True(p.Age >= 16);
        });
        Assert.Equal(holders.Count, holders.Select(p => p.Nino[..8]).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void PncIds_AllValidUniqueAndHeldOnlyByPolice()
    {
        var arrested = population.Sink.People.Values.Where(p => p.PncId.Length > 0).ToList();
        Assert.NotEmpty(arrested);
        Assert.All(arrested, p => Assert.True(PncId.IsValid(p.PncId), p.PersonId));
        Assert.Equal(arrested.Count, arrested.Select(p => p.PncId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Records.Where(r => r.PncId.Length > 0), r => Assert.Equal(SourceKind.Police, r.Kind));
    }

    [Fact]
    public void Sources_HoldTheIdentifiersTheirAgencyHolds()
    {
        double Share(SourceKind kind, Func<CapturedRecord, bool> has)
        {
            var of = Records.Where(r => r.Kind == kind).ToList();
            return (double)of.Count(has) / of.Count;
        }

        Assert.True(Share(SourceKind.Gp, r => r.NhsNumber.Length > 0) > 0.9);
        Assert.True(Share(SourceKind.Acute, r => r.NhsNumber.Length > 0) > 0.85);
        Assert.True(Share(SourceKind.Police, r => r.NhsNumber.Length > 0) < 0.05);
        Assert.True(Share(SourceKind.School, r => r.Upn.Length > 0) > 0.95);
        Assert.True(Share(SourceKind.Dwp, r => r.Nino.Length > 0) > 0.95);
        Assert.Equal(0, Share(SourceKind.School, r => r.NhsNumber.Length > 0));
        var policeOfArrested = Records.Where(r => r.Kind == SourceKind.Police && r.PersonPncId.Length > 0).ToList();
        Assert.True(policeOfArrested.Count(r => r.PncId.Length > 0) > 0.9 * policeOfArrested.Count);
    }
}
