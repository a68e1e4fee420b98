using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TalentReview.Durable;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.EmployeeReview;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Privacy;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Workflow;

/// <summary>Registers the workflow with a host. Both hosts (and the Azure adapter) call these two.</summary>
public static class WorkflowRegistration
{
    /// <summary>
    /// The typed store, the use cases and the services activities need. The host registers the ports
    /// (<see cref="IDocumentStore"/>, <see cref="Notifications.IEmailSender"/>, <see cref="ILinkSigner"/>)
    /// and the engine's <see cref="DurableClient"/>; <see cref="TimeProvider"/> defaults to the system clock.
    /// </summary>
    public static IServiceCollection AddTalentReviewWorkflow(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ReviewStore>();
        services.TryAddSingleton<WorkflowLinks>();
        services.TryAddSingleton<ManagerReassignment>();
        services.TryAddSingleton<CycleCommands>();
        services.TryAddSingleton<CycleQueries>();
        services.TryAddSingleton<SubmissionCommands>();
        services.TryAddSingleton<CalibrationCommands>();
        services.AddOptions<RetentionOptions>();
        services.TryAddSingleton<RetentionService>();
        return services;
    }

    /// <summary>Every orchestrator and activity of the workflow, by class name.</summary>
    public static DurableRegistry AddTalentReviewWorkflow(this DurableRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.AddAllFromAssemblyOf<ReviewCycleOrchestration>();
    }
}
