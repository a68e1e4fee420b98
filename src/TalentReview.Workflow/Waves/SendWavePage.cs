using TalentReview.Domain.Decisions;
using TalentReview.Domain.Planning;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;
using NotificationLevel = TalentReview.Workflow.Notifications.EscalationLevel;

namespace TalentReview.Workflow.Waves;

/// <summary>
/// Sends one page of a wave: reads recipients from the store from the cursor on until it has
/// <see cref="MaxRecipients"/> messages (one per person) or the source ends, and hands them to the
/// email port in one call. Idempotent through the messages' dedupe keys.
/// </summary>
public sealed class SendWavePage(ReviewStore store, IEmailSender email, WorkflowLinks links, TimeProvider time) : TaskActivity<WaveRequest, WavePageResult>
{
    /// <summary>The SendGrid limit of personalizations per API call.</summary>
    public const int MaxRecipients = 1000;

    public override async Task<WavePageResult> RunAsync(TaskActivityContext context, WaveRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var cancellation = CancellationToken.None;
        var cycle = await store.GetCycleAsync(input.CycleId, cancellation) ?? throw new InvalidOperationException($"Cycle {input.CycleId} is not stored.");
        var page = input.Kind switch
        {
            WaveKind.SelfAssessmentInvitation or WaveKind.SelfAssessmentReminder or WaveKind.EmployeeRelease or WaveKind.CycleCancelled
                => await FromParticipantsAsync(cycle, input, cancellation),
            WaveKind.ManagerDigest or WaveKind.ManagerReminder or WaveKind.ManagerOverdue or WaveKind.ManagerRelease
                => await FromTeamsAsync(cycle, input, cancellation),
            WaveKind.SkipLevelEscalation => await FromSkipLevelsAsync(cycle, input, cancellation),
            WaveKind.FollowUpReminder => await FromDecisionsAsync(cycle, input, cancellation),
            _ => throw new ArgumentOutOfRangeException(nameof(input), input.Kind, "Unknown wave kind."),
        };

        if (page.Messages.Count == 0)
        {
            return new WavePageResult(0, 0, 0, 0, page.NextCursor);
        }

        var result = await email.SendWaveAsync(new EmailWave(cycle.CycleId, cycle.Name, input.WaveId, page.Messages), cancellation);
        await RecordRefusalsAsync(cycle.CycleId, input.WaveId, page.Messages, result.Refused ?? [], cancellation);
        return new WavePageResult(page.Messages.Count, result.Sent, result.AlreadySent, result.ApiCalls, page.NextCursor);
    }

    /// <summary>What the provider refused stays with the person, for HR to see; the wave went on for everyone else.</summary>
    private async Task RecordRefusalsAsync(string cycleId, string waveId, IReadOnlyList<EmailMessage> messages, IReadOnlyList<RefusedEmail> refused, CancellationToken cancellation)
    {
        var byKey = messages.ToDictionary(m => m.DedupeKey, StringComparer.Ordinal);
        foreach (var refusal in refused)
        {
            var message = byKey.GetValueOrDefault(refusal.DedupeKey);
            await store.RecordDeliveryProblemAsync(
                new DeliveryProblemDocument(cycleId, refusal.PersonId, message?.To.Name ?? refusal.PersonId, message?.Content.Kind ?? default, waveId, refusal.Reason, time.GetUtcNow()),
                cancellation);
        }
    }

    private async Task<Page> FromParticipantsAsync(CycleDocument cycle, WaveRequest input, CancellationToken cancellation)
    {
        var schedule = CycleSchedule.From(cycle.Plan);
        var filter = input.Kind is WaveKind.SelfAssessmentInvitation or WaveKind.SelfAssessmentReminder
            ? new ParticipantFilter(SelfAssessment: StepState.Pending)
            : ParticipantFilter.All;
        if (input.Kind == WaveKind.SelfAssessmentReminder && schedule.DateOf(time.GetUtcNow()) > schedule.Step(StepKind.SelfAssessment).Deadline)
        {
            // A reminder that comes too late (a delayed timer, a replay) would announce a date that has passed.
            return new Page([], null);
        }

        var result = await store.QueryParticipantsAsync(cycle.CycleId, filter, input.Cursor, MaxRecipients, cancellation);
        var messages = result.Items.Select(item => item.Value).Select(p => Emails.To(cycle.CycleId, input.WaveId, p.Contact, input.Kind switch
        {
            WaveKind.SelfAssessmentInvitation => new SelfAssessmentInvitation(
                links.SelfAssessment(p, schedule.DeadlineEndsAt(StepKind.SelfAssessment)), schedule.Step(StepKind.SelfAssessment).Deadline),
            WaveKind.SelfAssessmentReminder => new SelfAssessmentReminder(
                links.SelfAssessment(p, schedule.DeadlineEndsAt(StepKind.SelfAssessment)), schedule.Step(StepKind.SelfAssessment).Deadline, DaysLeft(schedule, StepKind.SelfAssessment)),
            WaveKind.EmployeeRelease => new EmployeeRelease(links.EmployeeOutcome(p, time.GetUtcNow())),
            _ => (EmailContent)new CycleCancelled(cycle.CancelReason ?? string.Empty),
        })).ToList();
        return new Page(messages, result.NextAfterId);
    }

