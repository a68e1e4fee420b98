using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Durable.Embedded.Time;

namespace TalentReview.Durable.Embedded.Testing;

/// <summary>
/// Runs whole workflows in one process on virtual time, with the application's services and
/// fakes swapped in: for tests, simulations and benchmarks. In memory by default, or on a SQLite
/// file (<see cref="EmbeddedEngineOptions.DatabasePath"/>) for large runs.
/// </summary>
public sealed class EmbeddedDurableTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EmbeddedDurableTestHost(ServiceProvider services, VirtualTimeProvider clock)
    {
        _services = services;
        Clock = clock;
        Engine = services.GetRequiredService<EmbeddedDurableEngine>();
    }

    /// <summary>The default start of virtual time: a fixed Monday morning, so runs are repeatable.</summary>
    public static DateTimeOffset DefaultStart { get; } = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public EmbeddedDurableEngine Engine { get; }

    public DurableTaskClient Client => Engine.Client;

    /// <summary>The virtual clock, also registered as the <see cref="TimeProvider"/> of the services.</summary>
    public VirtualTimeProvider Clock { get; }

    public IServiceProvider Services => _services;

    public static async Task<EmbeddedDurableTestHost> StartAsync(
        Action<DurableTaskRegistry> configure,
        Action<IServiceCollection>? configureServices = null,
        Action<EmbeddedEngineOptions>? options = null,
        DateTimeOffset? start = null,
        CancellationToken cancellationToken = default)
    {
        var clock = new VirtualTimeProvider(start ?? DefaultStart);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        configureServices?.Invoke(services);
        services.AddEmbeddedDurableEngine(configure, o =>
        {
            options?.Invoke(o);
            o.TimeProvider = clock;
        });
        var provider = services.BuildServiceProvider();
        var host = new EmbeddedDurableTestHost(provider, clock);
        await host.Engine.StartAsync(cancellationToken).ConfigureAwait(false);
        return host;
    }

    /// <summary>Runs until idle, jumping the clock from timer to timer; see <see cref="EmbeddedDurableEngine.RunUntilIdleAdvancingTimeAsync"/>.</summary>
    public Task RunUntilIdleAsync(DateTimeOffset? until = null, Func<bool>? stopWhen = null, CancellationToken cancellationToken = default)
        => Engine.RunUntilIdleAdvancingTimeAsync(until, stopWhen, cancellationToken);

    /// <summary>Runs virtual time until the instance has ended (or nothing more can happen), then returns its state.</summary>
    public async Task<OrchestrationMetadata> RunToCompletionAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await Engine.RunUntilIdleAdvancingTimeAsync(stopWhen: () => Engine.HasEnded(instanceId), cancellationToken: cancellationToken).ConfigureAwait(false);
        var state = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"No orchestration instance with id '{instanceId}' was found.");
        return state.IsCompleted
            ? state
            : throw new InvalidOperationException($"Instance '{instanceId}' can make no more progress: it waits for an event that nobody raises.");
    }

    public async ValueTask DisposeAsync()
    {
        await Engine.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _services.DisposeAsync().ConfigureAwait(false);
    }
}
