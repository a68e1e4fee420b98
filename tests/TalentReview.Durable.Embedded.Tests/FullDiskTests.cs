using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Durable.Embedded.Testing;

namespace TalentReview.Durable.Embedded.Tests;

/// <summary>
/// A full disk while an activity runs: its result cannot be committed. The engine keeps the result and commits it
/// once space returns, without a restart, and the orchestration finishes with the activity's answer (run once).
/// </summary>
public sealed class FullDiskTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_result_that_could_not_be_committed_on_a_full_disk_is_committed_when_space_returns()
    {
        using var database = TempDatabase.Create();
        var disk = new Disk();
        await using var host = await EmbeddedDurableTestHost.StartAsync(
            r => r.AddOrchestrator<OneReportOrchestration>().AddActivity<WriteReportActivity>(),
            s => s.AddSingleton(disk),
            o => o.DatabasePath = database.Path,
            cancellationToken: Cancellation);
        disk.Fill = () => host.Engine.Store.SimulateFullDisk(true);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(OneReportOrchestration), cancellation: Cancellation);

        await disk.ActivityRan.Task.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
        await Task.Delay(TimeSpan.FromSeconds(1), Cancellation);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id, Cancellation))!.RuntimeStatus);

        host.Engine.Store.SimulateFullDisk(false);
        await host.Engine.WaitForIdleAsync(Cancellation).WaitAsync(TimeSpan.FromSeconds(30), Cancellation);

        var done = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, Cancellation);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done!.RuntimeStatus);
        Assert.Equal(WriteReportActivity.ReportLength, done.ReadOutputAs<int>());
        Assert.Equal(1, disk.Runs);
    }

    private sealed class Disk
    {
        public Action Fill { get; set; } = () => { };

        public TaskCompletionSource ActivityRan { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Runs;
    }

    private sealed class OneReportOrchestration : TaskOrchestrator<object?, int>
    {
        public override async Task<int> RunAsync(TaskOrchestrationContext context, object? input)
            => (await context.CallActivityAsync<string>(nameof(WriteReportActivity))).Length;
    }

    /// <summary>Fills the disk while it works; its answer is large enough to need new pages in the database.</summary>
    private sealed class WriteReportActivity(Disk disk) : TaskActivity<object?, string>
    {
        public const int ReportLength = 200_000;

        public override Task<string> RunAsync(TaskActivityContext context, object? input)
        {
            Interlocked.Increment(ref disk.Runs);
            disk.Fill();
            disk.ActivityRan.TrySetResult();
            return Task.FromResult(new string('r', ReportLength));
        }
    }
}
