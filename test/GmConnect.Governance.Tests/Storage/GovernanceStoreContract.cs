using GmConnect.Governance.Agreements;
using GmConnect.Governance.Audit;
using GmConnect.Governance.BreakGlass;
using GmConnect.Governance.Decisions;
using GmConnect.Governance.Objections;
using GmConnect.Governance.Registries;
using GmConnect.Governance.Relationships;
using GmConnect.Governance.Sensitivity;
using GmConnect.Governance.Tests.Audit;

namespace GmConnect.Governance.Tests.Storage;

/// <summary>
/// The contract every Governance store keeps, run against memory, SQLite and PostgreSQL: what goes in comes out
/// unchanged, and any tampering with the stored audit trail is found by the verifier.
/// </summary>
public abstract class GovernanceStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 15, 30, TimeSpan.Zero);

    private StoreSet _stores = null!;

    private protected StoreSet Stores => _stores;

    private protected abstract Task<StoreSet> CreateAsync();

    /// <summary>Changes one column of one stored audit row, behind the store's back.</summary>
    private protected abstract Task TamperAsync(long sequence, string column, object value);

    /// <summary>Deletes one stored audit row.</summary>
    private protected abstract Task DeleteAsync(long sequence);

    /// <summary>Swaps the sequence numbers of two stored audit rows.</summary>
    private protected abstract Task SwapAsync(long first, long second);

    public virtual async ValueTask InitializeAsync() => _stores = await CreateAsync();

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Audit_Append_ChainsEntriesFromGenesis()
    {
        var first = await Stores.Audit.AppendAsync(AuditSamples.Record(1), T0, Ct);
        var second = await Stores.Audit.AppendAsync(AuditSamples.Record(2), T0.AddTicks(1234567), Ct);

        Assert.Equal(1, first.Sequence);
        Assert.Equal(AuditChain.GenesisHash, first.PreviousHash);
        Assert.Equal(2, second.Sequence);
        Assert.Equal(first.Hash, second.PreviousHash);
        Assert.Equal(AuditChain.ComputeHash(second), second.Hash);
    }

    [Fact]
    public async Task Audit_ReadAll_ReturnsEntriesExactlyAsAppended()
    {
        var appended = new List<AuditEntry>();
        for (var i = 1; i <= 12; i++)
        {
            appended.Add(await Stores.Audit.AppendAsync(AuditSamples.Record(i), T0.AddTicks(i * 1234567), Ct));
        }

        var read = await ToListAsync(Stores.Audit.ReadAllAsync(Ct));

        Assert.Equal(appended.Count, read.Count);
        for (var i = 0; i < read.Count; i++)
        {
            Assert.Equal(appended[i].Hash, read[i].Hash);
            Assert.Equal(appended[i].Recorded, read[i].Recorded);
            Assert.Equal(appended[i].Record.PersonIds, read[i].Record.PersonIds);
            Assert.Equal(appended[i].Record.Resources[0].Reasons, read[i].Record.Resources[0].Reasons);
            Assert.Equal(appended[i].Record.BreakGlassSessionId, read[i].Record.BreakGlassSessionId);
        }

        Assert.True((await AuditVerifier.VerifyAsync(Stores.Audit.ReadAllAsync(Ct), cancellationToken: Ct)).IsIntact);
    }

    [Fact]
    public async Task Audit_ConcurrentAppends_KeepOneUnbrokenChain()
    {
        await Task.WhenAll(Enumerable.Range(1, 24).Select(i => Stores.Audit.AppendAsync(AuditSamples.Record(i), T0.AddSeconds(i), Ct)));

        var result = await AuditVerifier.VerifyAsync(Stores.Audit.ReadAllAsync(Ct), cancellationToken: Ct);

        Assert.True(result.IsIntact, result.Describe());
        Assert.Equal(24, result.EntriesChecked);
    }

    [Fact]
    public async Task Audit_Search_FiltersByPersonPractitionerOrganisationAndPeriod()
    {
        await Stores.Audit.AppendAsync(AuditSamples.Record(1, person: "p-a", practitioner: "x", organisation: "dfe:352"), T0, Ct);
        await Stores.Audit.AppendAsync(AuditSamples.Record(2, person: "p-b", practitioner: "x", organisation: "ods:R0A"), T0.AddHours(1), Ct);
        await Stores.Audit.AppendAsync(AuditSamples.Record(3, person: "p-a", practitioner: "y", organisation: "ods:R0A"), T0.AddHours(2), Ct);

        Assert.Equal([3L, 1L], (await Stores.Audit.SearchAsync(new AuditQuery(PersonId: "p-a"), Ct)).Select(e => e.Sequence));
        Assert.Equal([2L, 1L], (await Stores.Audit.SearchAsync(new AuditQuery(PractitionerId: "x"), Ct)).Select(e => e.Sequence));
        Assert.Equal([3L, 2L], (await Stores.Audit.SearchAsync(new AuditQuery(OrganisationId: "ods:R0A"), Ct)).Select(e => e.Sequence));
        Assert.Equal([2L], (await Stores.Audit.SearchAsync(new AuditQuery(From: T0.AddMinutes(30), To: T0.AddHours(2)), Ct)).Select(e => e.Sequence));
        Assert.Equal([3L], (await Stores.Audit.SearchAsync(new AuditQuery(PersonId: "p-a", OrganisationId: "ods:R0A"), Ct)).Select(e => e.Sequence));
        Assert.Equal([3L], (await Stores.Audit.SearchAsync(new AuditQuery(Limit: 1), Ct)).Select(e => e.Sequence));
    }

    [Theory]
    [InlineData("outcome", "permit")]
    [InlineData("practitioner_id", "forger")]
    [InlineData("purpose", "safeguarding")]
    [InlineData("person_ids", "[]")]
    [InlineData("resources", "[]")]
    [InlineData("resources", "not json")]
    [InlineData("detail", "changed")]
    [InlineData("hash", "0000000000000000000000000000000000000000000000000000000000000001")]
    public async Task Audit_TamperedColumn_IsDetectedAtThatEntry(string column, string value)
    {
        for (var i = 1; i <= 6; i++)
        {
            await Stores.Audit.AppendAsync(AuditSamples.Record(i * 3), T0.AddSeconds(i), Ct);
        }

        await TamperAsync(4, column, value);
        var result = await AuditVerifier.VerifyAsync(Stores.Audit.ReadAllAsync(Ct), cancellationToken: Ct);

        Assert.False(result.IsIntact);
        Assert.Equal(4, result.Sequence);
    }

    [Fact]
    public async Task Audit_TamperedTime_IsDetected()
    {
        for (var i = 1; i <= 3; i++)
        {
            await Stores.Audit.AppendAsync(AuditSamples.Record(i), T0.AddSeconds(i), Ct);
        }

        await TamperAsync(2, "recorded_us", AuditChain.ToUnixMicroseconds(T0.AddDays(-1)));

        var result = await AuditVerifier.VerifyAsync(Stores.Audit.ReadAllAsync(Ct), cancellationToken: Ct);
        Assert.Equal(AuditProblem.Changed, result.Problem);
        Assert.Equal(2, result.Sequence);
    }

    [Fact]
    public async Task Audit_DeletedRow_IsDetected()
    {
        for (var i = 1; i <= 5; i++)
        {
            await Stores.Audit.AppendAsync(AuditSamples.Record(i), T0.AddSeconds(i), Ct);
        }

        await DeleteAsync(3);

        var result = await AuditVerifier.VerifyAsync(Stores.Audit.ReadAllAsync(Ct), cancellationToken: Ct);
        Assert.Equal(AuditProblem.Missing, result.Problem);
        Assert.Equal(3, result.Sequence);
    }

    [Fact]
    public async Task Audit_ReorderedRows_AreDetected()
    {
        for (var i = 1; i <= 5; i++)
        {
            await Stores.Audit.AppendAsync(AuditSamples.Record(i), T0.AddSeconds(i), Ct);
        }

        await SwapAsync(2, 4);

        var result = await AuditVerifier.VerifyAsync(Stores.Audit.ReadAllAsync(Ct), cancellationToken: Ct);
        Assert.False(result.IsIntact);
        Assert.Equal(2, result.Sequence);
    }

    [Fact]
    public async Task Agreements_SaveGetList_RoundTripAndReplace()
    {
        var agreement = World.Agreements.First(a => a.Id == "sg");
        await Stores.Agreements.SaveAsync(agreement, Ct);
        await Stores.Agreements.SaveAsync(World.Agreements.First(a => a.Id == "dc"), Ct);
        await Stores.Agreements.SaveAsync(agreement with { Status = AgreementStatus.Suspended }, Ct);

        var read = await Stores.Agreements.GetAsync("sg", Ct);
        var all = await Stores.Agreements.ListAsync(Ct);

        Assert.NotNull(read);
        Assert.Equal(AgreementStatus.Suspended, read.Status);
        Assert.Equal(agreement.Parties, read.Parties);
        Assert.Equal(agreement.Purposes, read.Purposes);
        Assert.Equal(agreement.LawfulBases, read.LawfulBases);
        Assert.Equal(agreement.End, read.End);
        Assert.Equal(agreement.Signatories, read.Signatories);
        Assert.True(read.IncludesRestricted);
        Assert.Equal(["dc", "sg"], all.Select(a => a.Id));
        Assert.Null(await Stores.Agreements.GetAsync("none", Ct));
    }

    [Fact]
    public async Task Directives_AddWithdrawList_KeepWithdrawnOnRecord()
    {
        var objection = new ConsentDirective("d1", "p1", DirectiveKind.Objection, "care-plan", Purpose.DirectCare, "ods:R0A", T0, "sw-la1");
        var optOut = new ConsentDirective("d2", "p1", DirectiveKind.NationalDataOptOut, null, null, null, T0.AddMinutes(1), "sw-la1");
        await Stores.Directives.AddAsync(objection, Ct);
        await Stores.Directives.AddAsync(optOut, Ct);
        await Stores.Directives.AddAsync(objection with { Id = "d3", PersonId = "p2" }, Ct);

        Assert.True(await Stores.Directives.WithdrawAsync("d1", T0.AddHours(1), Ct));
        Assert.False(await Stores.Directives.WithdrawAsync("d1", T0.AddHours(2), Ct));
        Assert.False(await Stores.Directives.WithdrawAsync("nope", T0, Ct));

        var list = await Stores.Directives.ForPersonAsync("p1", Ct);
        Assert.Equal([objection with { WithdrawnAt = T0.AddHours(1) }, optOut], list);
    }

    [Fact]
    public async Task BreakGlass_AddAndFind_ByIdPersonAndPeriod()
    {
        var session = new BreakGlassSession("bg-1", "clin-trust", "ods:R0A", "clinician", Purpose.DirectCare, "p1",
            BreakGlassJustification.ChildAtRisk, "Child brought in unconscious", T0, T0.AddHours(4));
        await Stores.BreakGlass.AddAsync(session, Ct);
        await Stores.BreakGlass.AddAsync(session with { Id = "bg-2", PersonId = "p2", OpenedAt = T0.AddDays(1), ExpiresAt = T0.AddDays(1).AddHours(1) }, Ct);

        Assert.Equal(session, await Stores.BreakGlass.GetAsync("bg-1", Ct));
        Assert.Equal([session], await Stores.BreakGlass.ForPersonAsync("p1", Ct));
        Assert.Equal(["bg-2"], (await Stores.BreakGlass.OpenedBetweenAsync(T0.AddHours(1), T0.AddDays(2), Ct)).Select(s => s.Id));
        Assert.Null(await Stores.BreakGlass.GetAsync("bg-3", Ct));
    }

    [Fact]
    public async Task Subjects_LabelsAndInvolvements_RoundTrip()
    {
        await Stores.Subjects.SetLabelsAsync("p1", SensitivityLabels.ProtectedAddress | SensitivityLabels.Restricted, Ct);
        await Stores.Subjects.SaveInvolvementAsync(new Involvement("p1", "ods:R0A", new DateOnly(2026, 1, 1)), Ct);
        await Stores.Subjects.SaveInvolvementAsync(new Involvement("p1", "dfe:352", new DateOnly(2025, 5, 1), new DateOnly(2025, 12, 31)), Ct);
        await Stores.Subjects.SaveInvolvementAsync(new Involvement("p1", "ods:R0A", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)), Ct);

        Assert.Equal(SensitivityLabels.ProtectedAddress | SensitivityLabels.Restricted, await Stores.Subjects.GetLabelsAsync("p1", Ct));
        Assert.Equal(SensitivityLabels.None, await Stores.Subjects.GetLabelsAsync("p2", Ct));
        Assert.Equal(
            [new Involvement("p1", "dfe:352", new DateOnly(2025, 5, 1), new DateOnly(2025, 12, 31)), new Involvement("p1", "ods:R0A", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30))],
            await Stores.Subjects.InvolvementsAsync("p1", Ct));
    }

    [Fact]
    public async Task Registry_SaveAndList_RoundTripEveryKind()
    {
        foreach (var organisation in World.Organisations)
        {
            await Stores.Registry.SaveOrganisationAsync(organisation, Ct);
        }

        foreach (var role in World.Roles)
        {
            await Stores.Registry.SaveRoleAsync(role, Ct);
        }

        var practitioner = World.Practitioners.First(p => p.Id == "two-hats");
        await Stores.Registry.SavePractitionerAsync(practitioner, Ct);
        await Stores.Registry.SaveOrganisationAsync(World.Organisations[0] with { Active = false }, Ct);

        var organisations = await Stores.Registry.OrganisationsAsync(Ct);
        var roles = await Stores.Registry.RolesAsync(Ct);
        var practitioners = await Stores.Registry.PractitionersAsync(Ct);

        Assert.Equal(World.Organisations.Count, organisations.Count);
        Assert.False(organisations.Single(o => o.Id == World.Organisations[0].Id).Active);
        var admin = roles.Single(r => r.Code == "administrator");
        Assert.Equal(RoleCapabilities.Administration | RoleCapabilities.InformationGovernance, admin.Capabilities);
        Assert.Equal(World.Roles.Single(r => r.Code == "social-worker").Purposes, roles.Single(r => r.Code == "social-worker").Purposes);
        var read = Assert.Single(practitioners);
        Assert.Equal(practitioner.Roles, read.Roles);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
