using TalentReview.Domain;
using TalentReview.Domain.Forms;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.EmployeeReview;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.UseCases;

/// <summary>
/// What employees and managers do through their links. A submission and its step's mark are committed
/// in one atomic write; then the review's event is raised. A crash after the commit leaves the step
/// submitted (no reminder, no escalation) and the review still waiting for the step (its custom status,
/// see <see cref="ReviewAwaiting"/>): a repeated submission or the step's close raises the event then.
/// A repeated submission is recorded but never replaces the first nor takes effect twice.
/// </summary>
public sealed class SubmissionCommands(ReviewStore store, DurableTaskClient client, TimeProvider time)
{
    /// <summary>The code of the refusal of a write to a step that closed.</summary>
    public const string StepClosedCode = "stepClosed";

    /// <param name="shown">What the form was shown with, when known: the save then skips a read.</param>
    public async Task<CommandResult> SaveSelfAssessmentDraftAsync(
        string cycleId, string employeeId, SelfAssessment draft, ShownDraft? shown = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return await WithParticipantAsync(cycleId, employeeId, p => SaveSelfAssessmentDraftAsync(p, draft, shown, cancellationToken), cancellationToken);
    }

    /// <summary>Saves a draft for the participant as the caller just read them (a link's page reads them anyway).</summary>
    public async Task<CommandResult> SaveSelfAssessmentDraftAsync(
        StoredDocument<ParticipantDocument> participant, SelfAssessment draft, ShownDraft? shown = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.ValidateDraft() is { Count: > 0 } sizeErrors)
        {
            return CommandResult.Invalid(sizeErrors);
        }

        if (participant.Value.SelfAssessmentState == StepState.Missing)
        {
            return SelfAssessmentClosed;
        }

