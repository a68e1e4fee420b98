namespace TalentReview.Durable.Conformance;

/// <summary>
/// An engine running the orchestrations a scenario registers. The embedded engine implements it on
/// virtual time; the Functions tests implement it on the real Durable Task engine (in process).
/// </summary>
public interface IDurableScenarioHost : IAsyncDisposable
{
    DurableTaskClient Client { get; }

    /// <summary>Waits until the instance has ended, letting time pass (virtual engines jump their clock from timer to timer).</summary>
    Task<OrchestrationMetadata> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until the instance's state satisfies <paramref name="condition"/> without letting
    /// durable timers fire early: a virtual engine does not move its clock here.
    /// </summary>
    Task<OrchestrationMetadata> WaitUntilAsync(string instanceId, Func<OrchestrationMetadata, bool> condition, CancellationToken cancellationToken);
}

/// <summary>Starts a fresh <see cref="IDurableScenarioHost"/> with the scenario's orchestrators and activities.</summary>
public interface IDurableScenarioHostFactory
{
    Task<IDurableScenarioHost> StartAsync(Action<DurableTaskRegistry> register, CancellationToken cancellationToken);
}
