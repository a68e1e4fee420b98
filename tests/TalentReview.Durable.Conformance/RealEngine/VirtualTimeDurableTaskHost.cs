using System.Net;
using System.Net.Sockets;
using DurableTask.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace TalentReview.Durable.Conformance.RealEngine;

/// <summary>
/// The real Durable Task engine (Microsoft.DurableTask's worker and client over its in-process
/// gRPC sidecar and in-memory backend) on a virtual clock, built from public APIs only: the backend
/// holds durable timers until the clock reaches them, orchestrations read the clock's time, and
/// the host's services get the same clock as their <see cref="TimeProvider"/>. So a test runs
/// weeks of a workflow in seconds, at any hour of the machine's day.
/// </summary>
public sealed class VirtualTimeDurableTaskHost : IAsyncDisposable
{
    /// <summary>How long the engine must have been still before it counts as idle: the backend hands out work within milliseconds.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(2);

    private readonly IHost _sidecar;
    private readonly IHost _worker;
    private readonly GrpcChannel _channel;
    private readonly HeldTimerOrchestrationService _backend;

    private VirtualTimeDurableTaskHost(IHost sidecar, IHost worker, GrpcChannel channel, HeldTimerOrchestrationService backend, FakeTimeProvider clock)
    {
        _sidecar = sidecar;
        _worker = worker;
        _channel = channel;
        _backend = backend;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public DurableTaskClient Client => _worker.Services.GetRequiredService<DurableTaskClient>();

    public IServiceProvider Services => _worker.Services;

    /// <param name="register">The orchestrators and activities.</param>
    /// <param name="configureServices">The services activities need; <see cref="TimeProvider"/> is the virtual clock.</param>
    public static async Task<VirtualTimeDurableTaskHost> StartAsync(
        DateTimeOffset start,
        Action<DurableTaskRegistry> register,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        var clock = new FakeTimeProvider(start);
        var backend = new HeldTimerOrchestrationService();
        var port = FreePort();
        var sidecar = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureWebHostDefaults(web => web
                .UseUrls($"http://127.0.0.1:{port}")
                .ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.Protocols = HttpProtocols.Http2))
                .ConfigureServices(services => services
                    .AddGrpc().Services
                    .AddSingleton<IOrchestrationService>(backend)
                    .AddSingleton<IOrchestrationServiceClient>(backend)
                    .AddSingleton<TaskHubGrpcServer>())
                .Configure(app => app.UseRouting().UseEndpoints(endpoints => endpoints.MapGrpcService<TaskHubGrpcServer>())))
            .Build();
        await sidecar.StartAsync(cancellationToken);

        var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var workerCalls = channel.Intercept(new OrchestrationTimeInterceptor(clock));
        var worker = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                configureServices?.Invoke(services);
                services.AddDurableTaskWorker(builder =>
                {
                    builder.UseGrpc(options => options.CallInvoker = workerCalls);
                    builder.AddTasks(register);
                });
                services.AddDurableTaskClient(builder =>
                {
                    builder.UseGrpc(channel);
                    builder.RegisterDirectly();
                });
            })
            .Build();
        await worker.StartAsync(cancellationToken);
        return new VirtualTimeDurableTaskHost(sidecar, worker, channel, backend, clock);
    }

    /// <summary>
    /// Runs everything due up to <paramref name="until"/>: waits until the engine is idle, moves the
    /// clock to the next held timer and fires it, and so on; then leaves the clock at <paramref name="until"/>.
    /// </summary>
    public async Task RunUntilAsync(DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            await WaitForIdleAsync(cancellationToken);
            var next = _backend.NextTimer();
            if (next is null || new DateTimeOffset(next.Value, TimeSpan.Zero) > until)
            {
                break;
            }

            var due = new DateTimeOffset(next.Value, TimeSpan.Zero);
            if (due > Clock.GetUtcNow())
            {
                Clock.SetUtcNow(due);
            }

            await _backend.ReleaseTimersDueAsync(Clock.GetUtcNow().UtcDateTime);
        }

        if (until > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(until);
        }
    }

    /// <summary>Waits until no work is locked or queued and nothing has moved for a moment; fails after two minutes.</summary>
    public async Task WaitForIdleAsync(CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(IdleTimeout);
        while (!_backend.IsQuiet(Quiet))
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The engine was still busy after {IdleTimeout.TotalMinutes} minutes.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync();
        _worker.Dispose();
        await _channel.ShutdownAsync();
        _channel.Dispose();
        await _sidecar.StopAsync();
        _sidecar.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
