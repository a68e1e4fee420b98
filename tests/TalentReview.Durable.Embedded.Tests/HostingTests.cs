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
        var client = host.Services.GetRequiredService<DurableTaskClient>();

        var waiting = await client.ScheduleNewOrchestrationInstanceAsync(nameof(WaitingOrchestrator), cancellation: cancellation);
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(NotifyOrchestrator), waiting, cancellation: cancellation);
        var result = await client.WaitForInstanceCompletionAsync(waiting, getInputsAndOutputs: true, cancellation);

        Assert.Equal("raised by an activity", result.ReadOutputAs<string>());
        Assert.Same(host.Services.GetRequiredService<TimeProvider>(), host.Services.GetRequiredService<EmbeddedDurableEngine>().TimeProvider);
        await host.StopAsync(cancellation);
    }

    public sealed class WaitingOrchestrator : TaskOrchestrator<object?, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, object? input) => context.WaitForExternalEvent<string>("Nudge");
    }

    public sealed class NotifyOrchestrator : TaskOrchestrator<string, bool>
    {
        public override Task<bool> RunAsync(TaskOrchestrationContext context, string input) => context.CallActivityAsync<bool>(nameof(RaiseWithClientActivity), input);
    }

    public sealed class RaiseWithClientActivity(DurableTaskClient client) : TaskActivity<string, bool>
    {
        public override async Task<bool> RunAsync(TaskActivityContext context, string input)
        {
            await client.RaiseEventAsync(input, "Nudge", "raised by an activity", CancellationToken.None);
            return true;
        }
    }
}
