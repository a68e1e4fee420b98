using TalentReview.Domain.Planning;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.EmployeeReview;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Workflow.Cycle;

public sealed record CloseStepRequest(string CycleId, StepKind Step);

/// <param name="Reconciled">Submissions committed whose review still waited for the step (a crash lost the event); signalled now.</param>
/// <param name="Missing">Reviews that go on without this step, visibly (the participant says Missing).</param>
public sealed record CloseStepResult(int Reconciled, int Missing);

/// <summary>
/// Closes the self-assessment or manager-input step at its deadline: every submission whose review still
/// waits for the step (its custom status says so) is signalled (nothing submitted is lost), then every
/// participant still pending is marked missing and their review is told the step closed.
/// </summary>
public sealed class CloseStep(ReviewStore store, DurableTaskClient client) : TaskActivity<CloseStepRequest, CloseStepResult>
{
    private const int PageSize = 200;

    public override async Task<CloseStepResult> RunAsync(TaskActivityContext context, CloseStepRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var cancellation = CancellationToken.None;
        var self = input.Step == StepKind.SelfAssessment;
        var reconciled = 0;
        await foreach (var employeeId in client.EmployeesAwaitingAsync(input.CycleId, self ? ReviewAwaiting.SelfAssessment : ReviewAwaiting.ManagerInput, PageSize).WithCancellation(cancellation))
        {
            reconciled += await ReconcileAsync(input.CycleId, employeeId, self, cancellation) ? 1 : 0;
        }

        var pending = self ? new ParticipantFilter(SelfAssessment: StepState.Pending) : new ParticipantFilter(ManagerInput: StepState.Pending);
        var missing = await ForEachAsync(input.CycleId, pending, p => CloseAsync(input.CycleId, p.Value.EmployeeId, self, cancellation), cancellation);
        if (!self)
        {
            // Reviews of people without a manager wait for the close too; their input stays not applicable, never missing.
            await ForEachAsync(input.CycleId, new ParticipantFilter(ManagerInput: StepState.NotApplicable), async p => await client.TryRaiseEventAsync(
                InstanceIds.Review(input.CycleId, p.Value.EmployeeId), WorkflowEvents.ManagerInputClosed, new ManagerInputClosedEvent(input.CycleId, p.Value.EmployeeId), cancellation) == EventDelivery.Delivered, cancellation);
        }

        return new CloseStepResult(reconciled, missing);
    }

    /// <summary>Acts on every participant the filter finds; returns on how many it acted (<paramref name="act"/> says true).</summary>
    private async Task<int> ForEachAsync(string cycleId, ParticipantFilter filter, Func<StoredDocument<ParticipantDocument>, Task<bool>> act, CancellationToken cancellation)
    {
        var count = 0;
        string? after = null;
        do
        {
            var page = await store.QueryParticipantsAsync(cycleId, filter, after, PageSize, cancellation);
            foreach (var participant in page.Items)
            {
                count += await act(participant) ? 1 : 0;
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        return count;
    }

    /// <summary>Raises the event of a committed submission whose review still waits for the step (a crash lost it); false when nothing was submitted.</summary>
    private async Task<bool> ReconcileAsync(string cycleId, string employeeId, bool self, CancellationToken cancellation)
    {
        var participant = await store.GetParticipantAsync(cycleId, employeeId, cancellation);
        if ((self ? participant?.SelfAssessmentState : participant?.ManagerInputState) != StepState.Submitted)
        {
            return false;
        }

        if (self)
        {
            var submission = await store.GetSelfAssessmentAsync(cycleId, employeeId, cancellation)
                ?? throw new InvalidOperationException($"Participant {employeeId} of cycle {cycleId} is marked submitted but has no self-assessment.");
            await SubmissionCommands.RaiseSelfAssessmentSubmittedAsync(client, cycleId, employeeId, submission.SubmittedAt ?? submission.UpdatedAt, cancellation);
            return true;
        }

        var input = await store.GetManagerInputAsync(cycleId, employeeId, cancellation)
            ?? throw new InvalidOperationException($"Participant {employeeId} of cycle {cycleId} is marked submitted but has no manager input.");
        await SubmissionCommands.RaiseManagerInputSubmittedAsync(client, cycleId, employeeId, input.SubmittedBy ?? participant!.ManagerId ?? string.Empty, input.SubmittedAt ?? input.UpdatedAt, cancellation);
        return true;
    }

    private async Task<bool> CloseAsync(string cycleId, string employeeId, bool self, CancellationToken cancellation)
    {
        // A review not started yet reads the Missing state when it starts; one that has ended (a re-run
        // of this close after a crash) needs nothing more.
        await client.TryRaiseEventAsync(
            InstanceIds.Review(cycleId, employeeId),
            self ? WorkflowEvents.SelfAssessmentClosed : WorkflowEvents.ManagerInputClosed,
            self ? new SelfAssessmentClosedEvent(cycleId, employeeId) : new ManagerInputClosedEvent(cycleId, employeeId),
            cancellation);

        await store.UpdateParticipantAsync(cycleId, employeeId, p => self
            ? (p.SelfAssessmentState == StepState.Pending ? p with { SelfAssessmentState = StepState.Missing } : null)
            : (p.ManagerInputState == StepState.Pending ? p with { ManagerInputState = StepState.Missing } : null), cancellation);
        return true;
    }
}
