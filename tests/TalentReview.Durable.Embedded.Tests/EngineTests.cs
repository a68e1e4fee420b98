using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TalentReview.Durable.Conformance.Scenarios;
using TalentReview.Durable.Embedded.Testing;

namespace TalentReview.Durable.Embedded.Tests;

public sealed class EngineTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hundreds_of_instances_run_activity_chains_in_parallel_on_sqlite_without_errors()
    {
        using var database = TempDatabase.Create();
        var log = new ErrorLog();
        await using var host = await EmbeddedDurableTestHost.StartAsync(
            r => r.AddOrchestrator<ChainOrchestrator>().AddActivity<AppendStepActivity>(),
            s => s.AddLogging(b => b.AddProvider(log)),
            o => o.DatabasePath = database.Path,
            cancellationToken: Cancellation);

        var ids = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            ids.Add(await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChainOrchestrator), $"employee-{i}", cancellation: Cancellation));
        }

        await host.Engine.WaitForIdleAsync(Cancellation);

        Assert.Empty(log.Entries);
        for (var i = 0; i < ids.Count; i++)
        {
            var state = await host.Client.GetInstanceAsync(ids[i], getInputsAndOutputs: true, Cancellation);
            Assert.Equal($"employee-{i}>1>2>3", state!.ReadOutputAs<string>());
        }

        // Four episodes of three events each: (started | result), then the next call or the end.
        Assert.Equal(12, host.Engine.GetHistoryLength(ids[0]));
        var statistics = host.Engine.Statistics;
        Assert.Equal(300, statistics.OrchestrationsEnded);
        Assert.Equal(900, statistics.ActivitiesCompleted);
        Assert.Equal(12, statistics.MaxHistoryLength);
        Assert.Equal(300 + 900 + 900, statistics.DurableActions);
    }
}
