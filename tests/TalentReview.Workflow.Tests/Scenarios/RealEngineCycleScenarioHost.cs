using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Durable.Conformance.RealEngine;
using TalentReview.Durable.Embedded.Testing;

using TalentReview.Workflow.Tests.Support;

namespace TalentReview.Workflow.Tests.Scenarios;

/// <summary>The scenarios on the real Durable Task engine (in process), in virtual time, with the payload converter both hosts use.</summary>
public sealed class RealEngineCycleScenarioHost : ICycleScenarioHost
{
    private readonly VirtualTimeDurableTaskHost host;

    private RealEngineCycleScenarioHost(VirtualTimeDurableTaskHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public DurableTaskClient Client => host.Client;

    public DateTimeOffset Now => host.Clock.GetUtcNow();

    public static async Task<RealEngineCycleScenarioHost> StartAsync(DateTimeOffset? start = null, Action<IServiceCollection>? faults = null)
    {
        var host = await VirtualTimeDurableTaskHost.StartAsync(
            start ?? EmbeddedDurableTestHost.DefaultStart,
            registry => registry.AddTalentReviewWorkflow(),
            services => services
                .Configure<DurableTaskWorkerOptions>(options => options.DataConverter = DurablePayloads.Converter)
                .Configure<DurableTaskClientOptions>(options => options.DataConverter = DurablePayloads.Converter)
                .AddCycleScenarioServices()
                .Configure(faults));
        return new RealEngineCycleScenarioHost(host);
    }

    public Task RunUntilAsync(DateTimeOffset until) => host.RunUntilAsync(until);

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