        var (cycleId, employeeId) = (participant.Value.CycleId, participant.Value.EmployeeId);
        var now = time.GetUtcNow();
        var saved = await store.UpdateSelfAssessmentAsync(cycleId, employeeId, current => current switch
        {
            null => new SelfAssessmentDocument(cycleId, employeeId, draft, null, null, now),
            { Submitted: not null } => null,
            _ => current with { Draft = draft, UpdatedAt = now },
        }, shown, cancellationToken);
        return saved?.Submitted is not null
            ? CommandResult.NotAllowed(nameof(draft), "alreadySubmitted", "The self-assessment was already submitted.")
            : CommandResult.Done;
    }

    /// <param name="shown">What the form was shown with, when known: the submission then skips a read.</param>
    public async Task<CommandResult> SubmitSelfAssessmentAsync(
        string cycleId, string employeeId, SelfAssessment submission, ShownDraft? shown = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);

        // An invalid form is refused before anything is read: it costs the store nothing.
        var errors = Validate(submission.EmployeeId, employeeId, submission.Validate());
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        return await WithParticipantAsync(cycleId, employeeId, p => SubmitValidSelfAssessmentAsync(p, submission, shown, cancellationToken), cancellationToken);
    }

    /// <summary>Submits for the participant as the caller just read them; their ETag guards the step's mark.</summary>
    public async Task<CommandResult> SubmitSelfAssessmentAsync(
        StoredDocument<ParticipantDocument> read, SelfAssessment submission, ShownDraft? shown = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(submission);
        var errors = Validate(submission.EmployeeId, read.Value.EmployeeId, submission.Validate());
        return errors.Count > 0 ? CommandResult.Invalid(errors) : await SubmitValidSelfAssessmentAsync(read, submission, shown, cancellationToken);
    }

    private async Task<CommandResult> SubmitValidSelfAssessmentAsync(
        StoredDocument<ParticipantDocument> read, SelfAssessment submission, ShownDraft? shown, CancellationToken cancellationToken)
    {
        var participant = read.Value;
        if (participant.SelfAssessmentState == StepState.Missing)
        {
            return SelfAssessmentClosed;
        }

        var (cycleId, employeeId) = (participant.CycleId, participant.EmployeeId);
        var now = time.GetUtcNow();
        var repeated = false;
        var commit = await store.UpdateSelfAssessmentWithParticipantAsync(read, current =>
        {
            repeated = current?.Submitted is not null;
            return repeated
                ? current! with { RepeatedSubmissions = current.RepeatedSubmissions + 1, UpdatedAt = now }
                : new SelfAssessmentDocument(cycleId, employeeId, null, submission, now, now);
        }, p => p.SelfAssessmentState == StepState.Pending ? p with { SelfAssessmentState = StepState.Submitted } : null, shown, cancellationToken);

        // Also when repeated, if the review still waits: a first submission whose event was lost in a crash is signalled now.
        if (!repeated || await client.ReviewAwaitsAsync(cycleId, employeeId, ReviewAwaiting.SelfAssessment, cancellationToken))
        {
            await RaiseSelfAssessmentSubmittedAsync(client, cycleId, employeeId, commit.Document?.SubmittedAt ?? now, cancellationToken);
        }

        return repeated ? CommandResult.Repeated : CommandResult.Done;
    }

    /// <param name="shown">What the form was shown with, when known: the save then skips a read.</param>
    public async Task<CommandResult> SaveManagerInputDraftAsync(
        string cycleId, string employeeId, string actorId, ManagerInput draft, ShownDraft? shown = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return await WithParticipantAsync(cycleId, employeeId, p => SaveManagerInputDraftAsync(p, actorId, draft, shown, cancellationToken), cancellationToken);
    }

    /// <summary>Saves a draft for the participant as the caller just read them, when <paramref name="actorId"/> may give their input.</summary>
    public async Task<CommandResult> SaveManagerInputDraftAsync(
        StoredDocument<ParticipantDocument> participant, string actorId, ManagerInput draft, ShownDraft? shown = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participant);
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.ValidateDraft() is { Count: > 0 } sizeErrors)
        {
            return CommandResult.Invalid(sizeErrors);
        }

        if (participant.Value.ManagerInputState == StepState.Missing)
        {
            return ManagerInputClosed;
        }

        if (await RefuseUnlessManagerAsync(participant.Value, actorId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var (cycleId, employeeId) = (participant.Value.CycleId, participant.Value.EmployeeId);
        var now = time.GetUtcNow();
        var saved = await store.UpdateManagerInputAsync(cycleId, employeeId, current => current switch
        {
            null => new ManagerInputDocument(cycleId, employeeId, draft, null, null, null, now),
            { Submitted: not null } => null,
            _ => current with { Draft = draft, UpdatedAt = now },
        }, shown, cancellationToken);
        return saved?.Submitted is not null
            ? CommandResult.NotAllowed(nameof(draft), "alreadySubmitted", "The input for this report was already submitted.")
            : CommandResult.Done;
    }

    /// <param name="actorId">Who submits: the report's manager, or after an escalation the skip-level manager or an HR user.</param>
    /// <param name="shown">What the form was shown with, when known: the submission then skips a read.</param>
    public async Task<CommandResult> SubmitManagerInputAsync(
        string cycleId, string employeeId, string actorId, ManagerInput submission, ShownDraft? shown = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);

        // An invalid form is refused before anything is read: it costs the store nothing.
        var errors = Validate(submission.EmployeeId, employeeId, submission.Validate());
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        return await WithParticipantAsync(cycleId, employeeId, p => SubmitValidManagerInputAsync(p, actorId, submission, shown, cancellationToken), cancellationToken);
    }

    /// <summary>Submits for the participant as the caller just read them; their ETag guards the step's mark.</summary>
    public async Task<CommandResult> SubmitManagerInputAsync(
        StoredDocument<ParticipantDocument> read, string actorId, ManagerInput submission, ShownDraft? shown = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(submission);
        var errors = Validate(submission.EmployeeId, read.Value.EmployeeId, submission.Validate());
        return errors.Count > 0 ? CommandResult.Invalid(errors) : await SubmitValidManagerInputAsync(read, actorId, submission, shown, cancellationToken);
    }

    private async Task<CommandResult> SubmitValidManagerInputAsync(
        StoredDocument<ParticipantDocument> read, string actorId, ManagerInput submission, ShownDraft? shown, CancellationToken cancellationToken)
    {
        var participant = read.Value;
        var (cycleId, employeeId) = (participant.CycleId, participant.EmployeeId);
        if (participant.ManagerInputState == StepState.Missing)
        {
            return ManagerInputClosed;
        }

        if (await RefuseUnlessManagerAsync(participant, actorId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var now = time.GetUtcNow();
        var repeated = false;
        var commit = await store.UpdateManagerInputWithParticipantAsync(read, current =>
        {
            repeated = current?.Submitted is not null;
            return repeated
                ? current! with { RepeatedSubmissions = current.RepeatedSubmissions + 1, UpdatedAt = now }
                : new ManagerInputDocument(cycleId, employeeId, null, submission, actorId, now, now);
        }, p => p.ManagerInputState == StepState.Pending ? p with { ManagerInputState = StepState.Submitted } : null, shown, cancellationToken);

        // Also when repeated, if the review still waits: a first submission whose event was lost in a crash is signalled now.
        if (!repeated || await client.ReviewAwaitsAsync(cycleId, employeeId, ReviewAwaiting.ManagerInput, cancellationToken))
        {
            await RaiseManagerInputSubmittedAsync(client, cycleId, employeeId, commit.Document?.SubmittedBy ?? actorId, commit.Document?.SubmittedAt ?? now, cancellationToken);
        }

        return repeated ? CommandResult.Repeated : CommandResult.Done;
    }

    /// <summary>Records that the employee saw their released outcome, with an optional comment; repeats are counted.</summary>
    public async Task<CommandResult> AcknowledgeOutcomeAsync(string cycleId, string employeeId, string? comment, CancellationToken cancellationToken = default)
    {
        // The index entry says released in a small read; only otherwise is the cycle itself asked (the entry may lag it).
        var state = (await store.GetCycleIndexAsync(cycleId, cancellationToken))?.State;
        if (state != CycleState.Released)
        {
            state = (await store.GetCycleAsync(cycleId, cancellationToken))?.State;
        }

        return state is { } known && await store.GetParticipantAsync(cycleId, employeeId, cancellationToken) is { } participant
            ? await AcknowledgeOutcomeAsync(participant, known, comment, cancellationToken)
            : NoSuchParticipant;
    }

    /// <summary>As above, for the participant and the cycle's state as the caller just read them (the outcome page reads both).</summary>
    public async Task<CommandResult> AcknowledgeOutcomeAsync(ParticipantDocument participant, CycleState cycleState, string? comment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(participant);
        if (cycleState != CycleState.Released)
        {
            return CommandResult.NotAllowed("cycleId", "notReleased", "The outcome has not been released yet.");
        }

        if (TextLimits.Check(nameof(comment), comment, TextLimits.LongText) is { } tooLong)
        {
            return CommandResult.Invalid([tooLong]);
        }

        var (cycleId, employeeId) = (participant.CycleId, participant.EmployeeId);
        var now = time.GetUtcNow();
        var repeated = false;
        await store.UpdateAcknowledgementAsync(cycleId, employeeId, current =>
        {
            repeated = current is not null;
            return current is null
                ? new AcknowledgementDocument(cycleId, employeeId, now, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim())
                : current with { RepeatedAcknowledgements = current.RepeatedAcknowledgements + 1 };
        }, cancellationToken);
        return repeated ? CommandResult.Repeated : CommandResult.Done;
    }

    /// <summary>
    /// Raises the review's event of a committed submission; also used by the step's close for events a
    /// crash lost. Raising twice is harmless: the review takes the first and never waits for the event again.
    /// A review not started yet (its group starts reviews in batches) reads the step state when it starts;
    /// one that has ended (its step closed in the meantime) keeps what was stored.
    /// </summary>
    internal static Task RaiseSelfAssessmentSubmittedAsync(DurableTaskClient client, string cycleId, string employeeId, DateTimeOffset submittedAt, CancellationToken cancellationToken)
        => client.TryRaiseEventAsync(InstanceIds.Review(cycleId, employeeId), WorkflowEvents.SelfAssessmentSubmitted, new SelfAssessmentSubmittedEvent(cycleId, employeeId, submittedAt), cancellationToken);

    internal static Task RaiseManagerInputSubmittedAsync(DurableTaskClient client, string cycleId, string employeeId, string submittedBy, DateTimeOffset submittedAt, CancellationToken cancellationToken)
        => client.TryRaiseEventAsync(InstanceIds.Review(cycleId, employeeId), WorkflowEvents.ManagerInputSubmitted, new ManagerInputSubmittedEvent(cycleId, employeeId, submittedBy, submittedAt), cancellationToken);

    /// <summary>
    /// A step closed at its deadline (the participant says Missing) takes no more writes: the review went
    /// on without it, and the ratings that calibration and the export use must stay as the step left them.
    /// </summary>
    private static CommandResult SelfAssessmentClosed { get; } = CommandResult.NotAllowed(
        "selfAssessment", StepClosedCode, "The self-assessment closed at its deadline; nothing was saved. Ask HR if something must still be added.");

    private static CommandResult ManagerInputClosed { get; } = CommandResult.NotAllowed(
        "managerInput", StepClosedCode, "The manager input step closed at its deadline; nothing was saved. Ask HR if something must still be added.");

    private static CommandResult NoSuchParticipant { get; } = CommandResult.NotFound("employeeId", "No such participant in this cycle.");

    /// <summary>Reads the participant for a caller that has not (no page before it), then acts on them.</summary>
    private async Task<CommandResult> WithParticipantAsync(
        string cycleId, string employeeId, Func<StoredDocument<ParticipantDocument>, Task<CommandResult>> act, CancellationToken cancellationToken)
        => await store.ReadParticipantAsync(cycleId, employeeId, cancellationToken) is { } participant ? await act(participant) : NoSuchParticipant;

    /// <summary>Null when <paramref name="actorId"/> may give the participant's manager input, else the refusal.</summary>
    private async Task<CommandResult?> RefuseUnlessManagerAsync(ParticipantDocument participant, string actorId, CancellationToken cancellationToken)
    {
        if (participant.ManagerId == actorId
            || (participant.Escalation >= EscalationStage.SkipLevelManager && participant.SkipLevelId == actorId))
        {
            return null;
        }

        if (participant.Escalation >= EscalationStage.HumanResources
            && await store.GetCycleAsync(participant.CycleId, cancellationToken) is { } cycle && cycle.Hr.Any(h => h.Id == actorId))
        {
            return null;
        }

        return CommandResult.NotAllowed(nameof(actorId), "notTheManager", "Only the employee's manager (or, after an escalation, the skip-level manager or HR) can give this input.");
    }

    private static List<ValidationError> Validate(string submittedFor, string employeeId, IReadOnlyList<ValidationError> formErrors)
    {
        var errors = formErrors.ToList();
        if (submittedFor != employeeId)
        {
            errors.Add(new ValidationError("employeeId", "mismatch", "The form is for another employee."));
        }

        return errors;
    }
}
