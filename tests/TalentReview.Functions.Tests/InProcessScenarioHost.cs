using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Durable.Conformance;
using TalentReview.Workflow;

namespace TalentReview.Functions.Tests;

/// <summary>Runs scenarios on Microsoft.DurableTask's in-memory engine, with the payload converter the Functions host uses.</summary>
internal sealed class InProcessScenarioHostFactory : IDurableScenarioHostFactory
{
    public async Task<IDurableScenarioHost> StartAsync(Action<DurableTaskRegistry> register, CancellationToken cancellationToken)
    {
        var host = await DurableTaskTestHost.StartAsync(
            register,
            new DurableTaskTestHostOptions
            {
                ConfigureServices = services =>
                {
                    services.Configure<DurableTaskWorkerOptions>(options => options.DataConverter = DurablePayloads.Converter);
                    services.Configure<DurableTaskClientOptions>(options => options.DataConverter = DurablePayloads.Converter);
                },
            },
            cancellationToken);
        return new InProcessScenarioHost(host);
    }
}

internal sealed class InProcessScenarioHost(DurableTaskTestHost host) : IDurableScenarioHost
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public DurableTaskClient Client => host.Client;

    public Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken)
        => Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellationToken);

    // A real engine runs on the wall clock: poll until the state matches (the scenario's token bounds the wait).
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
