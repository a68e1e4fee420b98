using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Talent.History;
using TalentReview.Domain.Talent.Pools;
using TalentReview.Domain.Talent.Succession;
using TalentReview.Infrastructure.Storage.Sqlite;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Talent.Pools;
using TalentReview.Workflow.Talent.Succession;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Web.Tests.Talent;

/// <summary>Critical roles, successors and pools through their use cases, on each store the product runs on.</summary>
public abstract class SuccessionUseCaseTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Released = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Released.AddDays(60));

    protected abstract IDocumentStore Store { get; }

    private TalentStore Talent => new(Store);

    private LatestCalibration Calibration => new(new ReviewStore(Store));

    private CriticalRoleCommands Roles => new(Talent, Calibration, clock);

    private CriticalRoleQueries RoleQueries => new(Talent, Calibration);

    private TalentPoolCommands Pools => new(Talent, Calibration, clock);

    public async ValueTask InitializeAsync()
    {
        await OpenStoreAsync();
        await SuccessionSeed.WriteAsync(new ReviewStore(Store), Released);
    }

    /// <summary>For stores that are opened asynchronously, before the seed is written.</summary>
    protected virtual Task OpenStoreAsync() => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        RemoveStore();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected virtual void RemoveStore()
    {
    }

    private async Task<string> MarkCfoAsync()
    {
        var marked = await Roles.MarkAsync(new MarkCriticalRole(SuccessionSeed.Cfo.Id, null, LossLevel.Medium, LossLevel.High), "hr-1");
        Assert.Equal(CommandStatus.Succeeded, marked.Status);
        return marked.Value!;
    }

    [Fact]
    public async Task A_marked_role_suggests_successors_from_the_last_calibration_but_never_its_incumbent()
    {
        var roleId = await MarkCfoAsync();

        var view = (await RoleQueries.GetAsync(roleId))!;

        Assert.Equal(("Chief Financial Officer", "Finance", "A1", "Ines Claes"), (view.Role.Title, view.Role.Department, view.Role.Level, view.Role.IncumbentName));
        Assert.Equal(SuccessionSeed.CycleName, view.CalibrationCycleName);
        // Ines is a star too, but holds the role; Louis is ready but looks outside; Emma's box is not a successor's.
        Assert.Equal(
            [(SuccessionSeed.Ready.Name, SuccessorReadiness.ReadyNow), (SuccessionSeed.Soon.Name, SuccessorReadiness.InOneToTwoYears), (SuccessionSeed.Later.Name, SuccessorReadiness.InThreeYearsOrMore)],
            view.Suggestions.Select(s => (s.Talent.Name, s.Readiness)));
        Assert.True(view.Role.Bench.NobodyReadyNow);
    }

    [Fact]
    public async Task Confirmed_successors_make_the_bench_and_the_coverage_and_the_incumbent_is_refused_as_her_own_successor()
    {
        var roleId = await MarkCfoAsync();

        var own = await Roles.NominateAsync(roleId, new NominateSuccessor(SuccessionSeed.Cfo.Id, SuccessorReadiness.ReadyNow, null), "hr-1");
        Assert.Equal(CommandStatus.Invalid, own.Status);
        Assert.Equal(("employeeId", CriticalRoleCommands.OwnSuccessorCode), (own.Errors.Single().Field, own.Errors.Single().Code));
        Assert.Contains("Ines Claes holds this role", own.Errors.Single().Message, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await Roles.NominateAsync(roleId, new NominateSuccessor(SuccessionSeed.Soon.Id, SuccessorReadiness.InOneToTwoYears, null), "hr-1")).Succeeded);
        Assert.Equal(new SuccessionCoverage(1, 0), await new SuccessionCoverageQuery(Talent).GetAsync());
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await Roles.NominateAsync(roleId, new NominateSuccessor(SuccessionSeed.Ready.Id, SuccessorReadiness.ReadyNow, "Ran the 2025 closing."), "hr-2")).Succeeded);

        var view = (await RoleQueries.GetAsync(roleId))!;
        Assert.Equal([(SuccessionSeed.Ready.Name, SuccessorReadiness.ReadyNow, "hr-2"), (SuccessionSeed.Soon.Name, SuccessorReadiness.InOneToTwoYears, "hr-1")],
            view.Role.Successors.Select(s => (s.Name, s.Readiness, s.ConfirmedBy)));
        Assert.Equal((1, 1, BenchRating.Adequate, false), (view.Role.Bench.ReadyNow, view.Role.Bench.InOneToTwoYears, view.Role.Bench.Rating, view.Role.Bench.NobodyReadyNow));
        Assert.Equal([SuccessionSeed.Later.Name], view.Suggestions.Select(s => s.Talent.Name));
        Assert.Equal(1m, (await new SuccessionCoverageQuery(Talent).GetAsync()).Share);
        Assert.Equal([TalentChange.RoleMarked, TalentChange.SuccessorConfirmed, TalentChange.SuccessorConfirmed], view.History.Select(h => h.Change));
    }

    [Fact]
    public async Task The_share_of_critical_roles_with_a_ready_successor_stands_on_HRs_indicators_against_the_latest_cycle()
    {
        var roleId = await MarkCfoAsync();
        var indicators = new SuccessionIndicatorSource(new SuccessionCoverageQuery(Talent));
        TalentOutcome Kept(string cycleId, DateOnly releasedOn) => new(
            cycleId, "Review " + cycleId, releasedOn, "Europe/Brussels", SuccessionSeed.Soon.Id, SuccessionSeed.Soon.Name, new JobFunction("Finance", "Controller", "B2"), [], GridBox.Star, null, null, null, []);
        List<TalentOutcome> outcomes = [Kept("2025", new DateOnly(2025, 3, 3)), Kept("2026", new DateOnly(2026, 3, 2))];

        Assert.True((await Roles.NominateAsync(roleId, new NominateSuccessor(SuccessionSeed.Soon.Id, SuccessorReadiness.InOneToTwoYears, null), "hr-1")).Succeeded);
        var nobodyReady = Assert.Single(await indicators.ComputeAsync(outcomes, new DateOnly(2026, 5, 1)));
        Assert.True((await Roles.NominateAsync(roleId, new NominateSuccessor(SuccessionSeed.Ready.Id, SuccessorReadiness.ReadyNow, null), "hr-1")).Succeeded);
        var ready = Assert.Single(await indicators.ComputeAsync(outcomes, new DateOnly(2026, 5, 1)));

        Assert.Equal(("2026", (string?)null, 0m, 0, 1), (nobodyReady.CycleId, nobodyReady.Department, nobodyReady.Value, nobodyReady.Count, nobodyReady.Of));
        Assert.Equal(("2026", 100m, 1, 1), (ready.CycleId, ready.Value, ready.Count, ready.Of));
        Assert.Empty(await indicators.ComputeAsync([], new DateOnly(2026, 5, 1)));
    }

    [Fact]
    public async Task Bad_input_says_which_field_and_why_and_stores_nothing()
    {
        var unknown = await Roles.MarkAsync(new MarkCriticalRole("E999", null, LossLevel.High, null), "hr-1");

        Assert.Equal(CommandStatus.Invalid, unknown.Status);
        Assert.Equal([("impactOfLoss", "required")], unknown.Errors.Select(e => (e.Field, e.Code)));
        var notOnRoster = await Roles.MarkAsync(new MarkCriticalRole("E999", new string('x', 10), LossLevel.High, LossLevel.Low), "hr-1");
        Assert.Equal(("incumbentId", CriticalRoleCommands.NotInRosterCode), (notOnRoster.Errors.Single().Field, notOnRoster.Errors.Single().Code));
        Assert.Contains("'E999'", notOnRoster.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Empty(await Talent.ListRolesAsync());

        var roleId = await MarkCfoAsync();
        var noReadiness = await Roles.NominateAsync(roleId, new NominateSuccessor(SuccessionSeed.Ready.Id, null, null), "hr-1");
        Assert.Equal(["readiness"], noReadiness.Errors.Select(e => e.Field));
        var noReason = await Roles.RemoveSuccessorAsync(roleId, new RemoveSuccessor(SuccessionSeed.Ready.Id, " "), "hr-1");
        Assert.Equal(["reason"], noReason.Errors.Select(e => e.Field));
        Assert.Empty((await Talent.ReadRoleAsync(roleId))!.Value.Successors);
    }

    [Fact]
    public async Task The_same_position_marked_again_is_the_same_role()
    {
        var roleId = await MarkCfoAsync();

        var again = await Roles.MarkAsync(new MarkCriticalRole(SuccessionSeed.Cfo.Id, null, LossLevel.Medium, LossLevel.High), "hr-1");

        Assert.Equal((CommandStatus.AlreadyDone, roleId), (again.Status, again.Value));
        Assert.Single(await Talent.ListRolesAsync());
    }

    [Fact]
    public async Task Nominations_made_at_the_same_time_are_all_kept()
    {
        var roleId = await MarkCfoAsync();
        var people = SuccessionSeed.People.Skip(1).Select(p => p.Person.Id).ToList();

        var results = await Task.WhenAll(people.Select(id => Task.Run(() => Roles.NominateAsync(roleId, new NominateSuccessor(id, SuccessorReadiness.InOneToTwoYears, null), "hr-1"))));

        Assert.All(results, r => Assert.True(r.Succeeded));
        var role = (await Talent.ReadRoleAsync(roleId))!.Value;
        Assert.Equal(people.Order(StringComparer.Ordinal), role.Successors.Select(s => s.EmployeeId).Order(StringComparer.Ordinal));
        Assert.Equal(people.Count, (await Talent.RoleAuditAsync(roleId)).Count(a => a.Change == TalentChange.SuccessorConfirmed));
    }

    [Fact]
    public async Task A_change_made_from_a_stale_page_is_refused_and_loses_neither_change()
    {
        var roleId = await MarkCfoAsync();
        var seen = (await RoleQueries.GetAsync(roleId))!.Version;
        Assert.True((await Roles.ChangeAsync(roleId, new ChangeCriticalRole("CFO", LossLevel.High, LossLevel.High, seen), "hr-1")).Succeeded);

        var stale = await Roles.ChangeAsync(roleId, new ChangeCriticalRole("Chief Financial Officer", LossLevel.Low, LossLevel.Low, seen), "hr-2");

        Assert.Equal(("version", CriticalRoleCommands.ChangedMeanwhileCode), (stale.Errors.Single().Field, stale.Errors.Single().Code));
        var role = (await Talent.ReadRoleAsync(roleId))!.Value;
        Assert.Equal(("CFO", LossLevel.High, LossLevel.High), (role.Title, role.RiskOfLoss, role.ImpactOfLoss));
    }

    [Fact]
    public async Task Unmarking_closes_each_nomination_with_who_when_and_why_and_the_role_leaves_the_list_until_marked_again()
    {
        var roleId = await MarkCfoAsync();
        Assert.True((await Roles.NominateAsync(roleId, new NominateSuccessor(SuccessionSeed.Ready.Id, SuccessorReadiness.ReadyNow, null), "hr-1")).Succeeded);
        Assert.True((await Roles.NominateAsync(roleId, new NominateSuccessor(SuccessionSeed.Soon.Id, SuccessorReadiness.InOneToTwoYears, null), "hr-1")).Succeeded);
        clock.Advance(TimeSpan.FromDays(3));

        var unmarked = await Roles.UnmarkAsync(roleId, new UnmarkCriticalRole(" Merged with Treasury. ", true), "hr-2");

        Assert.Equal(CommandStatus.Succeeded, unmarked.Status);
        var view = (await RoleQueries.GetAsync(roleId))!;
        Assert.Equal(new RoleUnmarking("hr-2", clock.GetUtcNow(), "Merged with Treasury."), view.Role.Unmarked);
        Assert.Empty(view.Role.Successors);
        Assert.Empty(view.Suggestions);
        Assert.Equal([(SuccessionSeed.Ready.Name, SuccessorReadiness.ReadyNow), (SuccessionSeed.Soon.Name, SuccessorReadiness.InOneToTwoYears)], view.Role.ClosedSuccessors!.Select(s => (s.Name, s.Readiness)));
        var closing = view.History.Where(h => h.At == clock.GetUtcNow()).ToList();
        Assert.Equal(
            [(TalentChange.RoleUnmarked, SuccessionSeed.Cfo.Name, (string?)null), (TalentChange.NominationClosed, SuccessionSeed.Ready.Name, "ReadyNow"), (TalentChange.NominationClosed, SuccessionSeed.Soon.Name, "InOneToTwoYears")],
            closing.Select(h => (h.Change, h.Name!, h.Detail)).OrderBy(h => h.Change).ThenBy(h => h.Item2, StringComparer.Ordinal));
        Assert.All(closing, h => Assert.Equal(("hr-2", "Merged with Treasury."), (h.By, h.Reason)));
        Assert.Empty(await RoleQueries.ListAsync());
        Assert.Equal(new SuccessionCoverage(0, 0), await new SuccessionCoverageQuery(Talent).GetAsync());

        // Nothing changes on a role no longer critical; unmarking it again is a repeat.
        var late = await Roles.NominateAsync(roleId, new NominateSuccessor(SuccessionSeed.Later.Id, SuccessorReadiness.InThreeYearsOrMore, null), "hr-1");
        Assert.Equal((CommandStatus.NotAllowed, CriticalRoleCommands.NoLongerCriticalCode), (late.Status, late.Errors.Single().Code));
        Assert.Equal(CommandStatus.AlreadyDone, (await Roles.UnmarkAsync(roleId, new UnmarkCriticalRole("Again.", true), "hr-1")).Status);

        // Marked again, it starts with an empty bench and its history goes on.
        clock.Advance(TimeSpan.FromDays(1));
        var again = await Roles.MarkAsync(new MarkCriticalRole(SuccessionSeed.Cfo.Id, null, LossLevel.High, LossLevel.High), "hr-1");
        Assert.Equal((CommandStatus.Succeeded, roleId), (again.Status, again.Value));
        view = (await RoleQueries.GetAsync(roleId))!;
        Assert.True(view.Role.IsCritical);
        Assert.Empty(view.Role.Successors);
        Assert.Equal(7, view.History.Count);
        Assert.Single(await RoleQueries.ListAsync());
    }

    [Fact]
    public async Task Unmarking_needs_a_reason_and_the_confirmation_and_a_role_that_exists()
    {
        var roleId = await MarkCfoAsync();

        var refused = await Roles.UnmarkAsync(roleId, new UnmarkCriticalRole(" ", false), "hr-1");
        var missing = await Roles.UnmarkAsync("r0000000000", new UnmarkCriticalRole("Reorganised.", true), "hr-1");

        Assert.Equal(CommandStatus.Invalid, refused.Status);
        Assert.Equal([("reason", "required"), ("confirmed", CriticalRoleCommands.NotConfirmedCode)], refused.Errors.Select(e => (e.Field, e.Code)));
        Assert.Equal((CommandStatus.NotFound, "roleId: no such critical role."), (missing.Status, missing.Errors.Single().Message));
        Assert.True((await Talent.ReadRoleAsync(roleId))!.Value.IsCritical);
        Assert.Single(await Talent.RoleAuditAsync(roleId));
    }

    [Fact]
    public async Task A_pool_fills_from_the_last_calibration_and_hr_reviews_it_with_reasons_that_are_kept()
    {
        var created = await Pools.CreateAsync(new CreateTalentPool("Future leaders", "Who could lead a department in three years.", [GridBox.Star, GridBox.EmergingTalent], [CareerAspiration.Promotion], []), "hr-1");
        var poolId = created.Value!;

        clock.Advance(TimeSpan.FromMinutes(1));
        var filled = await Pools.FillAsync(poolId, "hr-1");
        Assert.Equal(2, filled.Value);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await Pools.RemoveMemberAsync(poolId, new ChangePoolMember(SuccessionSeed.Soon.Id, "Leaves for a year of study."), "hr-2")).Succeeded);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await Pools.AddMemberAsync(poolId, new ChangePoolMember(SuccessionSeed.Later.Id, "Leads the audit project."), "hr-2")).Succeeded);
        clock.Advance(TimeSpan.FromDays(1));
        await Pools.FillAsync(poolId, "hr-1");

        var view = (await new TalentPoolQueries(Talent).GetAsync(poolId))!;
        Assert.Equal([(SuccessionSeed.Ready.Name, PoolMembershipSource.Calibration), (SuccessionSeed.Later.Name, PoolMembershipSource.AddedByHr)],
            view.Pool.Members.Select(m => (m.Name, m.Source)));
        Assert.Equal(SuccessionSeed.CycleName, view.Pool.FilledFromCycleName);
        var removal = view.History.Single(h => h.Change == TalentChange.MemberRemoved);
        Assert.Equal((SuccessionSeed.Soon.Name, "Leaves for a year of study.", "hr-2"), (removal.Name, removal.Reason, removal.By));
        Assert.Equal(
            [TalentChange.PoolCreated, TalentChange.PoolFilled, TalentChange.MemberRemoved, TalentChange.MemberAdded, TalentChange.PoolFilled],
            view.History.Select(h => h.Change));
    }

    [Fact]
    public async Task A_pool_without_criteria_or_name_is_refused_field_by_field()
    {
        var refused = await Pools.CreateAsync(new CreateTalentPool(" ", null, [], [], [(PromotionReadiness)42]), "hr-1");

        Assert.Equal(CommandStatus.Invalid, refused.Status);
        Assert.Equal(["name", "readiness[0]"], refused.Errors.Select(e => e.Field));
        Assert.Empty(await Talent.ListPoolsAsync());
    }
}

public sealed class InMemorySuccessionUseCaseTests : SuccessionUseCaseTests
{
    protected override IDocumentStore Store { get; } = new InMemoryDocumentStore();
}

public sealed class SqliteSuccessionUseCaseTests : SuccessionUseCaseTests
{
    private readonly string folder = Directory.CreateTempSubdirectory("talentreview-talent-").FullName;

    public SqliteSuccessionUseCaseTests() => Store = new SqliteDocumentStore(Path.Combine(folder, "store.db"));

    protected override IDocumentStore Store { get; }

    protected override void RemoveStore()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
