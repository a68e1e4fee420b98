using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Durable.Conformance.RealEngine;
using TalentReview.Durable.Embedded.Testing;

namespace TalentReview.Bench;

/// <summary>
/// The embedded durable engine on a SQLite file: the shapes of the published Durable Task
/// benchmarks. `engine [timers|sequence|fanout|events|compare]` runs one figure; with no argument all
/// run, pending timers first so that the peak memory figure is theirs alone. `compare` runs the same
/// three workloads side by side on the embedded engine and on Microsoft.DurableTask's in-process
/// engine (in memory, its concurrency cap raised) and prints their ratio.
/// </summary>
internal sealed class EngineSuite : IBenchSuite
{
    // The published sequence benchmark counts 10 history events per 5-activity orchestration.
    private const int EventsPerSequence = 10;

    public string Name => "engine";

    public async Task RunAsync(string[] args, FigureWriter figures)
    {
        var only = args.Length > 0 ? args[0] : null;
        if (only is null or "timers")
        {
            await PendingTimersAsync(figures, 100_000);
        }

        if (only is null or "sequence")
        {
            await SequenceAsync(figures, 100); // warm-up: JIT and SQLite, not measured
            await SequenceAsync(figures, 1_000);
        }

        if (only is null or "fanout")
        {
            await FanOutAsync(figures, 10_000);
        }

        if (only is null or "events")
        {
            await ExternalEventsAsync(figures, 10_000);
        }

        if (only is null or "compare")
        {
            await CompareAsync(figures);
        }
    }

    /// <summary>The same workloads through the client alone, so both engines run exactly the same thing.</summary>
    private static async Task CompareAsync(FigureWriter figures)
    {
        (string Figure, string Unit, Func<DurableTaskClient, Task<double>> Run)[] workloads =
        [
            ("sequence.orchestrations_per_s", "orchestrations/s", client => SequencesThroughClientAsync(client, 1_000)),
            ("fanout.activities_per_s", "activities/s", client => FanOutThroughClientAsync(client, 2_000)),
            ("events.per_s", "events/s", client => EventsThroughClientAsync(client, 1_000)),
        ];
        foreach (var (figure, unit, run) in workloads)
        {
            double embedded;
            await using (var host = await BenchHost.StartAsync())
            {
                embedded = await run(host.Host.Client);
            }

            double real;
            await using (var host = await VirtualTimeDurableTaskHost.StartAsync(EmbeddedDurableTestHost.DefaultStart, RegisterBenchTasks))
            {
                real = await run(host.Client);
            }

            figures.Write($"engine.compare.embedded.{figure}", embedded, unit);
            figures.Write($"engine.compare.durabletask.{figure}", real, unit);
            figures.Write($"engine.compare.ratio.{figure}", embedded / real, "x");
        }
    }

