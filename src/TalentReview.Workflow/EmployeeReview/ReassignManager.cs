using TalentReview.Durable;
using TalentReview.Workflow.Events;

namespace TalentReview.Workflow.EmployeeReview;

/// <summary>Applies a manager change to a running review (see <see cref="ManagerReassignment"/>).</summary>
public sealed class ReassignManager(ManagerReassignment reassignment) : Activity<ManagerReassignedEvent, bool>
{
    public override Task<bool> RunAsync(ActivityContext context, ManagerReassignedEvent input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return reassignment.ApplyAsync(input, context.CancellationToken);
    }
}
