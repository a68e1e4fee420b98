using System.Globalization;
using TalentReview.Domain;
using TalentReview.Domain.Planning;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.UseCases;

/// <summary>
/// HR nudges one person now: an employee gets the self-assessment reminder, a manager the reminder digest of their reports
/// still waiting for input; each with its deadline in the organisation's zone and a freshly signed link. The request key
/// is part of the email's dedupe key, so the same request sent twice (a double click, a retry) sends one email.
/// </summary>
public sealed class NudgeCommands(ReviewStore store, IEmailSender email, WorkflowLinks links, TimeProvider time)
{
    public const string StepClosedCode = "stepClosed";
    public const string AlreadySubmittedCode = "alreadySubmitted";
    public const string NothingPendingCode = "nothingPending";
    public const string NotOpenYetCode = "notOpenYet";
    public const int MaxRequestKeyLength = 100;

    public async Task<CommandResult> NudgeAsync(string cycleId, NudgeTarget target, string personId, string requestKey, string nudgedBy, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(requestKey) || requestKey.Length > MaxRequestKeyLength || !requestKey.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return CommandResult.Invalid([new ValidationError(nameof(requestKey), "invalid", $"A nudge's request key is 1 to {MaxRequestKeyLength} letters, digits or dashes.")]);
        }

        var cycle = await store.GetCycleAsync(cycleId, cancellationToken);
        if (cycle is null)
        {
            return CommandResult.NotFound(nameof(cycleId), "No such cycle.");
        }

        if (cycle.State is not (CycleState.Launched or CycleState.Running))
        {
            return CommandResult.NotAllowed(nameof(cycleId), "cycleClosed", $"The cycle is {cycle.State.ToString().ToLowerInvariant()}: nobody is nudged any more.");
        }

        var now = time.GetUtcNow();
        var schedule = CycleSchedule.From(cycle.Plan);
        var (recipient, content, refusal) = target == NudgeTarget.Person
            ? await PersonReminderAsync(cycle, schedule, personId, now, cancellationToken)
            : await ManagerReminderAsync(cycle, schedule, personId, now, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var waveId = $"nudge-{requestKey}";
        var message = Emails.To(cycleId, waveId, recipient!, content!);
        var result = await email.SendWaveAsync(new EmailWave(cycleId, cycle.Name, waveId, [message]), cancellationToken);
        if (result.Refused is [var refused, ..])
        {
            await store.RecordDeliveryProblemAsync(new DeliveryProblemDocument(cycleId, recipient!.Id, recipient.Name, content!.Kind, waveId, refused.Reason, now), cancellationToken);
            return CommandResult.NotAllowed(nameof(personId), "undeliverable", $"The email service refused the email to {recipient.Name}: {refused.Reason}");
        }

        if (result.Sent == 0)
        {
            return CommandResult.Repeated;
        }

        await store.RecordNudgeAsync(new NudgeDocument(cycleId, personId, target, now, nudgedBy), cancellationToken);
        return CommandResult.Done;
    }

    private async Task<(Contact?, EmailContent?, CommandResult?)> PersonReminderAsync(CycleDocument cycle, CycleSchedule schedule, string employeeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await store.GetParticipantAsync(cycle.CycleId, employeeId, cancellationToken) is not { } participant)
        {
            return (null, null, CommandResult.NotFound("employeeId", "No such participant in this cycle."));
        }

        var step = schedule.Step(StepKind.SelfAssessment);
        var today = schedule.DateOf(now);
        if (participant.SelfAssessmentState == StepState.Submitted)
        {
            return (null, null, CommandResult.NotAllowed("employeeId", AlreadySubmittedCode, $"{participant.Name} has already submitted their self-assessment."));
        }

        if (participant.SelfAssessmentState == StepState.Missing || today > step.Deadline)
        {
            return (null, null, CommandResult.NotAllowed("employeeId", StepClosedCode, $"The self-assessment closed on {Day(step.Deadline)}: {participant.Name} can no longer submit it."));
        }

        var content = new SelfAssessmentReminder(links.SelfAssessment(participant, schedule.DeadlineEndsAt(StepKind.SelfAssessment)), step.Deadline, step.Deadline.DayNumber - today.DayNumber);
        return (participant.Contact, content, null);
    }

    private async Task<(Contact?, EmailContent?, CommandResult?)> ManagerReminderAsync(CycleDocument cycle, CycleSchedule schedule, string managerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await store.GetTeamAsync(cycle.CycleId, managerId, cancellationToken) is not { } team)
        {
            return (null, null, CommandResult.NotFound("managerId", "No manager with reports in this cycle."));
        }

        var step = schedule.Step(StepKind.ManagerInput);
        if (schedule.DateOf(now) < step.Opens)
        {
            return (null, null, CommandResult.NotAllowed("managerId", NotOpenYetCode, $"Manager input opens on {Day(step.Opens)}."));
        }

        if (schedule.ManagerInputDueOn(now) is not { } due)
        {
            return (null, null, CommandResult.NotAllowed("managerId", StepClosedCode, $"Manager input closed on {Day(schedule.InputAcceptedUntil)}: {team.Manager.Name} can no longer give it."));
        }

        var pending = (await store.GetReportsOfAsync(cycle.CycleId, [managerId], StepState.Pending, cancellationToken))
            .Where(p => p.ManagerId == managerId)
            .OrderBy(p => p.EmployeeId, StringComparer.Ordinal)
            .Select(p => p.Name)
            .ToList();
        if (pending.Count == 0)
        {
            return (null, null, CommandResult.NotAllowed("managerId", NothingPendingCode, $"{team.Manager.Name} has given every input due: no report is waiting."));
        }

        var content = new ManagerDigest(links.Team(cycle.CycleId, managerId, schedule.DeadlineEndsAt(StepKind.ManagerInput)), due, pending, IsReminder: true);
        return (team.Manager, content, null);
    }

    private static string Day(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
