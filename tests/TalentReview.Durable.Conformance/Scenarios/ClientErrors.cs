namespace TalentReview.Durable.Conformance.Scenarios;

/// <summary>The client reports a running duplicate id and events for unknown instances to the caller.</summary>
public static class ClientErrors
{
    public static async Task RunAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(r => r.AddOrchestrator<IdleReviewOrchestrator>(), cancellationToken);
        var id = "review-" + Guid.NewGuid().ToString("N");
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(IdleReviewOrchestrator), options: new(id), cancellation: cancellationToken);

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(
            () => host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(IdleReviewOrchestrator), options: new(id), cancellation: cancellationToken));
        await Assert.ThrowsAsync<OrchestrationNotFoundException>(
            () => host.Client.RaiseEventAsync("no-such-review", "Submitted", cancellation: cancellationToken));
        Assert.Null(await host.Client.GetInstanceAsync("no-such-review", cancellation: cancellationToken));
    }
}
