namespace TalentReview.Durable.Conformance.Scenarios;

/// <summary>Task.WhenAll over many activity calls collects every result, in call order.</summary>
public static class FanOutFanIn
{
    public static async Task RunAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(r => r.AddOrchestrator<FanOutOrchestrator>().AddActivity<SquareActivity>(), cancellationToken);

        var result = await host.RunToEndAsync(nameof(FanOutOrchestrator), 60, cancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        var squares = result.ReadOutputAs<int[]>()!;
        Assert.Equal(Enumerable.Range(1, 60).Select(i => i * i), squares);
    }
}

public sealed class FanOutOrchestrator : TaskOrchestrator<int, int[]>
{
    public override async Task<int[]> RunAsync(TaskOrchestrationContext context, int input)
    {
        var calls = Enumerable.Range(1, input).Select(i => context.CallActivityAsync<int>(nameof(SquareActivity), i)).ToList();
        return await Task.WhenAll(calls);
    }
}

public sealed class SquareActivity : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input * input);
}
