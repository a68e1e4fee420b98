namespace TalentReview.Durable.Conformance.Scenarios;

/// <summary>Activities called in sequence each see the previous one's output.</summary>
public static class ActivityChain
{
    public static async Task RunAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(r => r.AddOrchestrator<ChainOrchestrator>().AddActivity<AppendStepActivity>(), cancellationToken);

        var result = await host.RunToEndAsync(nameof(ChainOrchestrator), "self-assessment", cancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("self-assessment>1>2>3", result.ReadOutputAs<string>());
    }
}

public sealed class ChainOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var value = input;
        for (var step = 1; step <= 3; step++)
        {
            value = await context.CallActivityAsync<string>(nameof(AppendStepActivity), new AppendStep(value, step));
        }

        return value;
    }
}

public sealed record AppendStep(string Value, int Step);

public sealed class AppendStepActivity : TaskActivity<AppendStep, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, AppendStep input) => Task.FromResult($"{input.Value}>{input.Step}");
}
