using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TalentReview.Durable.Embedded.Time;

namespace TalentReview.Durable.Embedded.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task AddEmbeddedDurableEngine_runs_as_hosted_service_and_activities_get_the_client_injected()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<TimeProvider>(new VirtualTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)));
        builder.Services.AddEmbeddedDurableEngine(r => r.AddOrchestrator<NotifyOrchestrator>().AddOrchestrator<WaitingOrchestrator>().AddActivity<RaiseWithClientActivity>());
        using var host = builder.Build();
        await host.StartAsync(cancellation);
        var client = host.Services.GetRequiredService<DurableClient>();

        var waiting = await client.ScheduleNewOrchestrationInstanceAsync(nameof(WaitingOrchestrator), cancellation: cancellation);
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(NotifyOrchestrator), waiting, cancellation: cancellation);
        var result = await client.WaitForInstanceCompletionAsync(waiting, getInputsAndOutputs: true, cancellation);

        Assert.Equal("raised by an activity", result.ReadOutputAs<string>());
        Assert.Same(host.Services.GetRequiredService<TimeProvider>(), host.Services.GetRequiredService<EmbeddedDurableEngine>().TimeProvider);
        await host.StopAsync(cancellation);
    }

    public sealed class WaitingOrchestrator : Orchestrator<Unit, string>
    {
        public override Task<string> RunAsync(OrchestrationContext context, Unit input) => context.WaitForExternalEvent<string>("Nudge");
    }

    public sealed class NotifyOrchestrator : Orchestrator<string, Unit>
    {
        public override Task<Unit> RunAsync(OrchestrationContext context, string input) => context.CallActivityAsync<Unit>(nameof(RaiseWithClientActivity), input);
    }

    public sealed class RaiseWithClientActivity(DurableClient client) : Activity<string, Unit>
    {
        public override async Task<Unit> RunAsync(ActivityContext context, string input)
        {
            await client.RaiseEventAsync(input, "Nudge", "raised by an activity", context.CancellationToken);
            return Unit.Value;
        }
    }
}
