using Microsoft.Extensions.DependencyInjection;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Tests.Support;

/// <summary>Swaps the scenario hosts' store and sender for their faulty versions (registered last, so they win).</summary>
public static class FaultRegistration
{
    public static IServiceCollection Configure(this IServiceCollection services, Action<IServiceCollection>? faults)
    {
        faults?.Invoke(services);
        return services;
    }

    public static void AddFaults(IServiceCollection services)
        => services
            .AddSingleton<OutageDocumentStore>()
            .AddSingleton<IDocumentStore>(sp => sp.GetRequiredService<OutageDocumentStore>())
            .AddSingleton<IStoreOutageDescriber, SimulatedOutageDescriber>()
            .AddSingleton<FaultyEmailSender>()
            .AddSingleton<IEmailSender>(sp => sp.GetRequiredService<FaultyEmailSender>());
}
