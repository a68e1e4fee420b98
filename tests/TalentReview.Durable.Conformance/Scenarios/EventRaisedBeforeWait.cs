namespace TalentReview.Durable.Conformance.Scenarios;

/// <summary>Events raised before the orchestration waits for them are buffered and delivered in order.</summary>
public static class EventRaisedBeforeWait
{
    public static async Task RunAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(r => r.AddOrchestrator<LateListenerOrchestrator>().AddActivity<EchoActivity>(), cancellationToken);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(LateListenerOrchestrator), cancellation: cancellationToken);

        await host.Client.RaiseEventAsync(id, "Rating", 3, cancellationToken);
        await host.Client.RaiseEventAsync(id, "Rating", 5, cancellationToken);
        var result = await host.WaitForCompletionAsync(id, cancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("3,5", result.ReadOutputAs<string>());
    }
}

public sealed class LateListenerOrchestrator : TaskOrchestrator<object?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, object? input)
    {
        await context.CallActivityAsync<string>(nameof(EchoActivity), "busy first");
        var first = await context.WaitForExternalEvent<int>("Rating");
        var second = await context.WaitForExternalEvent<int>("Rating");
        return $"{first},{second}";
    }
}
