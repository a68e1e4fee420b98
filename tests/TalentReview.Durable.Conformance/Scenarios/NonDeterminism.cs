using System.Collections.Concurrent;

namespace TalentReview.Durable.Conformance.Scenarios;

/// <summary>When the code no longer takes the actions its history records, the instance fails with a non-determinism error.</summary>
public static class NonDeterminism
{
    public static async Task RunAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(r => r.AddOrchestrator<ChangingCodeOrchestrator>().AddActivity<EchoActivity>(), cancellationToken);
        var id = "changing-" + Guid.NewGuid().ToString("N");
        ChangingCodeOrchestrator.CodeVersion[id] = 1;
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ChangingCodeOrchestrator), options: new(id), cancellation: cancellationToken);
        await host.WaitForCustomStatusAsync(id, "waiting", cancellationToken);

        ChangingCodeOrchestrator.CodeVersion[id] = 2;
        await host.Client.RaiseEventAsync(id, "Continue", cancellation: cancellationToken);
        var result = await host.WaitForCompletionAsync(id, cancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("NonDeterministic", result.FailureDetails!.ErrorType, StringComparison.Ordinal);
    }
}

public sealed class ChangingCodeOrchestrator : TaskOrchestrator<object?, string>
{
    /// <summary>Which version of the code each instance runs; a deployment that changes it between replays.</summary>
    public static ConcurrentDictionary<string, int> CodeVersion { get; } = new();

    public override async Task<string> RunAsync(TaskOrchestrationContext context, object? input)
    {
        if (CodeVersion[context.InstanceId] == 1)
        {
            await context.CallActivityAsync<string>(nameof(EchoActivity), "v1");
        }
        else
        {
            await context.CreateTimer(context.CurrentUtcDateTime.AddMinutes(1), CancellationToken.None);
        }

        context.SetCustomStatus("waiting");
        await context.WaitForExternalEvent<string>("Continue");
        return "done";
    }
}
