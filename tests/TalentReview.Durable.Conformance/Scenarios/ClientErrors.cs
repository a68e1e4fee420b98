using DurableTask.Core.Exceptions;

namespace TalentReview.Durable.Conformance.Scenarios;

/// <summary>
/// Starting under an existing id: refused while the instance is in one of the dedupe statuses the
/// caller sends (Durable Functions decides nothing by default); an unknown instance reads as null.
/// </summary>
public static class ClientErrors
{
    private static readonly IReadOnlyList<string> Active = [nameof(OrchestrationRuntimeStatus.Pending), nameof(OrchestrationRuntimeStatus.Running)];

    public static async Task RunAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(r => r.AddOrchestrator<IdleReviewOrchestrator>(), cancellationToken);
        var id = "review-" + Guid.NewGuid().ToString("N");
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(IdleReviewOrchestrator), options: new(id), cancellation: cancellationToken);
        await host.WaitForCustomStatusAsync(id, "waiting", cancellationToken);

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(
            () => host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(IdleReviewOrchestrator), options: new(id) { DedupeStatuses = Active }, cancellation: cancellationToken));
        Assert.Null(await host.Client.GetInstanceAsync("no-such-review", cancellation: cancellationToken));
    }

    /// <summary>Custom status, like input and output, comes back only when asked for with them.</summary>
    public static async Task RunCustomStatusAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(r => r.AddOrchestrator<IdleReviewOrchestrator>(), cancellationToken);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(IdleReviewOrchestrator), cancellation: cancellationToken);
        await host.WaitForCustomStatusAsync(id, "waiting", cancellationToken);

        var bare = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken);
        var full = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);

        Assert.Null(bare!.SerializedCustomStatus);
        Assert.Equal("waiting", full!.ReadCustomStatusAs<string>());
    }
}
