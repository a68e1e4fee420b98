using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using TalentReview.Domain.Demo;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow;
using TalentReview.Workflow.Privacy;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Talent.History;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Talent.History;

namespace TalentReview.Infrastructure.Tests.Storage.Privacy;

public sealed class RetentionServiceTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private readonly InMemoryDocumentStore _documents = new();
    private readonly DurableTaskClient _client = Substitute.For<DurableTaskClient>("substitute");
    private readonly Dictionary<string, OrchestrationRuntimeStatus> _instances = new(StringComparer.Ordinal);
    private readonly ReviewStore _store;
    private readonly RetentionService _retention;

    public RetentionServiceTests()
    {
        _store = new ReviewStore(_documents);
        var time = new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero));
        _retention = new RetentionService(_store, _client, Options.Create(new RetentionOptions { Days = 730 }), time);
        _client.GetInstanceAsync(Arg.Any<string>(), Arg.Any<bool>(), Arg.Any<CancellationToken>()).Returns((OrchestrationMetadata?)null);
        _client.GetAllInstancesAsync(Arg.Any<OrchestrationQuery>()).Returns(call => Matching(call.Arg<OrchestrationQuery>()));
        _client.PurgeInstanceAsync(Arg.Any<string>(), Arg.Any<PurgeInstanceOptions>(), Arg.Any<CancellationToken>()).Returns(new PurgeResult(1));
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_released_cycle_past_retention_loses_its_documents_instances_and_organisation_entries()
    {
        var organisation = DemoOrganisation.Generate(12, 1, Today);
        await CycleSeed.WriteAsync(_store, organisation, "c2023", new DateOnly(2023, 9, 1), CycleState.Released);
        await CycleSeed.WriteAsync(_store, organisation, "c2025", new DateOnly(2025, 9, 1), CycleState.Released);
        var keptDocuments = await CountAsync("c2025");
        var children = InstanceIds.ChildPrefixes("c2023").SelectMany(prefix => new[] { prefix + "a", prefix + "b" }).ToList();
        children.ForEach(id => _instances[id] = OrchestrationRuntimeStatus.Completed);
        _instances["group-c2025-a"] = OrchestrationRuntimeStatus.Completed;

        var report = await _retention.PurgeExpiredCyclesAsync(Cancellation);

        var purge = Assert.Single(report.Cycles);
        Assert.Equal(("c2023", false), (purge.CycleId, purge.Deferred));
        Assert.Equal(0, await CountAsync("c2023"));
        Assert.Null(await _store.GetCycleAsync("c2023", Cancellation));
        Assert.Empty(await _store.GetPreviousResultsAsync("c2023", Cancellation));
        Assert.Equal(["c2025"], await CycleIdsAsync());
        Assert.Equal(keptDocuments, await CountAsync("c2025"));
        Assert.Equal(1 + (InstanceIds.ChildPrefixes("c2023").Count * 2), purge.PurgedInstances);
        await _client.Received(1).PurgeInstanceAsync(InstanceIds.Cycle("c2023"), Arg.Any<PurgeInstanceOptions>(), Arg.Any<CancellationToken>());
        foreach (var child in children)
        {
            await _client.Received(1).PurgeInstanceAsync(child, Arg.Any<PurgeInstanceOptions>(), Arg.Any<CancellationToken>());
        }

        await _client.DidNotReceive().PurgeInstanceAsync(InstanceIds.Cycle("c2025"), Arg.Any<PurgeInstanceOptions>(), Arg.Any<CancellationToken>());
        await _client.DidNotReceive().PurgeInstanceAsync("group-c2025-a", Arg.Any<PurgeInstanceOptions>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_purged_cycle_takes_its_outcomes_out_of_the_talent_history_and_leaves_the_others()
    {
        var organisation = DemoOrganisation.Generate(12, 1, Today);
        await CycleSeed.WriteAsync(_store, organisation, "c2023", new DateOnly(2023, 9, 1), CycleState.Released);
        await CycleSeed.WriteAsync(_store, organisation, "c2025", new DateOnly(2025, 9, 1), CycleState.Released);
        var history = new TalentHistoryStore(_documents);
        var person = organisation.Employees[3];
        foreach (var (cycleId, releasedOn) in new[] { ("c2023", new DateOnly(2023, 10, 13)), ("c2025", new DateOnly(2025, 10, 10)) })
        {
            await history.KeepAsync(new TalentOutcome(cycleId, cycleId, releasedOn, "Europe/Brussels", person.Id, person.Name, new JobFunction(person.Department, person.JobTitle, person.Level), [], GridBox.CorePlayer, null, null, null, []), Cancellation);
        }

        var purge = Assert.Single((await _retention.PurgeExpiredCyclesAsync(Cancellation)).Cycles);

        Assert.Equal("c2023", purge.CycleId);
        Assert.Equal(["c2025"], (await history.GetHistoryAsync(person.Id, Cancellation)).Outcomes.Select(o => o.CycleId));
    }

    [Fact]
    public async Task A_cycle_still_running_is_kept_however_old()
    {
        await CycleSeed.WriteAsync(_store, DemoOrganisation.Generate(5, 1, Today), "c2020", new DateOnly(2020, 9, 1), CycleState.Running);

        var report = await _retention.PurgeExpiredCyclesAsync(Cancellation);

        Assert.Empty(report.Cycles);
        Assert.NotNull(await _store.GetCycleAsync("c2020", Cancellation));
    }

    [Fact]
    public async Task A_cycle_whose_last_deadline_is_within_retention_is_kept()
    {
        // Launched 2024-11-01: its last deadline (six weeks later) is after the cutoff of 2024-11-23.
        await CycleSeed.WriteAsync(_store, DemoOrganisation.Generate(5, 1, Today), "c2024", new DateOnly(2024, 11, 1), CycleState.Cancelled);

        var report = await _retention.PurgeExpiredCyclesAsync(Cancellation);

        Assert.Equal(new DateOnly(2024, 11, 23), report.Cutoff);
        Assert.Empty(report.Cycles);
    }

    [Fact]
    public async Task Unfinished_instances_are_terminated_and_the_data_waits_for_the_next_run()
    {
        await CycleSeed.WriteAsync(_store, DemoOrganisation.Generate(5, 1, Today), "c2023", new DateOnly(2023, 9, 1), CycleState.Released);
        _instances["followup-c2023-all"] = OrchestrationRuntimeStatus.Running;

        var purge = Assert.Single((await _retention.PurgeExpiredCyclesAsync(Cancellation)).Cycles);

        Assert.True(purge.Deferred);
        Assert.Equal(1, purge.TerminatedInstances);
        await _client.Received(1).TerminateInstanceAsync("followup-c2023-all", Arg.Any<TerminateInstanceOptions>(), Arg.Any<CancellationToken>());
        await _client.DidNotReceive().PurgeInstanceAsync(Arg.Any<string>(), Arg.Any<PurgeInstanceOptions>(), Arg.Any<CancellationToken>());
        Assert.NotNull(await _store.GetCycleAsync("c2023", Cancellation));
    }

    [Fact]
    public async Task A_purge_cut_short_is_finished_by_the_next_run()
    {
        await CycleSeed.WriteAsync(_store, DemoOrganisation.Generate(5, 1, Today), "c2023", new DateOnly(2023, 9, 1), CycleState.Released);
        await _documents.DeletePartitionAsync("c2023", Cancellation);

        var purge = Assert.Single((await _retention.PurgeExpiredCyclesAsync(Cancellation)).Cycles);

        Assert.False(purge.Deferred);
        Assert.Empty(await CycleIdsAsync());
        Assert.Empty(await _store.GetPreviousResultsAsync("c2023", Cancellation));
    }

    /// <summary>The scripted instances as the client's query answers them: by id prefix and status, in one page.</summary>
    private AsyncPageable<OrchestrationMetadata> Matching(OrchestrationQuery query)
    {
        var found = _instances
            .Where(i => query.InstanceIdPrefix is null || i.Key.StartsWith(query.InstanceIdPrefix, StringComparison.Ordinal))
            .Where(i => query.Statuses is null || query.Statuses.Contains(i.Value))
            .Select(i => new OrchestrationMetadata("Orchestration", i.Key) { RuntimeStatus = i.Value })
            .ToList();
        return Pageable.Create((_, _, _) => Task.FromResult(new Page<OrchestrationMetadata>(found, null)));
    }

    private async Task<int> CountAsync(string cycleId)
    {
        var count = 0;
        foreach (var kind in DocumentKinds.All)
        {
            count += (await _documents.QueryAsync<object>(new DocumentQuery(cycleId, kind, PageSize: 10_000), Cancellation)).Items.Count;
        }

        return count;
    }

    private async Task<List<string>> CycleIdsAsync()
        => (await _store.ListCyclesAsync(null, 100, Cancellation)).Items.Select(i => i.Value.CycleId).ToList();
}