    private async Task<Page> FromTeamsAsync(CycleDocument cycle, WaveRequest input, CancellationToken cancellation)
    {
        var schedule = CycleSchedule.From(cycle.Plan);
        var linkExpiry = schedule.DeadlineEndsAt(StepKind.ManagerInput);
        var due = schedule.ManagerInputDueOn(time.GetUtcNow());
        var messages = new List<EmailMessage>();
        var cursor = input.Cursor;
        while (messages.Count < MaxRecipients)
        {
            var result = await store.QueryTeamsAsync(cycle.CycleId, cursor, MaxRecipients - messages.Count, cancellation);
            var teams = result.Items.Select(i => i.Value).ToList();

            // The page's reports in one query (only those still pending, except for the release):
            // the participant's manager is the truth, a team's report list only grows.
            var release = input.Kind == WaveKind.ManagerRelease;
            var reports = (await store.GetReportsOfAsync(cycle.CycleId, [.. teams.Select(t => t.ManagerId)], release ? null : StepState.Pending, cancellation))
                .ToLookup(p => p.ManagerId, StringComparer.Ordinal);
            foreach (var team in teams)
            {
                var current = reports[team.ManagerId].ToList();
                var pending = current.Where(p => p.ManagerInputState == StepState.Pending).OrderBy(p => p.EmployeeId, StringComparer.Ordinal).Select(p => p.Name).ToList();
                EmailContent? content = input.Kind switch
                {
                    WaveKind.ManagerRelease when current.Count > 0 => new ManagerRelease(links.TeamOutcomes(cycle.CycleId, team.ManagerId, time.GetUtcNow()), current.Count),
                    WaveKind.ManagerRelease => null,
                    _ when pending.Count == 0 || due is null => null,
                    _ => new ManagerDigest(links.Team(cycle.CycleId, team.ManagerId, linkExpiry), due.Value, pending, input.Kind != WaveKind.ManagerDigest),
                };
                if (content is not null)
                {
                    messages.Add(Emails.To(cycle.CycleId, input.WaveId, team.Manager, content));
                }
            }

            cursor = result.NextAfterId;
            if (cursor is null)
            {
                break;
            }
        }

        return new Page(messages, cursor);
    }

    private async Task<Page> FromSkipLevelsAsync(CycleDocument cycle, WaveRequest input, CancellationToken cancellation)
    {
        var schedule = CycleSchedule.From(cycle.Plan);
        var linkExpiry = schedule.DeadlineEndsAt(StepKind.ManagerInput);
        if (schedule.ManagerInputDueOn(time.GetUtcNow()) is not { } due)
        {
            return new Page([], null);
        }

        var messages = new List<EmailMessage>();
        var cursor = input.Cursor;
        while (messages.Count < MaxRecipients)
        {
            var result = await store.QuerySkipLevelsAsync(cycle.CycleId, cursor, Math.Min(100, MaxRecipients - messages.Count), cancellation);
            var skipLevels = result.Items.Select(i => i.Value).ToList();

            // The pending reports of the page's managers in a query per thousand managers, not a read per report.
            var pendingByManager = new Dictionary<string, List<ParticipantDocument>>(StringComparer.Ordinal);
            foreach (var managers in skipLevels.SelectMany(s => s.ManagerIds).Distinct(StringComparer.Ordinal).Chunk(DocumentRules.MaxAnyOfValues))
            {
                foreach (var report in await store.GetReportsOfAsync(cycle.CycleId, managers, StepState.Pending, cancellation))
                {
                    (pendingByManager.TryGetValue(report.ManagerId!, out var reports) ? reports : pendingByManager[report.ManagerId!] = []).Add(report);
                }
            }

            foreach (var skipLevel in skipLevels)
            {
                var overdueManagers = new List<string>();
                var overdueReports = new List<ParticipantDocument>();
                foreach (var managerId in skipLevel.ManagerIds)
                {
                    if (!pendingByManager.TryGetValue(managerId, out var pending) || await store.GetTeamAsync(cycle.CycleId, managerId, cancellation) is not { } team)
                    {
                        continue;
                    }

                    overdueManagers.Add(team.Manager.Name);
                    overdueReports.AddRange(pending.OrderBy(p => p.EmployeeId, StringComparer.Ordinal));
                }

                if (overdueReports.Count == 0)
                {
                    continue;
                }

                foreach (var report in overdueReports)
                {
                    await store.UpdateParticipantAsync(cycle.CycleId, report.EmployeeId, p => p.Escalation < EscalationStage.SkipLevelManager
                        ? p with { Escalation = EscalationStage.SkipLevelManager }
                        : null, cancellation);
                }

                messages.Add(Emails.To(cycle.CycleId, input.WaveId, skipLevel.SkipLevel, new EscalationNotice(
                    links.Escalation(cycle.CycleId, skipLevel.SkipLevelId, skipLevel.SkipLevelId, linkExpiry),
                    NotificationLevel.SkipLevelManager,
                    string.Join(", ", overdueManagers),
                    overdueReports.Select(r => r.Name).ToList(),
                    due)));
            }

            cursor = result.NextAfterId;
            if (cursor is null)
            {
                break;
            }
        }

        return new Page(messages, cursor);
    }

