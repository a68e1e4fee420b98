using System.Text.Json;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Durable;
using TalentReview.Durable.Conformance;
using TalentReview.Functions.Durable;
using DurableTaskClientOptions = Microsoft.DurableTask.Client.DurableTaskClientOptions;

namespace TalentReview.Functions.Tests;

/// <summary>
/// Runs scenarios on Microsoft.DurableTask's in-memory engine through the same dispatcher and
/// adapters the Functions host uses: each registry entry becomes a task that the dispatcher runs.
/// </summary>
internal sealed class InProcessScenarioHostFactory : IDurableScenarioHostFactory
{
    public async Task<IDurableScenarioHost> StartAsync(Action<DurableRegistry> register, CancellationToken cancellationToken)
    {
        var registry = new DurableRegistry();
        register(registry);
        var dispatcher = new DurableDispatcher(registry);
        IServiceProvider? services = null;
        IServiceProvider Services() => services ?? throw new InvalidOperationException("The test host has not started yet.");

        var host = await DurableTaskTestHost.StartAsync(
            tasks =>
            {
                foreach (var name in registry.Orchestrators.Keys)
                {
                    tasks.AddOrchestratorFunc<object?>(name, context => dispatcher.RunOrchestratorAsync(context, Services()));
                }

                foreach (var name in registry.Activities.Keys)
                {
                    tasks.AddActivityFunc<JsonElement?, object?>(
                        name, (context, input) => dispatcher.RunActivityAsync(name, context.InstanceId, input, Services(), CancellationToken.None));
                }
            },
            new DurableTaskTestHostOptions
            {
                ConfigureServices = collection =>
                {
                    // As in the Functions host: payloads are written exactly as the embedded engine writes them.
                    var converter = new JsonDataConverter(DurableJson.Options);
                    collection.Configure<DurableTaskWorkerOptions>(options => options.DataConverter = converter);
                    collection.Configure<DurableTaskClientOptions>(options => options.DataConverter = converter);
                },
            },
            cancellationToken);
        services = host.Services;
        return new InProcessScenarioHost(host);
    }
}

internal sealed class InProcessScenarioHost(DurableTaskTestHost host) : IDurableScenarioHost
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public DurableClient Client { get; } = new DurableTaskClientAdapter(() => host.Client);

    public Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken)
        => Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellationToken);

    // A real engine runs on the wall clock: poll until the state matches.
    public async Task<OrchestrationMetadata> WaitUntilAsync(string instanceId, Func<OrchestrationMetadata, bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            var state = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
            if (state is not null && condition(state))
            {
                return state;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
