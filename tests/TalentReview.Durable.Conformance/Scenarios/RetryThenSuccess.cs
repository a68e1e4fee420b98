using System.Collections.Concurrent;

namespace TalentReview.Durable.Conformance.Scenarios;

/// <summary>A retry policy re-runs a failing activity after durable delays, until it succeeds or attempts run out.</summary>
public static class RetryThenSuccess
{
    public static async Task RunAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(Register, cancellationToken);
        var key = Guid.NewGuid().ToString("N");

        var result = await host.RunToEndAsync(nameof(RetryingOrchestrator), new FlakyCall(key, FailuresBeforeSuccess: 2, MaxAttempts: 3), cancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("sent on attempt 3", result.ReadOutputAs<string>());
        Assert.Equal(3, FlakyActivity.Attempts[key]);
    }

    public static async Task RunExhaustedAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(Register, cancellationToken);
        var key = Guid.NewGuid().ToString("N");

        var result = await host.RunToEndAsync(nameof(RetryingOrchestrator), new FlakyCall(key, FailuresBeforeSuccess: 5, MaxAttempts: 2), cancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, result.RuntimeStatus);
        Assert.Contains("mail server busy", result.FailureDetails!.ErrorMessage + result.FailureDetails.InnerFailure?.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(2, FlakyActivity.Attempts[key]);
    }

    private static void Register(DurableTaskRegistry registry) => registry.AddOrchestrator<RetryingOrchestrator>().AddActivity<FlakyActivity>();
}

public sealed record FlakyCall(string Key, int FailuresBeforeSuccess, int MaxAttempts);

public sealed class RetryingOrchestrator : TaskOrchestrator<FlakyCall, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, FlakyCall input)
        => context.CallActivityAsync<string>(
            nameof(FlakyActivity),
            input,
            TaskOptions.FromRetryPolicy(new RetryPolicy(input.MaxAttempts, TimeSpan.FromSeconds(1), backoffCoefficient: 2)));
}

public sealed class FlakyActivity : TaskActivity<FlakyCall, string>
{
    /// <summary>Attempts per scenario key (static: activities are created per call).</summary>
    public static ConcurrentDictionary<string, int> Attempts { get; } = new();

    public override Task<string> RunAsync(TaskActivityContext context, FlakyCall input)
    {
        var attempt = Attempts.AddOrUpdate(input.Key, 1, (_, n) => n + 1);
        return attempt <= input.FailuresBeforeSuccess
            ? throw new InvalidOperationException("mail server busy")
            : Task.FromResult($"sent on attempt {attempt}");
    }
}
