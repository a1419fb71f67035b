using GmConnect.Workbench.Model;
using GmConnect.Workbench.Validation;

namespace GmConnect.Workbench.Tests.Validation;

/// <summary>
/// Agreement with the reference validator, rule by rule: each rule that has a fixture in Validation/Reference is run
/// alone on the reference's own test input and must flag exactly the rows the reference's test asserts (or, where we
/// knowingly differ, exactly the rows the fixture's "differs" line gives, with its reason).
/// </summary>
public sealed class ReferenceAgreementTests
{
    public static TheoryData<string> Codes => new(ReferenceFixture.Codes());

    [Theory]
    [MemberData(nameof(Codes))]
    public void Validate_ReferenceTestInput_FlagsTheRowsTheReferenceFlags(string code)
    {
        var fixture = ReferenceFixture.Load(code);
        var (current, previous) = fixture.Build();

        var lookups = fixture.Lookups();
        Assert.DoesNotContain(code, Ssda903Validator.NotRun(current, lookups).Select(n => n.Code));

        var errors = Ssda903Validator.Validate(current, previous, [code], lookups);

        var expected = fixture.Differs ?? fixture.Expected;
        foreach (var table in Enum.GetValues<ReturnTable>())
        {
            var flagged = errors.Where(e => e.Table == table && e.Code == code).Select(e => e.Row).Order().ToArray();
            Assert.Equal((expected.GetValueOrDefault(table) ?? []).Order().ToArray(), flagged);
        }
    }

    [Fact]
    public void ReferenceFixtures_EveryOne_IsARuleWeImplementForItsYear()
    {
        var stray = ReferenceFixture.Codes()
            .Where(code => !Ssda903Validator.ImplementedCodes(ReferenceFixture.Load(code).Year).Contains(code, StringComparer.Ordinal))
            .ToList();

        Assert.Empty(stray);
    }
}
