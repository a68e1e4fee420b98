using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TalentReview.Durable.Embedded.Testing;
using TalentReview.Local.Tests.Harness;
using TalentReview.Local.TimeControl;

namespace TalentReview.Local.Tests;

/// <summary>
/// A kill during a jump of the virtual clock: the engine has committed the timers it fired (days into the
/// jump), the clock file is what a restart reads. The kill is simulated by stopping the jump from inside the
/// work of its second day, so nothing after it runs (no final save, as with kill -9).
/// </summary>
public sealed class VirtualClockCrashTests
{
    [Fact]
    public async Task A_kill_in_the_middle_of_a_jump_never_restarts_the_clock_before_the_work_already_done()
    {
        using var data = new TemporaryFolder();
        using var kill = new CancellationTokenSource();
        var file = new VirtualClockFile(data.Path);
        var days = new DayLog(kill);
        await using var host = await EmbeddedDurableTestHost.StartAsync(
            registry => registry.AddOrchestrator<DailyOrchestration>().AddActivity<RecordDay>(),
            services => services.AddSingleton(days),
            cancellationToken: TestContext.Current.CancellationToken);
        file.Save(host.Clock.GetUtcNow());
        using var time = new TimeControlService(host.Engine, host.Clock, file, new NoDeadlines(), NullLogger<TimeControlService>.Instance);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(DailyOrchestration), cancellation: TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => time.AdvanceAsync(AdvanceTarget.Days, 6, kill.Token));

        var workDoneUntil = days.Seen.Max();
        Assert.True(workDoneUntil >= host.Clock.GetUtcNow().AddDays(-1) && days.Seen.Count >= 2, $"The jump stopped at {host.Clock.GetUtcNow():o} after {days.Seen.Count} days.");
        var restartsAt = new VirtualClockFile(data.Path).Load();
        Assert.NotNull(restartsAt);
        Assert.True(restartsAt >= workDoneUntil, $"After the kill the clock would restart at {restartsAt:o}, before work done at {workDoneUntil:o}.");
        Assert.Equal(EmbeddedDurableTestHost.DefaultStart.AddDays(6), restartsAt);
        Assert.False(File.Exists(Path.Combine(data.Path, VirtualClockFile.FileName + ".tmp")));
    }

    private sealed class NoDeadlines : IDeadlineCalendar
    {
        public Task<DateTimeOffset?> NextDeadlineAfterAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult<DateTimeOffset?>(null);
    }

    /// <summary>The moments the daily work ran at; the kill comes during the second day's work.</summary>
    private sealed class DayLog(CancellationTokenSource kill)
    {
        public List<DateTimeOffset> Seen { get; } = [];

        public void Record(DateTimeOffset at)
        {
            lock (Seen)
            {
                Seen.Add(at);
                if (Seen.Count == 2)
                {
                    kill.Cancel();
                }
            }
        }
    }

    private sealed class DailyOrchestration : TaskOrchestrator<object?, int>
    {
        public override async Task<int> RunAsync(TaskOrchestrationContext context, object? input)
        {
            for (var day = 1; day <= 5; day++)
            {
                await context.CreateTimer(context.CurrentUtcDateTime.AddDays(1), CancellationToken.None);
                await context.CallActivityAsync<bool>(nameof(RecordDay), day);
            }

            return 5;
        }
    }

    private sealed class RecordDay(DayLog log, TimeProvider time) : TaskActivity<int, bool>
    {
        public override Task<bool> RunAsync(TaskActivityContext context, int input)
        {
            log.Record(time.GetUtcNow());
            return Task.FromResult(true);
        }
    }
}
