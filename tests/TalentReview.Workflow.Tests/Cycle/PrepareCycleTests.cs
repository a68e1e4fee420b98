using TalentReview.Domain;
using TalentReview.Domain.Demo;
using TalentReview.Domain.Planning;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Tests.Support;

namespace TalentReview.Workflow.Tests.Cycle;

/// <summary>A large roster is prepared a page of writes at a time, each page its own short activity.</summary>
public sealed class PrepareCycleTests
{
    private const string CycleId = "c1";
    private static readonly Contact Hr = new("hr-1", "Hanne HR", "hr@example.test", Language.En);

    private readonly ReviewStore store = new(new InMemoryDocumentStore());

    [Fact]
    public async Task Pages_write_every_document_once_and_the_cycle_runs_only_after_the_last()
    {
        var roster = DemoOrganisation.Generate(60, 5, new DateOnly(2025, 12, 31)).ToRoster();
        await SeedAsync(roster);
        var prepare = new PrepareCycle(store) { WritesPerPage = 25 };
        var context = ActivityContextFake.For(nameof(PrepareCycle), "cycle-c1");

        var pages = new List<PreparedCycle> { await prepare.RunAsync(context, new PrepareCycleRequest(CycleId)) };
        while (pages[^1].NextPage is { } next)
        {
            Assert.Equal(CycleState.Launched, (await store.GetCycleAsync(CycleId))!.State);
            pages.Add(await prepare.RunAsync(context, new PrepareCycleRequest(CycleId, next)));
        }

        var last = pages[^1];
        // Participants, teams and groups, then at most one skip-level index per manager.
        var leastWrites = last.Participants + last.Managers + last.Groups.Count;
        Assert.InRange(pages.Count, (leastWrites + 24) / 25, (leastWrites + last.Managers + 24) / 25);
        Assert.Equal(Enumerable.Range(1, pages.Count - 1), pages.SkipLast(1).Select(p => p.NextPage!.Value));
        Assert.Equal(CycleState.Running, (await store.GetCycleAsync(CycleId))!.State);

        var stored = await AllParticipantsAsync();
        Assert.Equal(last.Participants, stored.Count);
        Assert.Equal(last.Groups.Sum(g => g.Members), stored.Count);
        foreach (var group in last.Groups)
        {
            Assert.Equal(group.Members, (await store.GetGroupAsync(CycleId, group.GroupId))!.Members);
        }

        foreach (var managerId in stored.Where(p => p.ManagerId is not null).Select(p => p.ManagerId!).Distinct())
        {
            Assert.Equal(stored.Count(p => p.ManagerId == managerId), (await store.GetTeamAsync(CycleId, managerId))!.ReportIds.Count);
        }
    }

    [Fact]
    public async Task A_page_run_again_keeps_the_links_already_sent()
    {
        var roster = DemoOrganisation.Generate(30, 5, new DateOnly(2025, 12, 31)).ToRoster();
        await SeedAsync(roster);
        var prepare = new PrepareCycle(store) { WritesPerPage = 10 };
        var context = ActivityContextFake.For(nameof(PrepareCycle), "cycle-c1");
        await prepare.RunAsync(context, new PrepareCycleRequest(CycleId));
        var before = await AllParticipantsAsync();

        await prepare.RunAsync(context, new PrepareCycleRequest(CycleId));

        Assert.Equal(before, await AllParticipantsAsync());
    }

    [Fact]
    public async Task Nobody_gives_manager_input_for_the_top_of_the_organisation_so_it_is_not_applicable_rather_than_pending()
    {
        var roster = DemoOrganisation.Generate(30, 5, new DateOnly(2025, 12, 31)).ToRoster();
        await SeedAsync(roster);
        await new PrepareCycle(store).RunAsync(ActivityContextFake.For(nameof(PrepareCycle), "cycle-c1"), new PrepareCycleRequest(CycleId));

        var stored = await AllParticipantsAsync();

        var top = Assert.Single(stored, p => p.ManagerId is null);
        Assert.Equal(StepState.NotApplicable, top.ManagerInputState);
        Assert.Equal(StepState.Pending, top.SelfAssessmentState);
        Assert.All(stored.Where(p => p.ManagerId is not null), p => Assert.Equal(StepState.Pending, p.ManagerInputState));
    }

    private async Task SeedAsync(Domain.Rosters.Roster roster)
    {
        var sorted = roster.Employees.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var plan = CyclePlan.Default("Review 2026", new DateOnly(2026, 3, 1), roster, [Hr.Id]);
        await store.WriteNewCycleAsync(
            new CycleDocument(CycleId, plan.Name, plan, CycleState.Launched, DateTimeOffset.UnixEpoch, Hr.Id, [Hr], [Hr], sorted.Count,
                [.. sorted.Where((_, i) => i % ReviewStore.RosterChunkSize == 0).Select(e => e.Id)]),
            sorted);
    }

    private async Task<List<ParticipantDocument>> AllParticipantsAsync()
    {
        var all = new List<ParticipantDocument>();
        for (string? after = null; ;)
        {
            var page = await store.QueryParticipantsAsync(CycleId, ParticipantFilter.All, after, 100);
            all.AddRange(page.Items.Select(i => i.Value));
            if ((after = page.NextAfterId) is null)
            {
                return all;
            }
        }
    }
}
