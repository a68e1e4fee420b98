using Microsoft.Extensions.DependencyInjection;
using Microsoft.DurableTask.Client;
using TalentReview.Durable.Embedded.Testing;

using TalentReview.Workflow.Tests.Support;

namespace TalentReview.Workflow.Tests.Scenarios;

/// <summary>The scenarios on the embedded engine, in memory and in virtual time.</summary>
public sealed class EmbeddedCycleScenarioHost : ICycleScenarioHost
{
    private readonly EmbeddedDurableTestHost host;

    private EmbeddedCycleScenarioHost(EmbeddedDurableTestHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public DurableTaskClient Client => host.Client;

    public DateTimeOffset Now => host.Clock.GetUtcNow();

    public static async Task<EmbeddedCycleScenarioHost> StartAsync(DateTimeOffset? start = null, Action<IServiceCollection>? faults = null)
    {
        var host = await EmbeddedDurableTestHost.StartAsync(
            registry => registry.AddTalentReviewWorkflow(),
            services => services.AddCycleScenarioServices().Configure(faults),
            start: start);
        return new EmbeddedCycleScenarioHost(host);
    }

    public Task RunUntilAsync(DateTimeOffset until) => host.RunUntilIdleAsync(until);

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
