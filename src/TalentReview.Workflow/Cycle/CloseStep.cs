using TalentReview.Domain.Planning;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Workflow.Cycle;

public sealed record CloseStepRequest(string CycleId, StepKind Step);

/// <param name="Reconciled">Submissions committed whose event a crash left due; signalled now.</param>
/// <param name="Missing">Reviews that go on without this step, visibly (the participant says Missing).</param>
public sealed record CloseStepResult(int Reconciled, int Missing);

/// <summary>
/// Closes the self-assessment or manager-input step at its deadline: every submission whose event is
/// still due is signalled (nothing submitted is lost), then every participant still pending is marked
/// missing and their review is told the step closed.
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
        var due = self ? new ParticipantFilter(SelfAssessmentSignal: ReviewSignal.Due) : new ParticipantFilter(ManagerInputSignal: ReviewSignal.Due);
        var reconciled = await ForEachAsync(input.CycleId, due, p => SignalAsync(p, self, cancellation), cancellation);
        var pending = self ? new ParticipantFilter(SelfAssessment: StepState.Pending) : new ParticipantFilter(ManagerInput: StepState.Pending);
        var missing = await ForEachAsync(input.CycleId, pending, p => CloseAsync(input.CycleId, p.Value.EmployeeId, self, cancellation), cancellation);
        if (!self)
        {
            // Reviews of people without a manager wait for the close too; their input stays not applicable, never missing.
            await ForEachAsync(input.CycleId, new ParticipantFilter(ManagerInput: StepState.NotApplicable), p => client.TryRaiseEventAsync(
                InstanceIds.Review(input.CycleId, p.Value.EmployeeId), WorkflowEvents.ManagerInputClosed, new ManagerInputClosedEvent(input.CycleId, p.Value.EmployeeId), cancellation), cancellation);
        }

        return new CloseStepResult(reconciled, missing);
    }

    private async Task<int> ForEachAsync(string cycleId, ParticipantFilter filter, Func<StoredDocument<ParticipantDocument>, Task> act, CancellationToken cancellation)
    {
        var count = 0;
        string? after = null;
        do
        {
            var page = await store.QueryParticipantsAsync(cycleId, filter, after, PageSize, cancellation);
            foreach (var participant in page.Items)
            {
                await act(participant);
                count++;
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        return count;
    }

    private async Task SignalAsync(StoredDocument<ParticipantDocument> participant, bool self, CancellationToken cancellation)
    {
        var (cycleId, employeeId) = (participant.Value.CycleId, participant.Value.EmployeeId);
        if (self)
        {
            var submission = await store.GetSelfAssessmentAsync(cycleId, employeeId, cancellation)
                ?? throw new InvalidOperationException($"Participant {participant.Key} has a self-assessment event due but no self-assessment.");
            await SubmissionCommands.SignalSelfAssessmentAsync(store, client, cycleId, employeeId, submission.SubmittedAt ?? submission.UpdatedAt, cancellation, participant);
            return;
        }

        var input = await store.GetManagerInputAsync(cycleId, employeeId, cancellation)
            ?? throw new InvalidOperationException($"Participant {participant.Key} has a manager input event due but no manager input.");
        await SubmissionCommands.SignalManagerInputAsync(store, client, cycleId, employeeId, input.SubmittedBy ?? participant.Value.ManagerId ?? string.Empty, input.SubmittedAt ?? input.UpdatedAt, cancellation, participant);
    }

    private async Task CloseAsync(string cycleId, string employeeId, bool self, CancellationToken cancellation)
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
    }
}
