namespace TalentReview.Durable.Conformance.Scenarios;

/// <summary>WaitForExternalEvent with a timeout: the event wins if it comes in time, else the timer does.</summary>
public static class EventBeatsTimer
{
    public static async Task RunEventWinsAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(r => r.AddOrchestrator<DeadlineOrchestrator>(), cancellationToken);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(DeadlineOrchestrator), TimeSpan.FromMinutes(10), cancellation: cancellationToken);
        await host.WaitForCustomStatusAsync(id, "waiting", cancellationToken);

        await host.Client.RaiseEventAsync(id, "Submitted", "form-42", cancellationToken);
        var result = await host.WaitForCompletionAsync(id, cancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("submitted form-42", result.ReadOutputAs<string>());
    }

    public static async Task RunTimerWinsAsync(IDurableScenarioHostFactory factory, CancellationToken cancellationToken)
    {
        await using var host = await factory.StartAsync(r => r.AddOrchestrator<DeadlineOrchestrator>(), cancellationToken);

        var result = await host.RunToEndAsync(nameof(DeadlineOrchestrator), TimeSpan.FromSeconds(3), cancellationToken);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, result.RuntimeStatus);
        Assert.Equal("deadline passed", result.ReadOutputAs<string>());
    }
}

public sealed class DeadlineOrchestrator : TaskOrchestrator<TimeSpan, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, TimeSpan input)
    {
        context.SetCustomStatus("waiting");
        try
        {
            var form = await context.WaitForExternalEvent<string>("Submitted", input);
            return $"submitted {form}";
        }
        catch (TaskCanceledException)
        {
            return "deadline passed";
        }
    }
}
