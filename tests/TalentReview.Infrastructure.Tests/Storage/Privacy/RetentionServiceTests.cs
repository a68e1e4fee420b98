using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using TalentReview.Domain.Demo;
using TalentReview.Durable;
using TalentReview.Workflow;
using TalentReview.Workflow.Privacy;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Tests.Storage.Privacy;

public sealed class RetentionServiceTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private readonly InMemoryDocumentStore _documents = new();
    private readonly DurableClient _client = Substitute.For<DurableClient>();
    private readonly ReviewStore _store;
    private readonly RetentionService _retention;

    public RetentionServiceTests()
    {
        _store = new ReviewStore(_documents);
        var time = new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero));
        _retention = new RetentionService(_store, _client, Options.Create(new RetentionOptions { Days = 730 }), time);
        _client.GetInstanceAsync(Arg.Any<string>(), Arg.Any<bool>(), Arg.Any<CancellationToken>()).Returns((OrchestrationMetadata?)null);
        _client.QueryInstancesAsync(Arg.Any<OrchestrationQuery>(), Arg.Any<CancellationToken>()).Returns(new OrchestrationQueryPage([], null));
        _client.PurgeInstanceAsync(Arg.Any<string>(), Arg.Any<PurgeInstanceOptions>(), Arg.Any<CancellationToken>()).Returns(new PurgeResult(1));
        _client.PurgeAllInstancesAsync(Arg.Any<PurgeInstancesFilter>(), Arg.Any<CancellationToken>()).Returns(new PurgeResult(2));
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_released_cycle_past_retention_loses_its_documents_instances_and_organisation_entries()
    {
        var organisation = DemoOrganisation.Generate(12, 1, Today);
        await CycleSeed.WriteAsync(_store, organisation, "c2023", new DateOnly(2023, 9, 1), CycleState.Released);
        await CycleSeed.WriteAsync(_store, organisation, "c2025", new DateOnly(2025, 9, 1), CycleState.Released);
        var keptDocuments = await CountAsync("c2025");

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
        foreach (var prefix in InstanceIds.ChildPrefixes("c2023"))
        {
            await _client.Received(1).PurgeAllInstancesAsync(Arg.Is<PurgeInstancesFilter>(f => f.InstanceIdPrefix == prefix), Arg.Any<CancellationToken>());
        }

        await _client.DidNotReceive().PurgeInstanceAsync(InstanceIds.Cycle("c2025"), Arg.Any<PurgeInstanceOptions>(), Arg.Any<CancellationToken>());
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
        var followUp = new OrchestrationMetadata("FollowUpOrchestration", "followup-c2023-all") { RuntimeStatus = OrchestrationRuntimeStatus.Running };
        _client.QueryInstancesAsync(Arg.Is<OrchestrationQuery>(q => q.InstanceIdPrefix == "followup-c2023-"), Arg.Any<CancellationToken>())
            .Returns(new OrchestrationQueryPage([followUp], null));

        var purge = Assert.Single((await _retention.PurgeExpiredCyclesAsync(Cancellation)).Cycles);

        Assert.True(purge.Deferred);
        Assert.Equal(1, purge.TerminatedInstances);
        await _client.Received(1).TerminateInstanceAsync("followup-c2023-all", Arg.Any<TerminateInstanceOptions>(), Arg.Any<CancellationToken>());
        await _client.DidNotReceive().PurgeAllInstancesAsync(Arg.Any<PurgeInstancesFilter>(), Arg.Any<CancellationToken>());
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
