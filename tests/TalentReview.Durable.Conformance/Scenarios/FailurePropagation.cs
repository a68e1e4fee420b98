namespace TalentReview.Durable.Conformance.Scenarios;

/// <summary>An activity's exception reaches the orchestration as TaskFailedException; unhandled, it fails the instance.</summary>
public static class FailurePropagation
{
    public static async Task RunUnhandledAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(Register, cancellationToken);

        var result = await host.RunToEndAsync(nameof(CalibrationOrchestrator), false, cancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.NotNull(result.FailureDetails);
        Assert.Contains("calibration board locked", result.FailureDetails.ErrorMessage + result.FailureDetails.InnerFailure?.ErrorMessage, StringComparison.Ordinal);

        // As on Durable Functions, the failure comes with the inputs and outputs only.
        var withoutPayloads = await host.Client.GetInstanceAsync(result.InstanceId, getInputsAndOutputs: false, cancellationToken);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, withoutPayloads!.RuntimeStatus);
        Assert.Null(withoutPayloads.FailureDetails);
    }

    public static async Task RunHandledAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(Register, cancellationToken);

        var result = await host.RunToEndAsync(nameof(CalibrationOrchestrator), true, cancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("handled InvalidOperationException: calibration board locked", result.ReadOutputAs<string>());
    }

    private static void Register(DurableTaskRegistry registry) => registry.AddOrchestrator<CalibrationOrchestrator>().AddActivity<LockedBoardActivity>();
}

public sealed class CalibrationOrchestrator : TaskOrchestrator<bool, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, bool input)
    {
        try
        {
            return await context.CallActivityAsync<string>(nameof(LockedBoardActivity));
        }
        catch (TaskFailedException ex) when (input && ex.FailureDetails.IsCausedBy<InvalidOperationException>())
        {
            return $"handled {nameof(InvalidOperationException)}: {ex.FailureDetails.ErrorMessage}";
        }
    }
}

public sealed class LockedBoardActivity : TaskActivity<object?, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, object? input) => throw new InvalidOperationException("calibration board locked");
}
