namespace TalentReview.Durable.Conformance.Scenarios;

/// <summary>SendEvent delivers an event from one orchestration to another instance.</summary>
public static class EventBetweenInstances
{
    public static async Task RunAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(r => r.AddOrchestrator<InboxOrchestrator>().AddOrchestrator<NotifierOrchestrator>(), cancellationToken);
        var receiver = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(InboxOrchestrator), cancellation: cancellationToken);
        await host.WaitForCustomStatusAsync(receiver, "waiting", cancellationToken);

        var sender = await host.RunToEndAsync(nameof(NotifierOrchestrator), receiver, cancellationToken);
        var received = await host.WaitForCompletionAsync(receiver, cancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, sender.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, received.RuntimeStatus);
        Assert.Equal("group 7 calibrated", received.ReadOutputAs<string>());
    }
}

public sealed class InboxOrchestrator : TaskOrchestrator<object?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, object? input)
    {
        context.SetCustomStatus("waiting");
        return await context.WaitForExternalEvent<string>("GroupCalibrated");
    }
}

public sealed class NotifierOrchestrator : TaskOrchestrator<string, bool>
{
    public override Task<bool> RunAsync(TaskOrchestrationContext context, string input)
    {
        context.SendEvent(input, "GroupCalibrated", "group 7 calibrated");
        return Task.FromResult(true);
    }
}