    // Starts, events and waits are issued together, as many callers would: one at a time, each would wait for its own commit.
    private static async Task<double> SequencesThroughClientAsync(DurableTaskClient client, int orchestrations)
    {
        var clock = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, orchestrations).Select(i => client.ScheduleNewOrchestrationInstanceAsync(nameof(SequenceBenchOrchestrator), i)));
        await RequireCompletedAsync(client, ids);
        return orchestrations / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> FanOutThroughClientAsync(DurableTaskClient client, int activities)
    {
        var clock = Stopwatch.StartNew();
        var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutBenchOrchestrator), activities);
        await RequireCompletedAsync(client, [id]);
        return activities / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> EventsThroughClientAsync(DurableTaskClient client, int instances)
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, instances).Select(i =>
            client.ScheduleNewOrchestrationInstanceAsync(nameof(EventBenchOrchestrator), input: null, new StartOrchestrationOptions($"waiting-{i}"))));
        await Task.WhenAll(ids.Select(id => client.WaitForInstanceStartAsync(id)));

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(ids.Select((id, i) => client.RaiseEventAsync(id, "Submitted", i)));
        await RequireCompletedAsync(client, ids);
        return instances / clock.Elapsed.TotalSeconds;
    }

    private static async Task RequireCompletedAsync(DurableTaskClient client, IEnumerable<string> ids)
    {
        var ended = await Task.WhenAll(ids.Select(id => client.WaitForInstanceCompletionAsync(id)));
        if (ended.FirstOrDefault(state => state.RuntimeStatus != OrchestrationRuntimeStatus.Completed) is { } failed)
        {
            throw new InvalidOperationException($"Bench instance '{failed.InstanceId}' ended {failed.RuntimeStatus}.");
        }
    }

    private static void RegisterBenchTasks(DurableTaskRegistry registry)
        => registry.AddOrchestrator<SequenceBenchOrchestrator>().AddOrchestrator<FanOutBenchOrchestrator>()
            .AddOrchestrator<EventBenchOrchestrator>().AddOrchestrator<TimerBenchOrchestrator>().AddActivity<IncrementBenchActivity>();

    private static async Task SequenceAsync(FigureWriter figures, int orchestrations)
    {
        await using var run = await BenchHost.StartAsync();
        var clock = WallAndCpuClock.StartNew();
        for (var i = 0; i < orchestrations; i++)
        {
            await run.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SequenceBenchOrchestrator), i);
        }

        await run.Host.Engine.WaitForIdleAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        RequireEnded(run.Host, orchestrations);
        if (orchestrations >= 1_000)
        {
            figures.Write("engine.sequence.cpu_s", clock.CpuSeconds, "s");
            figures.Write("engine.sequence.events_per_s", orchestrations * EventsPerSequence / seconds, "events/s");
            figures.Write("engine.sequence.orchestrations_per_s", orchestrations / seconds, "orchestrations/s");
            figures.Write("engine.sequence.history_events_written_per_s", run.Host.Engine.Statistics.HistoryEventsWritten / seconds, "events/s");
        }
    }

    private static async Task FanOutAsync(FigureWriter figures, int activities)
    {
        await using var run = await BenchHost.StartAsync();
        var clock = WallAndCpuClock.StartNew();
        await run.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutBenchOrchestrator), activities);
        await run.Host.Engine.WaitForIdleAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        RequireEnded(run.Host, 1);
        figures.Write("engine.fanout.activities_per_s", activities / seconds, "activities/s");
        figures.Write("engine.fanout.cpu_s", clock.CpuSeconds, "s");
        figures.Write("engine.fanout.episodes", run.Host.Engine.Statistics.Episodes, "episodes");
    }

    private static async Task ExternalEventsAsync(FigureWriter figures, int instances)
    {
        await using var run = await BenchHost.StartAsync();
        for (var i = 0; i < instances; i++)
        {
            await run.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(EventBenchOrchestrator), input: null, new StartOrchestrationOptions($"waiting-{i}"));
        }

        await run.Host.Engine.WaitForIdleAsync();
        var clock = WallAndCpuClock.StartNew();
        for (var i = 0; i < instances; i++)
        {
            await run.Host.Client.RaiseEventAsync($"waiting-{i}", "Submitted", i);
        }

        await run.Host.Engine.WaitForIdleAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        RequireEnded(run.Host, instances);
        figures.Write("engine.events.per_s", instances / seconds, "events/s");
        figures.Write("engine.events.cpu_s", clock.CpuSeconds, "s");
    }

    private static async Task PendingTimersAsync(FigureWriter figures, int instances)
    {
        await using var run = await BenchHost.StartAsync();
        for (var i = 0; i < instances; i++)
        {
            await run.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TimerBenchOrchestrator), i % 1_000);
        }

        await run.Host.Engine.WaitForIdleAsync();
        var pending = run.Host.Engine.Statistics.TimersCreated;
        await run.Host.RunUntilIdleAsync();
        RequireEnded(run.Host, instances);
        figures.Write("engine.timers.pending", pending, "timers");
        figures.Write("engine.timers.peak_mb", FigureWriter.PeakMegabytes(), "MB");
    }

    private static void RequireEnded(EmbeddedDurableTestHost host, int expected)
    {
        var ended = host.Engine.Statistics.OrchestrationsEnded;
        if (ended != expected)
        {
            throw new InvalidOperationException($"Expected {expected} orchestrations to end, {ended} did.");
        }
    }

    /// <summary>
    /// Wall time, and the CPU time this process used meanwhile: on a machine shared with other
    /// work, wall-clock throughput is noisy and CPU seconds show what the engine itself costs.
    /// </summary>
    private sealed class WallAndCpuClock
    {
        private readonly Stopwatch _wall = Stopwatch.StartNew();
        private readonly TimeSpan _cpuAtStart = CurrentCpu();

        public TimeSpan Elapsed => _wall.Elapsed;

        public double CpuSeconds => (CurrentCpu() - _cpuAtStart).TotalSeconds;

        public static WallAndCpuClock StartNew() => new();

        private static TimeSpan CurrentCpu()
        {
            using var process = Process.GetCurrentProcess();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>A test host on a fresh SQLite file, deleted afterwards.</summary>
    private sealed class BenchHost : IAsyncDisposable
    {
        private readonly string _folder;

        private BenchHost(string folder, EmbeddedDurableTestHost host)
        {
            _folder = folder;
            Host = host;
        }

        public EmbeddedDurableTestHost Host { get; }

        public static async Task<BenchHost> StartAsync()
        {
            var folder = Path.Combine(Path.GetTempPath(), "talentreview-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var host = await EmbeddedDurableTestHost.StartAsync(
                RegisterBenchTasks,
                options: o => o.DatabasePath = Path.Combine(folder, "engine.db"));
            return new BenchHost(folder, host);
        }

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            Directory.Delete(_folder, recursive: true);
        }
    }
}

public sealed class SequenceBenchOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var value = input;
        for (var i = 0; i < 5; i++)
        {
            value = await context.CallActivityAsync<int>(nameof(IncrementBenchActivity), value);
        }

        return value;
    }
}

public sealed class FanOutBenchOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, input).Select(i => context.CallActivityAsync<int>(nameof(IncrementBenchActivity), i)));
        return results.Length;
    }
}

public sealed class EventBenchOrchestrator : TaskOrchestrator<object?, int>
{
    public override Task<int> RunAsync(TaskOrchestrationContext context, object? input) => context.WaitForExternalEvent<int>("Submitted");
}

public sealed class TimerBenchOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        await context.CreateTimer(context.CurrentUtcDateTime.AddDays(7).AddMinutes(input), CancellationToken.None);
        return input;
    }
}

public sealed class IncrementBenchActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input + 1);
}
