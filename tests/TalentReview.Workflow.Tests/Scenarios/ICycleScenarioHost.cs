using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace TalentReview.Workflow.Tests.Scenarios;

/// <summary>
/// What a whole-cycle scenario needs from an engine: the application's services (with the workflow,
/// an in-memory store and the recording fakes), the client, and a clock it can run forward.
/// The embedded engine implements it here; the Functions tests implement it on the real Durable Task engine.
/// </summary>
public interface ICycleScenarioHost : IAsyncDisposable
{
    IServiceProvider Services { get; }

    DurableTaskClient Client { get; }

    DateTimeOffset Now { get; }

    /// <summary>Processes everything due up to <paramref name="until"/>, moving the clock there.</summary>
    Task RunUntilAsync(DateTimeOffset until);
}
