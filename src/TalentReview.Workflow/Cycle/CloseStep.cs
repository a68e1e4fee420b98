using TalentReview.Domain.Planning;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Workflow.Cycle;

public sealed record CloseStepRequest(string CycleId, StepKind Step);

/// <param name="Reconciled">Submissions that were stored but not yet signalled (a failure between storing and raising); signalled now.</param>
/// <param name="Missing">Reviews that go on without this step, visibly (the participant says Missing).</param>
public sealed record CloseStepResult(int Reconciled, int Missing);

/// <summary>
/// Closes the self-assessment or manager-input step at its deadline: every participant still
/// pending either has a stored submission (signalled now: nothing submitted is lost) or is marked
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
        var filter = self ? new ParticipantFilter(SelfAssessment: StepState.Pending) : new ParticipantFilter(ManagerInput: StepState.Pending);
        var (reconciled, missing) = (0, 0);
        string? after = null;
        do
        {
            var page = await store.QueryParticipantsAsync(input.CycleId, filter, after, PageSize, cancellation);
            foreach (var participant in page.Items.Select(i => i.Value))
            {
                if (await TryReconcileAsync(input.CycleId, participant.EmployeeId, self, cancellation))
                {
                    reconciled++;
                    continue;
                }

                missing++;
                await CloseAsync(input.CycleId, participant.EmployeeId, self, cancellation);
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        return new CloseStepResult(reconciled, missing);
    }

    private async Task<bool> TryReconcileAsync(string cycleId, string employeeId, bool self, CancellationToken cancellation)
    {
        if (self)
        {
            var submission = await store.GetSelfAssessmentAsync(cycleId, employeeId, cancellation);
            if (submission?.SubmittedAt is { } at)
            {
                await SubmissionCommands.SignalSelfAssessmentAsync(store, client, cycleId, employeeId, at, cancellation);
                return true;
            }

            return false;
        }

        var input = await store.GetManagerInputAsync(cycleId, employeeId, cancellation);
        if (input is { SubmittedAt: { } submittedAt, SubmittedBy: { } by })
        {
            await SubmissionCommands.SignalManagerInputAsync(store, client, cycleId, employeeId, by, submittedAt, cancellation);
            return true;
        }

        return false;
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
