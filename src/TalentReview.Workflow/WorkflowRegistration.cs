using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.EmployeeReview;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Privacy;
using TalentReview.Workflow.Resilience;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Talent.History;
using TalentReview.Workflow.Talent.Indicators;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Workflow;

/// <summary>Registers the workflow with a host. Both hosts call these two.</summary>
public static class WorkflowRegistration
{
    /// <summary>
    /// The typed store, the use cases and the services activities need. The host registers the ports
    /// (<see cref="IDocumentStore"/>, <see cref="Notifications.IEmailSender"/>, <see cref="ILinkSigner"/>)
    /// and the engine's <see cref="DurableTaskClient"/>; <see cref="TimeProvider"/> defaults to the system clock.
    /// </summary>
    public static IServiceCollection AddTalentReviewWorkflow(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        Talent.Succession.SuccessionRegistration.AddTalentSuccession(services);
        services.TryAddSingleton<ReviewStore>();
        services.TryAddSingleton<WorkflowLinks>();
        services.TryAddSingleton<ManagerReassignment>();
        services.TryAddSingleton<CycleCommands>();
        services.TryAddSingleton<ReleaseCommands>();
        services.TryAddSingleton<NudgeCommands>();
        services.TryAddSingleton<CycleQueries>();
        services.TryAddSingleton<SubmissionCommands>();
        services.TryAddSingleton<CalibrationCommands>();
        services.AddOptions<RetentionOptions>();
        services.TryAddSingleton<RetentionService>();
        services.TryAddSingleton<TalentHistoryStore>();
        services.TryAddSingleton<ITalentHistory>(sp => sp.GetRequiredService<TalentHistoryStore>());
        services.TryAddSingleton<ReportingLineHistory>();
        services.TryAddSingleton<KeepReleasedOutcomes>();
        services.TryAddSingleton<TalentIndicatorQueries>();
        return services;
    }

    /// <summary>Every orchestrator of the workflow; each is named after its class.</summary>
    public static IReadOnlyList<Type> Orchestrators { get; } = TasksOfType<ITaskOrchestrator>();

    /// <summary>Every activity of the workflow; each is named after its class.</summary>
    public static IReadOnlyList<Type> Activities { get; } = TasksOfType<ITaskActivity>();

    /// <summary>Registers every orchestrator and activity of the workflow with a Durable Task worker.</summary>
    public static DurableTaskRegistry AddTalentReviewWorkflow(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var orchestrator in Orchestrators)
        {
            registry.AddOrchestrator(orchestrator);
        }

        // Each activity fails with what the orchestrations can sort: transient (wait and retry) or not (stall).
        foreach (var activity in Activities)
        {
            registry.AddActivity(activity.Name, services => new SortingActivity(
                (ITaskActivity)ActivatorUtilities.GetServiceOrCreateInstance(services, activity), services.GetServices<IStoreOutageDescriber>()));
        }

        return registry;
    }

    private static List<Type> TasksOfType<TTask>()
        => [.. typeof(ReviewCycleOrchestration).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(TTask).IsAssignableFrom(type))
            .OrderBy(type => type.Name, StringComparer.Ordinal)];
}
