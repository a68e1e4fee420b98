using TalentReview.Durable.Conformance.Scenarios;

namespace TalentReview.Durable.Conformance;

/// <summary>One behaviour every engine must show, written once against the programming model.</summary>
public sealed record DurableScenario(string Name, Func<IDurableScenarioHostFactory, CancellationToken, Task> RunAsync)
{
    public override string ToString() => Name;
}

/// <summary>The conformance suite: run every scenario on every engine.</summary>
public static class ConformanceScenarios
{
    public static IReadOnlyList<DurableScenario> All { get; } =
    [
        new(nameof(ActivityChain), ActivityChain.RunAsync),
        new(nameof(FanOutFanIn), FanOutFanIn.RunAsync),
        new(nameof(EventBeatsTimer), EventBeatsTimer.RunEventWinsAsync),
        new(nameof(EventBeatsTimer) + ".TimerWins", EventBeatsTimer.RunTimerWinsAsync),
        new(nameof(EventRaisedBeforeWait), EventRaisedBeforeWait.RunAsync),
        new(nameof(SubOrchestration), SubOrchestration.RunAsync),
        new(nameof(SubOrchestration) + ".Failure", SubOrchestration.RunFailureAsync),
        new(nameof(RetryThenSuccess), RetryThenSuccess.RunAsync),
        new(nameof(RetryThenSuccess) + ".Exhausted", RetryThenSuccess.RunExhaustedAsync),
        new(nameof(FailurePropagation), FailurePropagation.RunUnhandledAsync),
        new(nameof(FailurePropagation) + ".Handled", FailurePropagation.RunHandledAsync),
        new(nameof(ContinueAsNewWithEvents), ContinueAsNewWithEvents.RunAsync),
        new(nameof(Termination), Termination.RunAsync),
        new(nameof(Termination) + ".ChildrenLeftRunning", Termination.RunChildrenLeftRunningAsync),
        new(nameof(Termination) + ".ChildTerminated", Termination.RunChildTerminatedAsync),
        new(nameof(NonDeterminism), NonDeterminism.RunAsync),
        new(nameof(EventBetweenInstances), EventBetweenInstances.RunAsync),
        new(nameof(ReplaySafeValues), ReplaySafeValues.RunAsync),
        new(nameof(ClientErrors), ClientErrors.RunAsync),
        new(nameof(ClientErrors) + ".CustomStatus", ClientErrors.RunCustomStatusAsync),
    ];

    internal static async Task<OrchestrationMetadata> RunToEndAsync(
        this IDurableScenarioHost host, string orchestratorName, object? input, CancellationToken cancellationToken, string? instanceId = null)
    {
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, new(instanceId), cancellationToken);
        return await host.WaitForCompletionAsync(id, cancellationToken);
    }

    internal static Task<OrchestrationMetadata> WaitForCustomStatusAsync(this IDurableScenarioHost host, string instanceId, string status, CancellationToken cancellationToken)
        => host.WaitUntilAsync(instanceId, m => m.ReadCustomStatusAs<string>() == status, cancellationToken);
}
