using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TalentReview.Durable.Embedded.Testing;

namespace TalentReview.Durable.Embedded.Tests;

public sealed class VirtualTimeTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Six_weeks_of_weekly_reminders_run_in_virtual_time_and_stop_at_the_requested_moment()
    {
        await using var host = await EmbeddedDurableTestHost.StartAsync(r => r.AddOrchestrator<WeeklyReminderOrchestrator>(), cancellationToken: Cancellation);
        var start = host.Clock.GetUtcNow();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(WeeklyReminderOrchestrator), 6, cancellation: Cancellation);

        await host.RunUntilIdleAsync(until: start.AddDays(15), cancellationToken: Cancellation);

        Assert.Equal(start.AddDays(15), host.Clock.GetUtcNow());
        Assert.Equal(start.AddDays(21), host.Engine.NextTimerDueAt);
        Assert.Equal(2, (await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, Cancellation))!.ReadCustomStatusAs<int>());

        var result = await host.RunToCompletionAsync(id, Cancellation);

        Assert.Equal(start.AddDays(42), result.ReadOutputAs<DateTime>());
        Assert.Equal(6, host.Engine.Statistics.TimersFired);
    }

    [Fact]
    public async Task Events_sent_to_unknown_instances_are_dropped_with_a_warning()
    {
        var log = new ErrorLog();
        await using var host = await EmbeddedDurableTestHost.StartAsync(
            r => r.AddOrchestrator<Conformance.Scenarios.NotifierOrchestrator>(), s => s.AddLogging(b => b.AddProvider(log)), cancellationToken: Cancellation);

        var result = await host.RunToCompletionAsync(
            await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(Conformance.Scenarios.NotifierOrchestrator), "nobody", cancellation: Cancellation), Cancellation);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Contains(log.Entries, e => e.Contains("'nobody'", StringComparison.Ordinal));
        Assert.Equal(1, host.Engine.Statistics.EventsSent);
    }

    [Fact]
    public async Task Query_pages_by_prefix_and_purge_removes_only_ended_instances_one_by_one()
    {
        await using var host = await EmbeddedDurableTestHost.StartAsync(r => r.AddOrchestrator<WeeklyReminderOrchestrator>(), cancellationToken: Cancellation);
        for (var i = 0; i < 5; i++)
        {
            await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(WeeklyReminderOrchestrator), i == 0 ? 0 : 1, new($"cycle-a-{i}"), Cancellation);
        }

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(WeeklyReminderOrchestrator), 1, new("cycle-b-0"), Cancellation);
        await host.Engine.WaitForIdleAsync(Cancellation);

        var pages = new List<Page<OrchestrationMetadata>>();
        await foreach (var page in host.Client.GetAllInstancesAsync(new(InstanceIdPrefix: "cycle-a-", PageSize: 3)).AsPages(pageSizeHint: 3))
        {
            pages.Add(page);
        }

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.PurgeInstanceAsync("cycle-a-1", cancellation: Cancellation));
        var purged = await host.Client.PurgeInstanceAsync("cycle-a-0", cancellation: Cancellation);

        Assert.Equal(["cycle-a-0", "cycle-a-1", "cycle-a-2"], pages[0].Values.Select(i => i.InstanceId));
        Assert.Equal(["cycle-a-3", "cycle-a-4"], pages[1].Values.Select(i => i.InstanceId));
        Assert.Null(pages[1].ContinuationToken);
        Assert.Contains("only ended instances can be purged", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync("cycle-a-0", cancellation: Cancellation));
        Assert.NotNull(await host.Client.GetInstanceAsync("cycle-a-1", cancellation: Cancellation));
    }

    [Fact]
    public async Task Moves_of_the_clock_by_others_never_stall_advancing_from_timer_to_timer()
    {
        // The local host's ticker moves the clock while the engine computes its next wait; a wait
        // computed from a reading taken just before a jump would sleep far past the timer's moment.
        await using var host = await EmbeddedDurableTestHost.StartAsync(r => r.AddOrchestrator<HourlyOrchestrator>(), cancellationToken: Cancellation);
        var start = host.Clock.GetUtcNow();
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(HourlyOrchestrator), 300, cancellation: Cancellation);
        using var stopTicking = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var ticker = Task.Run(
            async () =>
            {
                while (!stopTicking.IsCancellationRequested)
                {
                    host.Clock.Advance(TimeSpan.FromMilliseconds(1));
                    await Task.Yield();
                }
            },
            CancellationToken.None);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));
        var result = await host.RunToCompletionAsync(id, deadline.Token);
        await stopTicking.CancelAsync();
        await ticker;

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.True(result.ReadOutputAs<DateTime>() >= start.AddHours(300).UtcDateTime);
    }

    [Fact]
    public async Task A_burst_of_events_enters_the_history_a_slice_at_a_time_so_continuing_as_new_keeps_it_bounded()
    {
        // A group gets thousands of ready signals at once; its history must not grow with the burst.
        await using var host = await EmbeddedDurableTestHost.StartAsync(
            r => r.AddOrchestrator<TickCounterOrchestrator>(), options: o => o.MaxMessagesPerEpisode = 20, cancellationToken: Cancellation);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(TickCounterOrchestrator), new TickCount(1_000, 0), new(StartAt: host.Clock.GetUtcNow().AddHours(1)), Cancellation);
        for (var i = 0; i < 1_000; i++)
        {
            await host.Client.RaiseEventAsync(id, "tick", cancellation: Cancellation);
        }

        var result = await host.RunToCompletionAsync(id, Cancellation);

        Assert.Equal(1_000, result.ReadOutputAs<int>());
        Assert.InRange(host.Engine.Statistics.MaxHistoryLength, 1, 200);
    }

    public sealed record TickCount(int Target, int Counted);

    /// <summary>Counts "tick" events, continuing as new every 50, as the calibration group does with ready signals.</summary>
    public sealed class TickCounterOrchestrator : TaskOrchestrator<TickCount, int>
    {
        public override async Task<int> RunAsync(TaskOrchestrationContext context, TickCount input)
        {
            var counted = input.Counted;
            for (var i = 0; i < 50 && counted < input.Target; i++)
            {
                await context.WaitForExternalEvent<object?>("tick");
                counted++;
            }

            if (counted < input.Target)
            {
                context.ContinueAsNew(input with { Counted = counted });
            }

            return counted;
        }
    }

    public sealed class HourlyOrchestrator : TaskOrchestrator<int, DateTime>
    {
        public override async Task<DateTime> RunAsync(TaskOrchestrationContext context, int input)
        {
            for (var hour = 0; hour < input; hour++)
            {
                await context.CreateTimer(TimeSpan.FromHours(1), CancellationToken.None);
            }

            return context.CurrentUtcDateTime;
        }
    }

    public sealed class WeeklyReminderOrchestrator : TaskOrchestrator<int, DateTime>
    {
        public override async Task<DateTime> RunAsync(TaskOrchestrationContext context, int input)
        {
            for (var week = 1; week <= input; week++)
            {
                await context.CreateTimer(TimeSpan.FromDays(7), CancellationToken.None);
                context.SetCustomStatus(week);
            }

            return context.CurrentUtcDateTime;
        }
    }
}
