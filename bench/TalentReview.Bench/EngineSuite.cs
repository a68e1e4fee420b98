using System.Diagnostics;
using ActivityContext = TalentReview.Durable.ActivityContext;
using TalentReview.Durable;
using TalentReview.Durable.Embedded;
using TalentReview.Durable.Embedded.Testing;

namespace TalentReview.Bench;

/// <summary>
/// The embedded durable engine on a SQLite file: the shapes of the published Durable Task
/// benchmarks. `engine [timers|sequence|fanout|events]` runs one figure; with no argument all
/// run, pending timers first so that the peak memory figure is theirs alone.
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
    }

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
            await run.Host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(EventBenchOrchestrator), options: new($"waiting-{i}"));
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
                r => r.AddOrchestrator<SequenceBenchOrchestrator>().AddOrchestrator<FanOutBenchOrchestrator>()
                    .AddOrchestrator<EventBenchOrchestrator>().AddOrchestrator<TimerBenchOrchestrator>().AddActivity<IncrementBenchActivity>(),
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

public sealed class SequenceBenchOrchestrator : Orchestrator<int, int>
{
    public override async Task<int> RunAsync(OrchestrationContext context, int input)
    {
        var value = input;
        for (var i = 0; i < 5; i++)
        {
            value = await context.CallActivityAsync<int>(nameof(IncrementBenchActivity), value);
        }

        return value;
    }
}

public sealed class FanOutBenchOrchestrator : Orchestrator<int, int>
{
    public override async Task<int> RunAsync(OrchestrationContext context, int input)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, input).Select(i => context.CallActivityAsync<int>(nameof(IncrementBenchActivity), i)));
        return results.Length;
    }
}

public sealed class EventBenchOrchestrator : Orchestrator<Unit, int>
{
    public override Task<int> RunAsync(OrchestrationContext context, Unit input) => context.WaitForExternalEvent<int>("Submitted");
}

public sealed class TimerBenchOrchestrator : Orchestrator<int, int>
{
    public override async Task<int> RunAsync(OrchestrationContext context, int input)
    {
        await context.CreateTimer(context.CurrentUtcDateTime.AddDays(7).AddMinutes(input), CancellationToken.None);
        return input;
    }
}

public sealed class IncrementBenchActivity : Activity<int, int>
{
    public override Task<int> RunAsync(ActivityContext context, int input) => Task.FromResult(input + 1);
}
