using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Events;

namespace TalentReview.Workflow.EmployeeReview;

/// <summary>Applies a manager change to a running review (see <see cref="ManagerReassignment"/>).</summary>
public sealed class ReassignManager(ManagerReassignment reassignment) : TaskActivity<ManagerReassignedEvent, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, ManagerReassignedEvent input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return reassignment.ApplyAsync(input, CancellationToken.None);
    }
}
