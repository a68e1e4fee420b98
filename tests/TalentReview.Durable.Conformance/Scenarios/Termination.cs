namespace TalentReview.Durable.Conformance.Scenarios;

/// <summary>Terminating ends a waiting instance with the given output; recursively, its children end too.</summary>
public static class Termination
{
    public static async Task RunAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(Register, cancellationToken);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(IdleReviewOrchestrator), cancellation: cancellationToken);
        await host.WaitForCustomStatusAsync(id, "waiting", cancellationToken);

        await host.Client.TerminateInstanceAsync(id, new("cycle cancelled"), cancellationToken);
        var result = await host.WaitForCompletionAsync(id, cancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, result.RuntimeStatus);
        var withOutput = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        Assert.Equal("cycle cancelled", withOutput!.ReadOutputAs<string>());
    }

    public static async Task RunRecursiveAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(Register, cancellationToken);
        var id = "cycle-" + Guid.NewGuid().ToString("N");
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(IdleCycleOrchestrator), cancellation: cancellationToken, options: new(id));
        await host.WaitForCustomStatusAsync(id + ":review", "waiting", cancellationToken);

        await host.Client.TerminateInstanceAsync(id, new("cycle cancelled", Recursive: true), cancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await host.WaitForCompletionAsync(id, cancellationToken)).RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await host.WaitForCompletionAsync(id + ":review", cancellationToken)).RuntimeStatus);
    }

    private static void Register(DurableRegistry registry) => registry.AddOrchestrator<IdleReviewOrchestrator>().AddOrchestrator<IdleCycleOrchestrator>();
}

public sealed class IdleReviewOrchestrator : Orchestrator<Unit, string>
{
    public override async Task<string> RunAsync(OrchestrationContext context, Unit input)
    {
        context.SetCustomStatus("waiting");
        return await context.WaitForExternalEvent<string>("NeverRaised");
    }
}

public sealed class IdleCycleOrchestrator : Orchestrator<Unit, string>
{
    public override Task<string> RunAsync(OrchestrationContext context, Unit input)
        => context.CallSubOrchestratorAsync<string>(nameof(IdleReviewOrchestrator), options: new SubOrchestrationOptions(context.InstanceId + ":review"));
}
