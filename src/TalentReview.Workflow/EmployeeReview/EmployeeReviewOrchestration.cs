using System.Diagnostics.CodeAnalysis;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;

using TalentReview.Workflow.Resilience;

namespace TalentReview.Workflow.EmployeeReview;

/// <param name="SelfAssessment">The step's state when the review started (a submission may have been stored before).</param>
public sealed record ReviewInput(string CycleId, string EmployeeId, string GroupId, StepState SelfAssessment = StepState.Pending, StepState ManagerInput = StepState.Pending);

public sealed record ReviewOutcome(bool SelfAssessmentSubmitted, bool ManagerInputSubmitted, int Reassignments);

/// <summary>
/// One employee's review: the self-assessment (submitted, or closed by the timeline at the deadline,
/// after which the review goes on without it), then the manager's input (submitted by the manager or,
/// after escalation, in their place; or closed), with manager changes handled at any time. Then it
/// tells its group it is ready for calibration and ends; calibration and decisions are group-level. A manager change that fails
/// for a reason that does not pass by itself stalls the review visibly (<see cref="StepRecovery"/>) until HR retries it.
/// A handful of durable actions per employee: the events and one signal.
/// </summary>
public sealed class EmployeeReviewOrchestration : TaskOrchestrator<ReviewInput, ReviewOutcome>
{
    public override async Task<ReviewOutcome> RunAsync(TaskOrchestrationContext context, ReviewInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var reassignments = 0;
        var steps = new StepRecovery(context, new StallSite(input.CycleId, input.GroupId, EmployeeId: input.EmployeeId));

        var self = input.SelfAssessment != StepState.Pending
            ? input.SelfAssessment == StepState.Submitted
            : await WaitForStepAsync<SelfAssessmentSubmittedEvent, SelfAssessmentClosedEvent>(
                context, steps, ReviewAwaiting.SelfAssessment, WorkflowEvents.SelfAssessmentSubmitted, WorkflowEvents.SelfAssessmentClosed, () => reassignments++);

        // Without a manager nobody gives input, but the review still waits for the step's close: its group is not ready any earlier.
        var managerInput = input.ManagerInput is not (StepState.Pending or StepState.NotApplicable)
            ? input.ManagerInput == StepState.Submitted
            : await WaitForStepAsync<ManagerInputSubmittedEvent, ManagerInputClosedEvent>(
                context, steps, ReviewAwaiting.ManagerInput, WorkflowEvents.ManagerInputSubmitted, WorkflowEvents.ManagerInputClosed, () => reassignments++);

        context.SendEvent(InstanceIds.Group(input.CycleId, input.GroupId), WorkflowEvents.ReviewReady, new ReviewReadyEvent(input.EmployeeId, self, managerInput));
        return new ReviewOutcome(self, managerInput, reassignments);
    }

    /// <summary>
    /// Waits until the step is submitted (true) or closed (false); a manager change on the way is applied and the wait goes on.
    /// The change runs through <paramref name="steps"/>: a bug in it stalls this review where HR sees it (the person named) until HR retries.
    /// </summary>
    [SuppressMessage("Durable", "DURABLE0011", Justification = "One round per manager change by HR: a handful per review, never a stream.")]
    private static async Task<bool> WaitForStepAsync<TSubmitted, TClosed>(
        TaskOrchestrationContext context, StepRecovery steps, ReviewAwaiting step, string submittedEvent, string closedEvent, Action onReassigned)
    {
        context.SetCustomStatus(step);
        while (true)
        {
            using var cancelWaits = new CancellationTokenSource();
            var submitted = context.WaitForExternalEvent<TSubmitted>(submittedEvent, cancelWaits.Token);
            var closed = context.WaitForExternalEvent<TClosed>(closedEvent, cancelWaits.Token);
            var reassigned = context.WaitForExternalEvent<ManagerReassignedEvent>(WorkflowEvents.ManagerReassigned, cancelWaits.Token);
            var winner = await Task.WhenAny(submitted, closed, reassigned);
            // Synchronously: CancelAsync runs callbacks on the thread pool, and an orchestration may only await durable tasks.
            cancelWaits.Cancel();
            if (winner == submitted)
            {
                return true;
            }

            if (winner == closed)
            {
                return false;
            }

            onReassigned();
            await steps.CallAsync<bool>(nameof(ReassignManager), await reassigned);
        }
    }
}
