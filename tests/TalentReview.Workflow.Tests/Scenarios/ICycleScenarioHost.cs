using TalentReview.Durable;

namespace TalentReview.Workflow.Tests.Scenarios;

/// <summary>
/// What a whole-cycle scenario needs from an engine: the application's services (with the workflow,
/// an in-memory store and the recording fakes), the client, and a clock it can run forward.
/// The embedded engine implements it here; the Azure adapter's tests can implement it on Durable Task.
/// </summary>
public interface ICycleScenarioHost : IAsyncDisposable
{
    IServiceProvider Services { get; }

    DurableClient Client { get; }

    DateTimeOffset Now { get; }

    /// <summary>Processes everything due up to <paramref name="until"/>, moving the clock there.</summary>
    Task RunUntilAsync(DateTimeOffset until);
}
