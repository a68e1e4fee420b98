namespace TalentReview.Durable.Conformance.Scenarios;

/// <summary>A sub-orchestration with a fixed instance id returns its output to the parent, or its failure.</summary>
public static class SubOrchestration
{
    public static async Task RunAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(Register, cancellationToken);
        var id = "group-" + Guid.NewGuid().ToString("N");

        var result = await host.RunToEndAsync(nameof(GroupOrchestrator), 20, cancellationToken, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(41, result.ReadOutputAs<int>());
        var child = await host.Client.GetInstanceAsync(id + ":member", getInputsAndOutputs: true, cancellationToken);
        Assert.NotNull(child);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child.RuntimeStatus);
        Assert.Equal(40, child.ReadOutputAs<int>());
    }

    public static async Task RunFailureAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(Register, cancellationToken);

        var result = await host.RunToEndAsync(nameof(GroupOrchestrator), -1, cancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(-1, result.ReadOutputAs<int>());
    }

    private static void Register(DurableTaskRegistry registry)
        => registry.AddOrchestrator<GroupOrchestrator>().AddOrchestrator<MemberOrchestrator>().AddActivity<SquareActivity>();
}

public sealed class GroupOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        try
        {
            var doubled = await context.CallSubOrchestratorAsync<int>(nameof(MemberOrchestrator), input, new SubOrchestrationOptions(instanceId: context.InstanceId + ":member"));
            return doubled + 1;
        }
        catch (TaskFailedException ex) when (ex.FailureDetails.ErrorMessage.Contains("negative", StringComparison.Ordinal))
        {
            return -1;
        }
    }
}

public sealed class MemberOrchestrator : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(input, "a negative input");
        var square = await context.CallActivityAsync<int>(nameof(SquareActivity), input);
        return square / input * 2;
    }
}
