using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Tests.Support;

namespace TalentReview.Workflow.Tests.Scenarios;

/// <summary>
/// What a whole-cycle scenario needs from an engine: the application's services (with the workflow,
/// an in-memory store and the recording fakes), the client, and a clock it can run forward.
/// It is implemented on the embedded engine and on the real Durable Task engine, both in virtual time.
/// </summary>
public interface ICycleScenarioHost : IAsyncDisposable
{
    IServiceProvider Services { get; }

    DurableTaskClient Client { get; }

    DateTimeOffset Now { get; }

    /// <summary>Processes everything due up to <paramref name="until"/>, moving the clock there.</summary>
    Task RunUntilAsync(DateTimeOffset until);
}

internal static class CycleScenarioServices
{
    /// <summary>What every scenario host gives the workflow: an in-memory store, recorded emails, plain links.</summary>
    public static IServiceCollection AddCycleScenarioServices(this IServiceCollection services)
        => services
            .AddSingleton<IDocumentStore, InMemoryDocumentStore>()
            .AddSingleton<RecordingEmailSender>()
            .AddSingleton<IEmailSender>(sp => sp.GetRequiredService<RecordingEmailSender>())
            .AddSingleton<ILinkSigner, FakeLinkSigner>()
            .AddTalentReviewWorkflow();
}
