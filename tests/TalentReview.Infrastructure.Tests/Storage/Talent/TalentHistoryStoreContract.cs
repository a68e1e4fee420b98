using TalentReview.Domain.Decisions;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Talent.History;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Talent.History;

namespace TalentReview.Infrastructure.Tests.Storage.Talent;

/// <summary>
/// The talent history on each store: kept once per person and cycle, read back with its decision,
/// follow-ups recorded, and forgotten with its cycle. Tests share the history's one partition, so
/// each uses people and cycles of its own.
/// </summary>
public abstract class TalentHistoryStoreContract
{
    private static readonly DateOnly Release = new(2026, 2, 16);

    protected abstract IDocumentStore Store { get; }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_outcome_is_kept_once_and_reads_back_with_its_decision_and_trend()
    {
        var history = new TalentHistoryStore(Store);
        var person = NewId("keep");
        var plan = new DevelopmentPlanDecision(person, Release.AddDays(-7), "hr1", ["Lead the close"], [Release.AddMonths(3), Release.AddMonths(6)]);

        Assert.True(await history.KeepAsync(Outcome(person, "c1-" + person, Release, GridBox.CorePlayer, plan), Cancellation));
        Assert.False(await history.KeepAsync(Outcome(person, "c1-" + person, Release, GridBox.Star, null), Cancellation));
        Assert.True(await history.KeepAsync(Outcome(person, "c2-" + person, Release.AddYears(1), GridBox.Star, null), Cancellation));

        var read = await history.GetHistoryAsync(person, Cancellation);
        Assert.Equal([GridBox.CorePlayer, GridBox.Star], read.Trend.Select(s => s.Box));
        Assert.Equal([BoxMove.First, BoxMove.Up], read.Trend.Select(s => s.Move));
        var kept = Assert.IsType<DevelopmentPlanDecision>(read.Outcomes[0].Decision);
        Assert.Equal(["Lead the close"], kept.Goals);
        Assert.Equal("c2-" + person, Assert.Single(await history.GetLatestOutcomesAsync(Cancellation), o => o.EmployeeId == person).CycleId);
    }

    [Fact]
    public async Task A_follow_up_recorded_as_held_stays_when_the_release_runs_again()
    {
        var history = new TalentHistoryStore(Store);
        var person = NewId("held");
        var cycle = "c-" + person;
        var due = Release.AddMonths(3);
        var plan = new DevelopmentPlanDecision(person, Release.AddDays(-7), "hr1", ["Coach two colleagues"], [due, Release.AddMonths(6)]);
        await history.KeepAsync(Outcome(person, cycle, Release, GridBox.EmergingTalent, plan), Cancellation);

        var recorded = await history.RecordFollowUpHeldAsync(person, cycle, due, due.AddDays(2), Cancellation);
        await history.RecordFollowUpHeldAsync(person, cycle, due, due.AddDays(9), Cancellation);
        await history.KeepAsync(Outcome(person, cycle, Release, GridBox.EmergingTalent, plan), Cancellation);

        Assert.Equal(FollowUpStatus.Held, recorded!.FollowUps[0].Status);
        var kept = (await history.GetHistoryAsync(person, Cancellation)).Latest!;
        Assert.Equal([(FollowUpStatus.Held, (DateOnly?)due.AddDays(2)), (FollowUpStatus.Planned, null)], kept.FollowUps.Select(f => (f.Status, f.HeldOn)));
        Assert.Null(await history.RecordFollowUpHeldAsync(person, cycle, due.AddDays(1), due.AddDays(1), Cancellation));
    }

    [Fact]
    public async Task Forgetting_a_cycle_removes_its_outcomes_only()
    {
        var history = new TalentHistoryStore(Store);
        var (first, second) = (NewId("forget"), NewId("forget"));
        var (old, recent) = ("old-" + first, "recent-" + first);
        await history.KeepAsync(Outcome(first, old, Release, GridBox.CorePlayer, null), Cancellation);
        await history.KeepAsync(Outcome(second, old, Release, GridBox.Dilemma, null), Cancellation);
        await history.KeepAsync(Outcome(first, recent, Release.AddYears(1), GridBox.Star, null), Cancellation);

        Assert.Equal(2, await history.ForgetCycleAsync(old, Cancellation));

        Assert.Equal([recent], (await history.GetHistoryAsync(first, Cancellation)).Outcomes.Select(o => o.CycleId));
        Assert.True((await history.GetHistoryAsync(second, Cancellation)).IsEmpty);
    }

    [Fact]
    public async Task The_latest_outcomes_of_some_people_are_read_by_their_ids_and_nobody_elses()
    {
        var history = new TalentHistoryStore(Store);
        var (first, second, other) = (NewId("some"), NewId("some"), NewId("some"));
        await history.KeepAsync(Outcome(first, "old-" + first, Release, GridBox.CorePlayer, null), Cancellation);
        await history.KeepAsync(Outcome(first, "new-" + first, Release.AddYears(1), GridBox.Star, null), Cancellation);
        await history.KeepAsync(Outcome(second, "old-" + first, Release, GridBox.Dilemma, null), Cancellation);
        await history.KeepAsync(Outcome(other, "old-" + first, Release, GridBox.RoughDiamond, null), Cancellation);

        var latest = await history.GetLatestOutcomesOfAsync([second, first, "nobody", first], Cancellation);

        Assert.Equal(
            new[] { (first, GridBox.Star), (second, GridBox.Dilemma) }.OrderBy(p => p.Item1, StringComparer.Ordinal),
            latest.Select(o => (o.EmployeeId, o.Box!.Value)));
        Assert.Empty(await history.GetLatestOutcomesOfAsync([], Cancellation));
    }

    private static string NewId(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..20];

    private static TalentOutcome Outcome(string employeeId, string cycleId, DateOnly releasedOn, GridBox box, Decision? decision)
        => new(
            cycleId,
            "Talent review",
            releasedOn,
            "Europe/Brussels",
            employeeId,
            "Lotte Peeters",
            new JobFunction("Finance", "Financial Analyst", "L2"),
            ["m1", "d1"],
            box,
            new ManagerRatings(4, new PotentialIndicators(4, 3, 4), PromotionReadiness.InOneToTwoYears, FlightRisk.Low),
            new SelfRatings(4, CareerAspiration.Promotion, Mobility.WithinBelgium),
            decision,
            decision is DevelopmentPlanDecision plan ? [.. plan.FollowUps.Select(d => new PlanFollowUp(d, FollowUpStatus.Planned))] : []);
}

public sealed class SqliteTalentHistoryStoreTests : TalentHistoryStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("talentreview-history-").FullName;

    public SqliteTalentHistoryStoreTests() => Store = new Infrastructure.Storage.Sqlite.SqliteDocumentStore(Path.Combine(_folder, "store.db"));

    protected override IDocumentStore Store { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>On the real Cosmos SDK against @vercel/cosmosdb-server.</summary>
public sealed class CosmosTalentHistoryStoreTests(CosmosServerFixture server) : TalentHistoryStoreContract, IClassFixture<CosmosServerFixture>
{
    private readonly Infrastructure.Storage.Cosmos.CosmosDocumentStore? _store = server.SkipReason is null ? new Infrastructure.Storage.Cosmos.CosmosDocumentStore(server.Container) : null;

    protected override IDocumentStore Store
    {
        get
        {
            Assert.SkipWhen(server.SkipReason is not null, server.SkipReason ?? string.Empty);
            return _store!;
        }
    }
}