    /// <summary>Follow-ups per plan decision; the cursor is the next decision chunk of the group.</summary>
    private async Task<Page> FromDecisionsAsync(CycleDocument cycle, WaveRequest input, CancellationToken cancellation)
    {
        var groupId = input.GroupId ?? throw new ArgumentException("A follow-up wave names its group.", nameof(input));
        var due = input.FollowUpDate ?? throw new ArgumentException("A follow-up wave names its date.", nameof(input));
        var group = await store.GetGroupAsync(cycle.CycleId, groupId, cancellation) ?? throw new InvalidOperationException($"Group {groupId} is not stored.");
        var chunk = input.Cursor is null ? 0 : int.Parse(input.Cursor, System.Globalization.CultureInfo.InvariantCulture);
        var messages = new List<EmailMessage>();
        for (; chunk < group.Chunks && messages.Count + ReviewStore.ChunkSize <= MaxRecipients; chunk++)
        {
            var decisions = await store.GetDecisionsAsync(cycle.CycleId, groupId, chunk, cancellation);
            foreach (var (decision, plan) in (decisions?.Decisions ?? []).Select(d => (d, Plan: PlanOf(d, due))).Where(x => x.Plan is not null))
            {
                var (kind, number) = plan!.Value;
                var participant = await store.GetParticipantAsync(cycle.CycleId, decision.EmployeeId, cancellation);
                var manager = participant?.ManagerId is { } managerId ? await store.GetTeamAsync(cycle.CycleId, managerId, cancellation) : null;
                if (participant is null || manager is null)
                {
                    continue;
                }

                // A manager may follow up several plans on one date: one email per plan, each with its own key.
                messages.Add(Emails.To(cycle.CycleId, $"{input.WaveId}-{participant.EmployeeId}", manager.Manager, new FollowUpReminder(
                    links.FollowUp(cycle.CycleId, participant.EmployeeId, manager.ManagerId, new DateTimeOffset(cycle.Plan.Time.At(due), TimeSpan.Zero)),
                    participant.Name,
                    kind,
                    due,
                    number)));
            }
        }

        return new Page(messages, chunk < group.Chunks ? chunk.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    /// <summary>The plan a decision follows up on <paramref name="due"/>, and which follow-up (1-based) that is.</summary>
    internal static (FollowUpPlan Plan, int Number)? PlanOf(Decision decision, DateOnly due) => decision switch
    {
        DevelopmentPlanDecision d when d.FollowUps.Contains(due) => (FollowUpPlan.DevelopmentPlan, d.FollowUps.Order().ToList().IndexOf(due) + 1),
        PerformanceImprovementPlanDecision d when d.FollowUps.Contains(due) => (FollowUpPlan.ImprovementPlan, d.FollowUps.Order().ToList().IndexOf(due) + 1),
        _ => null,
    };

    private int DaysLeft(CycleSchedule schedule, StepKind step)
        => Math.Max(0, schedule.Step(step).Deadline.DayNumber - schedule.DateOf(time.GetUtcNow()).DayNumber);

    private sealed record Page(IReadOnlyList<EmailMessage> Messages, string? NextCursor);
}
