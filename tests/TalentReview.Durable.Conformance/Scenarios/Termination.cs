namespace TalentReview.Durable.Conformance.Scenarios;

/// <summary>Terminating ends a waiting instance with the given output.</summary>
public static class Termination
{
    public static async Task RunAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(Register, cancellationToken);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(IdleReviewOrchestrator), cancellation: cancellationToken);
        await host.WaitForCustomStatusAsync(id, "waiting", cancellationToken);

        await host.Client.TerminateInstanceAsync(id, new TerminateInstanceOptions("cycle cancelled"), cancellationToken);
        var result = await host.WaitForCompletionAsync(id, cancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
        var withOutput = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        Assert.Equal("cycle cancelled", withOutput!.ReadOutputAs<string>());
    }

    /// <summary>As in Durable Functions, terminating a parent leaves its sub-orchestrations running: they are terminated one by one.</summary>
    public static async Task RunChildrenLeftRunningAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(Register, cancellationToken);
        var id = "cycle-" + Guid.NewGuid().ToString("N");
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(IdleCycleOrchestrator), cancellation: cancellationToken, options: new(id));
        await host.WaitForCustomStatusAsync(id + ":review", "waiting", cancellationToken);

        await host.Client.TerminateInstanceAsync(id, new TerminateInstanceOptions("cycle cancelled"), cancellationToken);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await host.WaitForCompletionAsync(id, cancellationToken)).RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id + ":review", cancellation: cancellationToken))!.RuntimeStatus);

        await host.Client.TerminateInstanceAsync(id + ":review", new TerminateInstanceOptions("cycle cancelled"), cancellationToken);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await host.WaitForCompletionAsync(id + ":review", cancellationToken)).RuntimeStatus);
    }

    /// <summary>
    /// A terminated sub-orchestration fails its parent's call with a catchable TaskFailedException. The real
    /// engine gives it no failure details, so code that reads them must allow for none.
    /// </summary>
    public static async Task RunChildTerminatedAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(Register, cancellationToken);
        var id = "cycle-" + Guid.NewGuid().ToString("N");
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(WatchfulCycleOrchestrator), cancellation: cancellationToken, options: new(id));
        await host.WaitForCustomStatusAsync(id + ":review", "waiting", cancellationToken);

        await host.Client.TerminateInstanceAsync(id + ":review", new TerminateInstanceOptions("moved out"), cancellationToken);
        var parent = await host.WaitForCompletionAsync(id, cancellationToken);

        Assert.True(parent.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{parent.RuntimeStatus}: {parent.FailureDetails}");
        Assert.StartsWith("review ended:", parent.ReadOutputAs<string>(), StringComparison.Ordinal);
    }

    private static void Register(DurableTaskRegistry registry)
        => registry.AddOrchestrator<IdleReviewOrchestrator>().AddOrchestrator<IdleCycleOrchestrator>().AddOrchestrator<WatchfulCycleOrchestrator>();
}

public sealed class IdleReviewOrchestrator : TaskOrchestrator<object?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, object? input)
    {
        context.SetCustomStatus("waiting");
        return await context.WaitForExternalEvent<string>("NeverRaised");
    }
}

public sealed class IdleCycleOrchestrator : TaskOrchestrator<object?, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, object? input)
        => context.CallSubOrchestratorAsync<string>(nameof(IdleReviewOrchestrator), options: new SubOrchestrationOptions(instanceId: context.InstanceId + ":review"));
}

public sealed class WatchfulCycleOrchestrator : TaskOrchestrator<object?, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, object? input)
    {
        try
        {
            return await context.CallSubOrchestratorAsync<string>(nameof(IdleReviewOrchestrator), options: new SubOrchestrationOptions(instanceId: context.InstanceId + ":review"));
        }
        catch (TaskFailedException failed)
        {
            return $"review ended: {failed.FailureDetails?.ErrorMessage ?? "terminated"}";
        }
    }
}
