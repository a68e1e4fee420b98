using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using TalentReview.Domain.Demo;
using TalentReview.Domain.Rosters;
using TalentReview.Domain.Talent.Pools;
using TalentReview.Domain.Talent.Succession;
using TalentReview.Infrastructure.Storage.Sqlite;
using TalentReview.Workflow.Privacy;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Talent.Succession;

namespace TalentReview.Infrastructure.Tests.Storage.Privacy;

/// <summary>
/// Critical roles, talent pools and their audit under the retention policy and in the personal-data export,
/// on each store. Two cycles: 2023 (past retention) and 2025 (kept); the leaver is only in 2023, the stayer in
/// both. Each test has a store of its own: retention reads every cycle of the store.
/// </summary>
public abstract class TalentPrivacyContract : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Marked = new(2025, 11, 3, 9, 0, 0, TimeSpan.Zero);

    private readonly DemoOrganisation _organisation = DemoOrganisation.Generate(12, 1, Today);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Today.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero));
    private IDocumentStore _documents = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private ReviewStore Store => new(_documents);

    private TalentStore Talent => new(_documents);

    private Employee Leaver => Leaves()[0];

    private Employee Stayer => Leaves()[1];

    private Employee Colleague => Leaves()[2];

    protected abstract Task<IDocumentStore> OpenStoreAsync();

    public async ValueTask InitializeAsync()
    {
        _documents = await OpenStoreAsync();
        await CycleSeed.WriteAsync(Store, _organisation, "c2023", new DateOnly(2023, 9, 1), CycleState.Released);
        await CycleSeed.WriteAsync(Store, _organisation, "c2025", new DateOnly(2025, 9, 1), CycleState.Released, leaver: Leaver.Id);
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Once_the_leavers_last_cycle_is_purged_roles_pools_and_audit_no_longer_name_them_and_keep_everyone_else()
    {
        var (ledByLeaver, ledByStayer, pool) = await WriteTalentAsync();

        var purge = Assert.Single((await Retention().PurgeExpiredCyclesAsync(Cancellation)).Cycles);

        Assert.Equal("c2023", purge.CycleId);
        var first = (await Talent.ReadRoleAsync(ledByLeaver, Cancellation))!.Value;
        Assert.Equal((string.Empty, string.Empty), (first.IncumbentId, first.IncumbentName));
        Assert.Equal([Stayer.Name, Colleague.Name], first.Successors.Select(s => s.Name));
        var second = (await Talent.ReadRoleAsync(ledByStayer, Cancellation))!.Value;
        Assert.Equal((Stayer.Name, LossLevel.Low), (second.IncumbentName, second.RiskOfLoss));
        Assert.Equal([Colleague.Name], second.Successors.Select(s => s.Name));
        var kept = (await Talent.ReadPoolAsync(pool, Cancellation))!.Value;
        Assert.Equal([Stayer.Name], kept.Members.Select(m => m.Name));
        Assert.Empty(kept.Exclusions);

        Assert.Equal([(TalentChange.SuccessorConfirmed, Stayer.Name), (TalentChange.SuccessorConfirmed, Colleague.Name)], Changes(await Talent.RoleAuditAsync(ledByLeaver, Cancellation)));
        Assert.Equal([(TalentChange.RoleMarked, Stayer.Name), (TalentChange.SuccessorConfirmed, Colleague.Name)], Changes(await Talent.RoleAuditAsync(ledByStayer, Cancellation)));
        Assert.Equal([(TalentChange.PoolCreated, "Future leaders"), (TalentChange.MemberAdded, Stayer.Name)], Changes(await Talent.PoolAuditAsync(pool, Cancellation)));
        Assert.Empty(await Talent.AuditNamingAsync(Leaver.Id, Cancellation));
        Assert.Equal(0, await Talent.ForgetPeopleAsync(new HashSet<string>([Leaver.Id]), Cancellation));
    }

    [Fact]
    public async Task While_a_cycle_that_holds_them_is_kept_nobody_is_forgotten()
    {
        var (ledByLeaver, _, pool) = await WriteTalentAsync();

        // Four years: the 2023 cycle ended within them.
        Assert.Empty((await Retention(days: 1461).PurgeExpiredCyclesAsync(Cancellation)).Cycles);

        Assert.Equal(Leaver.Name, (await Talent.ReadRoleAsync(ledByLeaver, Cancellation))!.Value.IncumbentName);
        Assert.Equal([Leaver.Id], (await Talent.ReadPoolAsync(pool, Cancellation))!.Value.Exclusions.Select(e => e.EmployeeId));
        Assert.Equal(4, (await Talent.AuditNamingAsync(Leaver.Id, Cancellation)).Count);
    }

    [Fact]
    public async Task A_purge_cut_short_while_the_roster_was_being_deleted_is_finished_by_the_next_run()
    {
        await WriteTalentAsync();
        await _documents.DeleteAsync(ReviewStore.RosterChunkKey("c2023", 0), Cancellation);

        var purge = Assert.Single((await Retention().PurgeExpiredCyclesAsync(Cancellation)).Cycles);

        Assert.Equal(("c2023", false), (purge.CycleId, purge.Deferred));
        Assert.Null(await Store.GetCycleIndexAsync("c2023", Cancellation));
        Assert.NotNull(await Store.GetCycleIndexAsync("c2025", Cancellation));
    }

    [Fact]
    public async Task The_personal_data_export_holds_the_roles_pools_and_audit_entries_that_name_the_person_and_nobody_elses_entries()
    {
        var (ledByLeaver, ledByStayer, pool) = await WriteTalentAsync();

        var talent = (await Export().ExportAsync(Leaver.Id, Cancellation))["talent"]!.AsArray();

        Assert.Equal(
            [DocumentKinds.CriticalRole, DocumentKinds.CriticalRole, DocumentKinds.TalentAudit, DocumentKinds.TalentAudit, DocumentKinds.TalentAudit, DocumentKinds.TalentAudit, DocumentKinds.TalentPool],
            talent.Select(d => (string)d!["kind"]!).Order(StringComparer.Ordinal));
        var roles = talent.Where(d => (string)d!["kind"]! == DocumentKinds.CriticalRole).Select(d => d!["value"]!).ToDictionary(r => (string)r["roleId"]!);
        Assert.Equal((Leaver.Name, "High"), ((string?)roles[ledByLeaver]["incumbent"]!["incumbentName"], (string?)roles[ledByLeaver]["incumbent"]!["riskOfLoss"]));
        Assert.Null(roles[ledByLeaver]["successor"]);
        Assert.Equal("ReadyNow", (string?)roles[ledByStayer]["successor"]!["readiness"]);
        Assert.Null(roles[ledByStayer]["incumbent"]);
        var membership = talent.Single(d => (string)d!["kind"]! == DocumentKinds.TalentPool)!["value"]!;
        Assert.Equal((pool, "Moves to a role abroad."), ((string?)membership["poolId"], (string?)membership["exclusion"]!["reason"]));
        Assert.Null(membership["member"]);
        Assert.Equal(
            ["MemberAdded", "MemberRemoved", "RoleMarked", "SuccessorConfirmed"],
            talent.Where(d => (string)d!["kind"]! == DocumentKinds.TalentAudit).Select(d => (string)d!["value"]!["change"]!).Order(StringComparer.Ordinal));
        var text = talent.ToJsonString();
        Assert.DoesNotContain(Stayer.Id, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Colleague.Id, text, StringComparison.Ordinal);

        await Retention().PurgeExpiredCyclesAsync(Cancellation);
        Assert.Empty((await Export().ExportAsync(Leaver.Id, Cancellation))["talent"]!.AsArray());
        // The stayer holds one role and succeeds the leaver's; marked, confirmed and added, each once.
        Assert.Equal(
            [DocumentKinds.CriticalRole, DocumentKinds.CriticalRole, DocumentKinds.TalentAudit, DocumentKinds.TalentAudit, DocumentKinds.TalentAudit, DocumentKinds.TalentPool],
            (await Export().ExportAsync(Stayer.Id, Cancellation))["talent"]!.AsArray().Select(d => (string)d!["kind"]!).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The leaver holds one role (with the stayer and a colleague as successors), is a successor for the stayer's
    /// role, and was added to a pool and then taken out (the latest change of the pool names them).
    /// </summary>
    private async Task<(string LedByLeaver, string LedByStayer, string Pool)> WriteTalentAsync()
    {
        var talent = Talent;
        var at = Marked;
        async Task<string> RoleAsync(Employee incumbent, LossLevel risk, params (Employee Person, SuccessorReadiness Readiness)[] successors)
        {
            var roleId = CriticalRoleCommands.RoleIdOf(incumbent.Department, incumbent.JobTitle, incumbent.Level);
            var role = new CriticalRole(roleId, incumbent.JobTitle, incumbent.Department, incumbent.Level, incumbent.Id, incumbent.Name, risk, LossLevel.High, [], "hr-1", at);
            Assert.True(await talent.CreateAsync(TalentStore.RoleKey(roleId), DocumentKinds.CriticalRole, role, new TalentAuditDocument(roleId, TalentChange.RoleMarked, incumbent.Id, incumbent.Name, null, null, "hr-1", at), Cancellation));
            foreach (var (person, readiness) in successors)
            {
                at = at.AddMinutes(1);
                var successor = new Successor(person.Id, person.Name, readiness, "hr-1", at);
                await talent.UpdateAsync<CriticalRole>(TalentStore.RoleKey(roleId), DocumentKinds.CriticalRole, r => (r.WithSuccessor(successor), new TalentAuditDocument(roleId, TalentChange.SuccessorConfirmed, person.Id, person.Name, readiness.ToString(), null, "hr-1", at)), Cancellation);
            }

            return roleId;
        }

        var ledByLeaver = await RoleAsync(Leaver, LossLevel.High, (Stayer, SuccessorReadiness.ReadyNow), (Colleague, SuccessorReadiness.InOneToTwoYears));
        var ledByStayer = await RoleAsync(Stayer, LossLevel.Low, (Leaver, SuccessorReadiness.ReadyNow), (Colleague, SuccessorReadiness.InThreeYearsOrMore));

        var poolId = "pfutureleaders";
        var pool = new TalentPool(poolId, "Future leaders", null, new PoolCriteria([Domain.NineBox.GridBox.Star], [], []), [], [], "hr-1", at);
        Assert.True(await talent.CreateAsync(TalentStore.PoolKey(poolId), DocumentKinds.TalentPool, pool, new TalentAuditDocument(poolId, TalentChange.PoolCreated, null, pool.Name, null, null, "hr-1", at), Cancellation));
        foreach (var person in new[] { Leaver, Stayer })
        {
            at = at.AddMinutes(1);
            await talent.UpdateAsync<TalentPool>(TalentStore.PoolKey(poolId), DocumentKinds.TalentPool, p => (p.WithMember(person.Id, person.Name, "Leads the audit project.", at), new TalentAuditDocument(poolId, TalentChange.MemberAdded, person.Id, person.Name, null, "Leads the audit project.", "hr-1", at)), Cancellation);
        }

        at = at.AddMinutes(1);
        await talent.UpdateAsync<TalentPool>(TalentStore.PoolKey(poolId), DocumentKinds.TalentPool, p => (p.WithoutMember(Leaver.Id, Leaver.Name, "Moves to a role abroad.", "hr-1", at), new TalentAuditDocument(poolId, TalentChange.MemberRemoved, Leaver.Id, Leaver.Name, null, "Moves to a role abroad.", "hr-1", at)), Cancellation);
        return (ledByLeaver, ledByStayer, poolId);
    }

    private static List<(TalentChange, string?)> Changes(IEnumerable<TalentAuditDocument> audit) => [.. audit.Select(a => (a.Change, a.Name))];

    /// <summary>Three people nobody reports to, so leaving one out of a cycle leaves its roster whole.</summary>
    private List<Employee> Leaves()
    {
        var managers = _organisation.Employees.Select(e => e.ManagerId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return [.. _organisation.Employees.Where(e => !managers.Contains(e.Id)).OrderBy(e => e.Id, StringComparer.Ordinal).Take(3)];
    }

    private RetentionService Retention(int days = 730)
    {
        var client = Substitute.For<DurableTaskClient>("substitute");
        client.GetInstanceAsync(Arg.Any<string>(), Arg.Any<bool>(), Arg.Any<CancellationToken>()).Returns((OrchestrationMetadata?)null);
        client.GetAllInstancesAsync(Arg.Any<OrchestrationQuery>()).Returns(Pageable.Create((_, _, _) => Task.FromResult(new Page<OrchestrationMetadata>([], null))));
        client.PurgeInstanceAsync(Arg.Any<string>(), Arg.Any<PurgeInstanceOptions>(), Arg.Any<CancellationToken>()).Returns(new PurgeResult(0));
        return new RetentionService(Store, client, Options.Create(new RetentionOptions { Days = days }), _time);
    }

    private PersonalDataExport Export() => new(Store, _time);
}

public sealed class InMemoryTalentPrivacyTests : TalentPrivacyContract
{
    protected override Task<IDocumentStore> OpenStoreAsync() => Task.FromResult<IDocumentStore>(new InMemoryDocumentStore());
}

public sealed class SqliteTalentPrivacyTests : TalentPrivacyContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("talentreview-privacy-").FullName;

    protected override Task<IDocumentStore> OpenStoreAsync() => Task.FromResult<IDocumentStore>(new SqliteDocumentStore(Path.Combine(_folder, "store.db")));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>On the real Cosmos SDK against @vercel/cosmosdb-server, a container per test.</summary>
public sealed class CosmosTalentPrivacyTests(CosmosServerFixture server) : TalentPrivacyContract, IClassFixture<CosmosServerFixture>
{
    protected override async Task<IDocumentStore> OpenStoreAsync()
    {
        Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
        return await server.NewStoreAsync("privacy");
    }
}
