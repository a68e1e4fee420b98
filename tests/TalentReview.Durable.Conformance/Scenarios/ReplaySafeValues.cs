namespace TalentReview.Durable.Conformance.Scenarios;

/// <summary>NewGuid and CurrentUtcDateTime give the same values on every replay.</summary>
public static class ReplaySafeValues
{
    public static async Task RunAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(r => r.AddOrchestrator<StampOrchestrator>().AddActivity<EchoActivity>(), cancellationToken);

        var result = await host.RunToEndAsync(nameof(StampOrchestrator), null, cancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("same guid, same time, distinct guids", result.ReadOutputAs<string>());
    }
}

public sealed class StampOrchestrator : TaskOrchestrator<object?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var first = context.NewGuid();
        var startedAt = context.CurrentUtcDateTime;

        // The activity records both values in history; the final replay recomputes them and must agree.
        var echoedGuid = await context.CallActivityAsync<Guid>(nameof(EchoActivity), first);
        var echoedTime = await context.CallActivityAsync<DateTime>(nameof(EchoActivity), startedAt);
        var second = context.NewGuid();
        return string.Join(", ", echoedGuid == first ? "same guid" : "guid changed", echoedTime == startedAt ? "same time" : "time changed", second != first ? "distinct guids" : "repeated guid");
    }
}
