using GmConnect.Governance.Agreements;
using GmConnect.Governance.Configuration;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Registries;

namespace GmConnect.Governance.Tests.Configuration;

public sealed class ShippedConfigTests
{
    internal static string ConfigDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GmConnect.slnx")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Repository root not found."), "configs", "governance");
        }
    }

    [Fact]
    public async Task LoadAsync_ShippedConfiguration_IsValidAndComplete()
    {
        var seed = await GovernanceSeed.LoadAsync(ConfigDirectory, TestContext.Current.CancellationToken);

        Assert.Empty(seed.Validate());
        var authorities = seed.Organisations.Where(o => o.Kind == OrganisationKind.LocalAuthority && o.Id.StartsWith("dfe:", StringComparison.Ordinal)).Select(o => o.Id);
        Assert.Equal(Enumerable.Range(350, 10).Select(c => "dfe:" + c), authorities);
        Assert.Contains(seed.Organisations, o => o.Kind == OrganisationKind.Police);
        Assert.Contains(seed.Organisations, o => o.Kind == OrganisationKind.NhsTrust);
        Assert.Contains(seed.Organisations, o => o.Kind == OrganisationKind.GpPractice);
        Assert.Contains(seed.Organisations, o => o.Kind == OrganisationKind.School);
        Assert.Contains(seed.Organisations, o => o.Kind == OrganisationKind.VictimService);
        Assert.Contains(seed.Organisations, o => o.Kind == OrganisationKind.Housing);
        Assert.All(seed.Organisations, o => Assert.True(OrganisationIds.IsWellFormed(o.Id), o.Id));
        Assert.Equal(
            RoleCapabilities.Administration | RoleCapabilities.InformationGovernance,
            seed.Roles.Single(r => r.Code == "administrator").Capabilities);
        Assert.Equal([Purpose.DirectCare, Purpose.Safeguarding], seed.Roles.Single(r => r.Code == "social-worker").Purposes);
        Assert.Equal(
            [AgreementStatus.Draft, AgreementStatus.Signed, AgreementStatus.Suspended, AgreementStatus.Expired],
            seed.Agreements.Select(a => a.Status).Distinct().Order());
    }

    [Fact]
    public void Validate_DanglingReferences_AreReported()
    {
        var seed = new GovernanceSeed(
            [new Organisation("dfe:352", "Manchester", OrganisationKind.LocalAuthority, "ig@x.example")],
            [],
            [new Practitioner("p", "P", [new PractitionerRole("dfe:999", "ghost")])],
            [World.Agreement("a", ["dfe:352", "ods:NOPE"], ["c"], [Purpose.DirectCare], ["made-up-basis"], new(2025, 1, 1), null, AgreementStatus.Draft)]);

        var problems = seed.Validate();

        Assert.Contains("practitioners/p: unknown organisation 'dfe:999'", problems);
        Assert.Contains("practitioners/p: unknown role 'ghost'", problems);
        Assert.Contains("agreements/a: unknown party 'ods:NOPE'", problems);
        Assert.Contains("agreements/a: lawfulBases: unknown code 'made-up-basis'", problems);
    }

    [Fact]
    public async Task StartAsync_WithConfigDirectory_SeedsEmptyStoresAndDecides()
    {
        await using var governance = await TestGovernance.StartAsync(configDirectory: ConfigDirectory, seedWorld: false);

        Assert.Equal(10, governance.Admin.Organisations.Count(o => o.Id.StartsWith("dfe:", StringComparison.Ordinal)));
        var decision = await governance.Gate.DecideAsync(
            new AccessRequest("demo-officer-06", "police:06", "police-officer", Purpose.Safeguarding, AccessAction.Read),
            new GovernedResource("r", "p", "dfe:352", "child-protection-plan"),
            TestContext.Current.CancellationToken);
        Assert.Equal("agreement-in-force(isa-gm-safeguarding)", decision.PrimaryReason.ToString());
    }
}
