namespace TalentReview.Durable.Conformance.Scenarios;

/// <summary>ContinueAsNew restarts with new input and keeps the events the last generation did not consume.</summary>
public static class ContinueAsNewWithEvents
{
    public static async Task RunAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(r => r.AddOrchestrator<TallyOrchestrator>(), cancellationToken);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TallyOrchestrator), new Tally(0, 0), cancellation: cancellationToken);

        foreach (var points in new[] { 1, 2, 3, 4 })
        {
            await host.Client.RaiseEventAsync(id, "Add", points, cancellationToken);
        }

        var result = await host.WaitForCompletionAsync(id, cancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal(new Tally(10, 4), result.ReadOutputAs<Tally>());
    }
}

public sealed record Tally(int Total, int Generation);

public sealed class TallyOrchestrator : TaskOrchestrator<Tally, Tally>
{
    public override async Task<Tally> RunAsync(TaskOrchestrationContext context, Tally input)
    {
        var points = await context.WaitForExternalEvent<int>("Add");
        var next = new Tally(input.Total + points, input.Generation + 1);
        if (next.Generation == 4)
        {
            return next;
        }

        context.ContinueAsNew(next);
        return next;
    }
}
