using Microsoft.Extensions.DependencyInjection;
using TalentReview.Domain;
using TalentReview.Domain.Demo;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Calibration;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Talent.History;
using TalentReview.Workflow.Tests.Support;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Workflow.Tests.Scenarios;

/// <summary>
/// Whole cycles written against <see cref="ICycleScenarioHost"/> only (client, services, clock), so
/// any engine can run them. Each step acts as people would, through the use cases, then checks
/// what the store, the emails and the orchestrations show.
/// </summary>
public static class CycleScenarios
{
    private static readonly Contact Hr = new("hr1", "Hanne HR", "hr@review.example.test", Language.Nl);
    private static readonly Contact Leader = new("lead1", "Luc Leader", "lead@review.example.test", Language.Fr);

    /// <summary>
    /// Six weeks for 50 people: some self-assessments missed (the review goes on, visibly), reminders
    /// (one digest per manager per wave), a deadline extension, a manager change, a manager who never
    /// answers (escalated to the skip level, then HR), calibration with a move, decisions, release,
    /// an acknowledgement, and follow-ups months later.
    /// </summary>
    public static async Task SixWeekCycleAsync(ICycleScenarioHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (cycles, submissions, calibration, queries, store, email) = Services(host);
        var release = host.Services.GetRequiredService<ReleaseCommands>();
        var start = DateOnly.FromDateTime(host.Now.UtcDateTime);
        var organisation = DemoOrganisation.Generate(50, 7, start);
        var roster = organisation.ToRoster();
        var plan = CyclePlan.Default("Review 2026", start, roster, [Hr.Id]);

        var launched = await cycles.LaunchCycleAsync(new LaunchCycleRequest(plan, roster, [Hr], [Leader], Hr.Id, "scenario1"));
        Assert.True(launched.Succeeded, string.Join("; ", launched.Errors.Select(e => e.Message)));
        var cycleId = launched.Value!;
        await host.RunUntilAsync(At(start, 1));
        await AssertNotFailedAsync(host, InstanceIds.Cycle(cycleId));

        var participants = await AllParticipantsAsync(store, cycleId);
        Assert.NotEmpty(participants);
        Assert.Equal(participants.Select(p => p.EmployeeId).Order(), Recipients(email, "sa-invite"));

        // Every fourth participant never writes a self-assessment.
        var writers = participants.Where((_, i) => i % 4 != 0).Select(p => p.EmployeeId);
        var submittedSelf = new HashSet<string>();
        foreach (var assessment in organisation.GenerateSelfAssessments(writers, 11))
        {
            Assert.Equal(CommandStatus.Succeeded, (await submissions.SubmitSelfAssessmentAsync(cycleId, assessment.EmployeeId, assessment)).Status);
            submittedSelf.Add(assessment.EmployeeId);
        }

        var skippers = participants.Select(p => p.EmployeeId).Where(id => !submittedSelf.Contains(id)).ToHashSet();

        await host.RunUntilAsync(At(start, 3));
        var selfDeadline = plan.Step(StepKind.SelfAssessment)!.Deadline.AddDays(2);
        Assert.Equal(CommandStatus.Succeeded, (await cycles.ExtendDeadlineAsync(cycleId, StepKind.SelfAssessment, selfDeadline, Hr.Id)).Status);

        // Manager digests open on day 7: one email per manager, listing every pending report.
        await host.RunUntilAsync(At(start, 8));
        AssertOneEmailPerPersonPerWave(email);
        var managersWithReports = participants.Where(p => p.ManagerId is not null).Select(p => p.ManagerId!).Distinct().Order().ToList();
        Assert.Equal(managersWithReports, Recipients(email, "mi-digest"));

        // A manager change: the report moves to another manager, who is told.
        var teams = participants.Where(p => p.ManagerId is not null).GroupBy(p => p.ManagerId!).Where(t => t.Count() >= 2).OrderBy(t => t.Key).ToList();
        var moved = teams[0].First();
        var newManager = teams[^1].Key;
        Assert.Equal(CommandStatus.Succeeded, (await cycles.ReassignManagerAsync(cycleId, moved.EmployeeId, newManager, Hr.Id)).Status);
        await host.RunUntilAsync(At(start, 8).AddHours(1));
        Assert.Equal(newManager, (await store.GetParticipantAsync(cycleId, moved.EmployeeId))!.ManagerId);
        Assert.Contains(email.Sent(EmailKind.ManagerReassigned), m => m.To.PersonId == newManager);

        // Every manager answers, except one who has a skip-level manager.
        participants = await AllParticipantsAsync(store, cycleId);
        var silent = participants.Where(p => p.ManagerId is not null && p.SkipLevelId is not null && p.ManagerId != newManager).Select(p => p.ManagerId!).First();
        var answered = participants.Where(p => p.ManagerId is not null && p.ManagerId != silent).ToList();
        var managerOf = answered.ToDictionary(p => p.EmployeeId, p => p.ManagerId!);
        var requestedBeforeAnswers = email.Requested.Count;
        foreach (var generated in organisation.GenerateManagerInputs(managerOf.Keys, 13))
        {
            var input = generated with { ManagerId = managerOf[generated.EmployeeId] };
            Assert.Equal(CommandStatus.Succeeded, (await submissions.SubmitManagerInputAsync(cycleId, input.EmployeeId, input.ManagerId, input)).Status);
        }

        // Past the manager deadline: escalation to the skip level, then HR; then input closes.
        var closeAt = CycleTimeline.Plan(CycleSchedule.From(plan with { Steps = [.. plan.Steps.Select(s => s.Kind == StepKind.SelfAssessment ? s with { Deadline = selfDeadline } : s)] }))
            .Single(m => m.Action == MilestoneAction.CloseInput).At;
        await host.RunUntilAsync(new DateTimeOffset(closeAt, TimeSpan.Zero).AddHours(1));
        AssertOneEmailPerPersonPerWave(email);

        participants = await AllParticipantsAsync(store, cycleId);
        Assert.Equal(skippers.Order(), participants.Where(p => p.SelfAssessmentState == StepState.Missing).Select(p => p.EmployeeId).Order());
        Assert.All(email.Requested.Where(r => r.Message.Content is SelfAssessmentReminder), r => Assert.Contains(r.Message.To.PersonId, skippers));
        Assert.Contains(email.Requested, r => r.WaveId.StartsWith("sa-reminder-2-", StringComparison.Ordinal) && r.WaveId.EndsWith($"{selfDeadline:yyyyMMdd}", StringComparison.Ordinal));
        var silentReports = participants.Where(p => p.ManagerId == silent).ToList();
        Assert.All(silentReports, p => Assert.Equal(StepState.Missing, p.ManagerInputState));
        Assert.Contains(email.Sent(EmailKind.Escalation), m => m.To.PersonId == silentReports[0].SkipLevelId);
        var toSkipLevel = (EscalationNotice)email.Sent(EmailKind.Escalation).First(m => m.To.PersonId == silentReports[0].SkipLevelId).Content;
        Assert.Subset(toSkipLevel.OverdueReportNames.ToHashSet(), silentReports.Select(p => p.Name).ToHashSet());
        Assert.All(silentReports, p => Assert.Equal(EscalationStage.HumanResources, p.Escalation));
        Assert.Contains(email.Sent(EmailKind.Escalation), m => m.To.PersonId == Hr.Id);
        Assert.Contains(email.Requested, r => r.WaveId.StartsWith("mi-reminder-", StringComparison.Ordinal) && r.Message.To.PersonId == silent);

        // The top of the organisation has no manager: their input is not applicable, never missing nor escalated, and HR's counts leave it out.
        var top = Assert.Single(participants, p => p.ManagerId is null);
        Assert.Equal((StepState.NotApplicable, EscalationStage.None), (top.ManagerInputState, top.Escalation));
        Assert.All(email.Sent(EmailKind.Escalation), m => Assert.DoesNotContain(top.Name, ((EscalationNotice)m.Content).OverdueReportNames));
        var live = (await queries.GetCycleStatusAsync(cycleId))!.Live;
        Assert.Equal(participants.Count - 1, live.ManagerInput.Total);
        Assert.Equal(participants.Count(p => p.ManagerInputState == StepState.Missing), live.ManagerInput.Late + live.ManagerInput.Escalated);
        Assert.Equal(ProgressStatus.NotApplicable, Assert.Single(live.WithoutManager).ManagerInput);

        // Later reminders go only to managers with input still pending (it went missing at the close), naming exactly those reports.
        var lateReminders = email.Requested.Skip(requestedBeforeAnswers).Where(r => r.WaveId.StartsWith("mi-reminder-", StringComparison.Ordinal) && r.Message.Content is ManagerDigest).ToList();
        var unanswered = participants.Where(p => p.ManagerId is not null && p.ManagerInputState == StepState.Missing).ToLookup(p => p.ManagerId!);
        Assert.Equal(unanswered.Select(g => g.Key).Order(), lateReminders.Select(r => r.Message.To.PersonId).Distinct().Order());
        Assert.All(lateReminders, r => Assert.Equal(unanswered[r.Message.To.PersonId].Select(p => p.Name).Order(), ((ManagerDigest)r.Message.Content).PendingReportNames.Order()));

        // Calibration: every board is open; one card moves with a reason; every group approves.
        var groups = await AllGroupsAsync(store, cycleId);
        Assert.All(groups, g => Assert.Equal(GroupPhase.Calibrating, g.Phase));
        Assert.NotEmpty(email.Sent(EmailKind.CalibrationReady));
        var board = groups[0];
        var card = (await store.GetCardsAsync(cycleId, board.GroupId, 0))!.Cards.First(c => c.Current is not null);
        var target = card.Current!.Value.Box == GridBox.Star ? GridBox.CorePlayer : GridBox.Star;
        var move = await calibration.MoveCardAsync(cycleId, board.GroupId, card.EmployeeId, GridPosition.Of(target), "Led the warehouse migration across both sites.", Hr.Id);
        Assert.Equal(CommandStatus.Succeeded, move.Status);
        foreach (var group in groups)
        {
            // The holding area is placed first (approval is refused while it is not); then the quorum: HR
            // facilitates, and one member approves with it; one approval alone leaves the board open.
            for (var chunk = 0; chunk < group.Chunks; chunk++)
            {
                foreach (var waiting in (await store.GetCardsAsync(cycleId, group.GroupId, chunk))!.Cards.Where(c => c.InHoldingArea))
                {
                    var placed = await calibration.MoveCardAsync(cycleId, group.GroupId, waiting.EmployeeId, GridPosition.Of(GridBox.SolidProfessional), "No manager input; placed by the committee.", Hr.Id);
                    Assert.Equal(CommandStatus.Succeeded, placed.Status);
                }
            }

            var member = group.Calibrators.First(c => c.Id != Hr.Id).Id;
            var first = await calibration.ApproveCalibrationAsync(cycleId, group.GroupId, Hr.Id, confirmed: true);
            Assert.False(first.Value!.Reached);
            Assert.True((await calibration.ApproveCalibrationAsync(cycleId, group.GroupId, member, confirmed: true)).Value!.Reached);
        }

        await host.RunUntilAsync(host.Now.AddHours(1));
        Assert.Single(await store.GetAuditAsync(cycleId, card.EmployeeId));
        // No release while decisions are only proposed: HR is told which groups.
        var early = await release.ReleaseToManagersAsync(cycleId, Hr.Id);
        Assert.Equal(CommandStatus.NotAllowed, early.Status);
        Assert.Contains($"not final yet for: {string.Join(", ", groups.Select(g => g.Name))}.", early.Errors[0].Message, StringComparison.Ordinal);
        Assert.Null((await store.GetCycleAsync(cycleId))!.Release);

        foreach (var group in await AllGroupsAsync(store, cycleId))
        {
            Assert.Equal(GroupPhase.DecisionsProposed, group.Phase);

            // A promotion is confirmed only with its new level and title, which the grid cannot propose.
            var promotions = (await store.GetDecisionsAsync(cycleId, group.GroupId, 0))!.Decisions.OfType<Domain.Decisions.PromotionDecision>().ToList();
            if (promotions.Count > 0)
            {
                Assert.Equal(CommandStatus.Invalid, (await calibration.FinaliseDecisionsAsync(cycleId, group.GroupId, Hr.Id)).Status);
            }

            foreach (var promotion in promotions)
            {
                var amended = promotion with { DecidedBy = Hr.Id, NewLevel = "L4", NewJobTitle = "Senior advisor", Note = "Ready now; the committee agrees on the role." };
                Assert.Equal(CommandStatus.Succeeded, (await calibration.AmendDecisionAsync(cycleId, group.GroupId, amended)).Status);
            }

            Assert.Equal(CommandStatus.Succeeded, (await calibration.FinaliseDecisionsAsync(cycleId, group.GroupId, Hr.Id)).Status);
        }

        // The release gate: nothing goes out by itself, not even on the release date; HR is refused while a group is not final.
        await host.RunUntilAsync(At(plan.Release.ReleaseDate, 1));
        await AssertNotFailedAsync(host, InstanceIds.Cycle(cycleId));
        Assert.Empty(email.Sent(EmailKind.LeadershipSummary));
        Assert.Empty(email.Sent(EmailKind.ManagerRelease));
        Assert.Empty(email.Sent(EmailKind.EmployeeRelease));
        Assert.Equal(CyclePhase.WaitingForRelease, (await host.Client.GetInstanceAsync(InstanceIds.Cycle(cycleId), getInputsAndOutputs: true))!.ReadCustomStatusAs<CycleProgress>()!.Phase);
        Assert.Equal(CommandStatus.NotAllowed, (await release.ReleaseToEmployeesAsync(cycleId, Hr.Id)).Status);

        // HR releases to managers: managers and the leadership summary, not the employees.
        Assert.Equal(CommandStatus.Succeeded, (await release.ReleaseToManagersAsync(cycleId, Hr.Id)).Status);
        Assert.Equal(CommandStatus.AlreadyDone, (await release.ReleaseToManagersAsync(cycleId, Hr.Id)).Status);
        await host.RunUntilAsync(host.Now.AddHours(1));
        await AssertNotFailedAsync(host, InstanceIds.Cycle(cycleId));
        Assert.Equal([Hr.Id, Leader.Id], email.Sent(EmailKind.LeadershipSummary).Select(m => m.To.PersonId).Order());
        var managersWithTeams = participants.Where(p => p.ManagerId is not null).Select(p => p.ManagerId!).Distinct().Order().ToList();
        Assert.Equal(managersWithTeams, email.Sent(EmailKind.ManagerRelease).Select(m => m.To.PersonId).Order());
        Assert.Empty(email.Sent(EmailKind.EmployeeRelease));
        var managersReleased = (await store.GetCycleAsync(cycleId))!;
        Assert.Equal(CycleState.ManagersReleased, managersReleased.State);
        Assert.Equal(Hr.Id, managersReleased.Release!.ManagersReleasedBy);
        Assert.Equal(CommandStatus.NotAllowed, (await submissions.AcknowledgeOutcomeAsync(cycleId, participants[1].EmployeeId, "Too early.")).Status);
        Assert.Equal(CommandStatus.NotAllowed, (await cycles.CancelCycleAsync(cycleId, "Too late to cancel", Hr.Id)).Status);

        // Two days later, before the conversation window ends, HR's second action releases to every employee, once.
        await host.RunUntilAsync(host.Now.AddDays(2));
        Assert.Empty(email.Sent(EmailKind.EmployeeRelease));
        Assert.Equal(CommandStatus.Succeeded, (await release.ReleaseToEmployeesAsync(cycleId, Hr.Id)).Status);
        await host.RunUntilAsync(host.Now.AddHours(1));
        Assert.Equal(CommandStatus.AlreadyDone, (await release.ReleaseToEmployeesAsync(cycleId, Hr.Id)).Status);
        await host.RunUntilAsync(host.Now.AddHours(1));
        Assert.Equal(participants.Select(p => p.EmployeeId).Order(), email.Sent(EmailKind.EmployeeRelease).Select(m => m.To.PersonId).Order());
        Assert.Equal(managersWithTeams, email.Sent(EmailKind.ManagerRelease).Select(m => m.To.PersonId).Order());
        AssertOneEmailPerPersonPerWave(email);
        var cycle = await host.Client.GetInstanceAsync(InstanceIds.Cycle(cycleId), getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, cycle!.RuntimeStatus);
        Assert.Equal(CyclePhase.Released, cycle.ReadOutputAs<CycleOutcome>()!.Phase);
        Assert.Equal(Hr.Id, (await store.GetCycleAsync(cycleId))!.Release!.EmployeesReleasedBy);

        // Every participant's outcome is kept in the talent history: the box the board left, the final decision, the follow-ups to come.
        var history = host.Services.GetRequiredService<ITalentHistory>();
        var kept = (await history.GetAllOutcomesAsync()).Where(o => o.CycleId == cycleId).ToList();
        Assert.Equal(participants.Select(p => p.EmployeeId).Order(), kept.Select(o => o.EmployeeId).Order());
        var movedOutcome = (await history.GetHistoryAsync(card.EmployeeId)).Latest!;
        Assert.Equal((target, plan.Release.ReleaseDate, "Review 2026"), (movedOutcome.Box, movedOutcome.ReleasedOn, movedOutcome.CycleName));
        Assert.All(kept.Where(o => o.Decision is Domain.Decisions.PromotionDecision), o => Assert.Equal("L4", o.FunctionAfter.Level));
        Assert.All(kept.Where(o => !skippers.Contains(o.EmployeeId)), o => Assert.NotNull(o.Self));
        Assert.All(kept.Where(o => silentReports.Any(r => r.EmployeeId == o.EmployeeId)), o => Assert.Null(o.Manager));
        Assert.Equal(await PlanFollowUpsAsync(store, cycleId), kept.Sum(o => o.FollowUps.Count));
        Assert.All(kept.Where(o => o.ManagerId is not null), o => Assert.Equal(participants.Single(p => p.EmployeeId == o.EmployeeId).ManagerId, o.ManagerId));

        var someone = participants[1].EmployeeId;
        Assert.Equal(CommandStatus.Succeeded, (await submissions.AcknowledgeOutcomeAsync(cycleId, someone, "Thanks, agreed.")).Status);
        Assert.Equal(CommandStatus.AlreadyDone, (await submissions.AcknowledgeOutcomeAsync(cycleId, someone, null)).Status);
        Assert.Equal("Thanks, agreed.", (await store.GetAcknowledgementAsync(cycleId, someone))!.Comment);

        // Follow-ups of development and improvement plans, months later.
        var plans = await PlanFollowUpsAsync(store, cycleId);
        await host.RunUntilAsync(At(plan.Release.ReleaseDate, 200));
        Assert.Equal(plans, email.Sent(EmailKind.FollowUpReminder).Count);

        var status = await queries.GetCycleStatusAsync(cycleId);
        Assert.Equal(participants.Count, status!.ReadyForCalibration);
        Assert.Equal(participants.Count - skippers.Count, status.SelfAssessmentsSubmitted);
    }

    /// <summary>
    /// The conversation window: HR releases to managers on a Friday in New York; employees receive nothing
    /// before the window of five working days ends, then their outcome by themselves at 09:00 New York time
    /// on the Friday after the weekend, even though HR moved the plan's release date meanwhile.
    /// </summary>
    public static async Task ScheduledReleaseAsync(ICycleScenarioHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (cycles, submissions, calibration, _, store, email) = Services(host);
        var release = host.Services.GetRequiredService<ReleaseCommands>();
        var start = DateOnly.FromDateTime(host.Now.UtcDateTime);
        var organisation = DemoOrganisation.Generate(50, 7, start);
        var roster = organisation.ToRoster();
        var plan = CyclePlan.Default("Review 2026", start, roster, [Hr.Id]) with { Time = new OrganisationTime("America/New_York", new TimeOnly(9, 0)) };
        var cycleId = (await cycles.LaunchCycleAsync(new LaunchCycleRequest(plan, roster, [Hr], [Leader], Hr.Id, "scheduled1"))).Value!;
        await host.RunUntilAsync(At(start, 8));
        var participants = await AllParticipantsAsync(store, cycleId);
        foreach (var input in organisation.GenerateManagerInputs(participants.Where(p => p.ManagerId is not null).Select(p => p.EmployeeId), 3))
        {
            var managerId = participants.Single(p => p.EmployeeId == input.EmployeeId).ManagerId!;
            Assert.Equal(CommandStatus.Succeeded, (await submissions.SubmitManagerInputAsync(cycleId, input.EmployeeId, managerId, input with { ManagerId = managerId })).Status);
        }

        var inputCloses = CycleTimeline.Plan(CycleSchedule.From(plan)).Single(m => m.Action == MilestoneAction.CloseInput).At;
        await host.RunUntilAsync(new DateTimeOffset(inputCloses, TimeSpan.Zero).AddHours(1));
        foreach (var group in await AllGroupsAsync(store, cycleId))
        {
            for (var chunk = 0; chunk < group.Chunks; chunk++)
            {
                foreach (var waiting in (await store.GetCardsAsync(cycleId, group.GroupId, chunk))!.Cards.Where(c => c.InHoldingArea))
                {
                    Assert.True((await calibration.MoveCardAsync(cycleId, group.GroupId, waiting.EmployeeId, GridPosition.Of(GridBox.SolidProfessional), "No manager input; placed by the committee.", Hr.Id)).Succeeded);
                }
            }

            await calibration.ApproveCalibrationAsync(cycleId, group.GroupId, Hr.Id, confirmed: true);
            await calibration.ApproveCalibrationAsync(cycleId, group.GroupId, group.Calibrators.First(c => c.Id != Hr.Id).Id, confirmed: true);
        }

        await host.RunUntilAsync(host.Now.AddHours(1));
        foreach (var group in await AllGroupsAsync(store, cycleId))
        {
            foreach (var promotion in (await store.GetDecisionsAsync(cycleId, group.GroupId, 0))!.Decisions.OfType<Domain.Decisions.PromotionDecision>())
            {
                Assert.True((await calibration.AmendDecisionAsync(cycleId, group.GroupId, promotion with { DecidedBy = Hr.Id, NewLevel = "L4", NewJobTitle = "Senior advisor" })).Succeeded);
            }

            Assert.Equal(CommandStatus.Succeeded, (await calibration.FinaliseDecisionsAsync(cycleId, group.GroupId, Hr.Id)).Status);
        }

        await host.RunUntilAsync(host.Now.AddHours(1));
        await AssertNotFailedAsync(host, InstanceIds.Cycle(cycleId));
        // HR releases to managers on the next Friday, at 10:00 in New York.
        var friday = DateOnly.FromDateTime(host.Now.UtcDateTime).AddDays(1);
        while (friday.DayOfWeek != DayOfWeek.Friday)
        {
            friday = friday.AddDays(1);
        }

        await host.RunUntilAsync(new DateTimeOffset(plan.Time.At(friday), TimeSpan.Zero).AddHours(1));
        await AssertNotFailedAsync(host, InstanceIds.Cycle(cycleId));
        Assert.Equal(CommandStatus.Succeeded, (await release.ReleaseToManagersAsync(cycleId, Hr.Id)).Status);
        await host.RunUntilAsync(host.Now.AddHours(1));
        Assert.NotEmpty(email.Sent(EmailKind.ManagerRelease));
        Assert.Equal(CycleState.ManagersReleased, (await store.GetCycleAsync(cycleId))!.State);

        // Five working days across the weekend: the next Friday, 09:00 in New York.
        var windowEnds = new DateTimeOffset(plan.Time.At(friday.AddDays(7)), TimeSpan.Zero);
        Assert.Equal(windowEnds, (await store.GetCycleAsync(cycleId))!.Release!.EmployeesDueAt);
        Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(plan.Time.LocalOf(windowEnds).DateTime));

        // Meanwhile HR moves the plan's release date: the window, not that date, decides.
        Assert.Equal(CommandStatus.Succeeded, (await cycles.ExtendDeadlineAsync(cycleId, StepKind.Release, plan.Release.ReleaseDate.AddDays(2), Hr.Id)).Status);
        await host.RunUntilAsync(windowEnds.AddMinutes(-1));
        await AssertNotFailedAsync(host, InstanceIds.Cycle(cycleId));
        Assert.Empty(email.Sent(EmailKind.EmployeeRelease));
        Assert.Equal(CycleState.ManagersReleased, (await store.GetCycleAsync(cycleId))!.State);
        Assert.Equal(CommandStatus.NotAllowed, (await submissions.AcknowledgeOutcomeAsync(cycleId, participants[0].EmployeeId, null)).Status);

        await host.RunUntilAsync(windowEnds.AddMinutes(30));
        await AssertNotFailedAsync(host, InstanceIds.Cycle(cycleId));
        Assert.Equal(participants.Select(p => p.EmployeeId).Order(), email.Sent(EmailKind.EmployeeRelease).Select(m => m.To.PersonId).Order());
        var released = (await store.GetCycleAsync(cycleId))!;
        Assert.Equal(CycleState.Released, released.State);
        Assert.Equal(ReviewCycleOrchestration.ScheduledReleaser, released.Release!.EmployeesReleasedBy);
        Assert.Equal(windowEnds, released.Release.EmployeesReleasedAt);
        Assert.Equal(CommandStatus.AlreadyDone, (await release.ReleaseToEmployeesAsync(cycleId, Hr.Id)).Status);
        AssertOneEmailPerPersonPerWave(email);
    }

    /// <summary>HR cancels during the self-assessment: everything the cycle started stops, and people are told.</summary>
    public static async Task CancelledCycleAsync(ICycleScenarioHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (cycles, _, _, _, store, email) = Services(host);
        var start = DateOnly.FromDateTime(host.Now.UtcDateTime);
        var roster = DemoOrganisation.Generate(30, 3, start).ToRoster();
        var launched = await cycles.LaunchCycleAsync(new LaunchCycleRequest(CyclePlan.Default("Cancelled", start, roster, [Hr.Id]), roster, [Hr], [Leader], Hr.Id, "scenario2"));
        var cycleId = launched.Value!;
        await host.RunUntilAsync(At(start, 2));

        Assert.Equal(CommandStatus.Succeeded, (await cycles.CancelCycleAsync(cycleId, "Reorganisation announced", Hr.Id)).Status);
        await host.RunUntilAsync(At(start, 3));
        await AssertNotFailedAsync(host, InstanceIds.Cycle(cycleId));

        var cycle = await host.Client.GetInstanceAsync(InstanceIds.Cycle(cycleId), getInputsAndOutputs: true);
        Assert.Equal(CyclePhase.Cancelled, cycle!.ReadOutputAs<CycleOutcome>()!.Phase);
        Assert.Equal(CycleState.Cancelled, (await store.GetCycleAsync(cycleId))!.State);
        foreach (var prefix in InstanceIds.ChildPrefixes(cycleId))
        {
            Assert.Empty(await host.Client.FindInstancesAsync(prefix, [OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Pending], CancellationToken.None));
        }

        var participants = await AllParticipantsAsync(store, cycleId);
        Assert.Equal(participants.Select(p => p.EmployeeId).Order(), email.Sent(EmailKind.CycleCancelled).Select(m => m.To.PersonId).Order());
        Assert.Equal(CommandStatus.AlreadyDone, (await cycles.CancelCycleAsync(cycleId, "again", Hr.Id)).Status);
    }

    /// <summary>
    /// A cycle in the organisation's zone, launched at whatever UTC moment the host starts, starting on the
    /// date it is there. Nobody answers, so every reminder, escalation and overdue notice goes out: each at
    /// the working hour there (or at once, when launched after it on the start day), and none names a date
    /// that has passed where it is read. The calibration board opens saying how much input is missing.
    /// </summary>
    public static async Task SilentCycleInTheOrganisationsZoneAsync(ICycleScenarioHost host, OrganisationTime time)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(time);
        var (cycles, _, _, _, store, email) = Services(host);
        var launchedAt = host.Now;
        var start = time.DateOf(launchedAt);
        var roster = DemoOrganisation.Generate(12, 5, start).ToRoster();
        var plan = CyclePlan.Default("Zoned", start, roster, [Hr.Id]) with { Time = time };
        var launched = await cycles.LaunchCycleAsync(new LaunchCycleRequest(plan, roster, [Hr], [Leader], Hr.Id, "zoned"));
        Assert.True(launched.Succeeded, string.Join("; ", launched.Errors.Select(e => e.Message)));
        var cycleId = launched.Value!;

        var calibrationDeadline = plan.Step(StepKind.Calibration)!.Deadline;
        await host.RunUntilAsync(new DateTimeOffset(time.At(calibrationDeadline.AddDays(1 + GroupTimeline.LeadershipAfterDays))).AddHours(1));
        await AssertNotFailedAsync(host, InstanceIds.Cycle(cycleId));

        var sent = email.SentWithTime;
        foreach (var (message, at) in sent)
        {
            var local = TimeZoneInfo.ConvertTime(at, time.Zone);
            var readOn = DateOnly.FromDateTime(local.DateTime);
            var what = $"{message.Content.Kind} to {message.To.PersonId} at {local:yyyy-MM-dd HH:mm} {time.TimeZoneId}";
            Assert.True(at == launchedAt || TimeOnly.FromDateTime(local.DateTime) == time.WorkingHour, $"{what}: not at the working hour");
            DateOnly? announced = message.Content switch
            {
                SelfAssessmentInvitation c => c.Deadline,
                SelfAssessmentReminder c => c.Deadline,
                ManagerDigest c => c.Deadline,
                EscalationNotice c => c.NewDeadline,
                CalibrationReady c => c.Deadline,
                DecisionsPending { IsOverdue: false } c => c.Deadline,
                _ => null,
            };
            Assert.True(announced is null || announced >= readOn, $"{what} announces {announced:yyyy-MM-dd}, which has passed");
        }

        var contents = sent.Select(s => s.Message.Content).ToList();
        var selfDeadline = plan.Step(StepKind.SelfAssessment)!.Deadline;
        Assert.All(contents.OfType<SelfAssessmentInvitation>(), c => Assert.Equal(selfDeadline, c.Deadline));
        Assert.All(contents.OfType<SelfAssessmentReminder>(), c => Assert.Equal(selfDeadline, c.Deadline));
        Assert.Equal([7, 2], contents.OfType<SelfAssessmentReminder>().Select(c => c.DaysLeft).Distinct());
        Assert.Contains(contents, c => c is ManagerDigest { IsReminder: true } d && d.Deadline == plan.Step(StepKind.ManagerInput)!.Deadline.AddDays(5));
        Assert.Contains(sent, s => s.Message.Content is EscalationNotice && s.Message.To.PersonId == Hr.Id);

        var participants = await AllParticipantsAsync(store, cycleId);
        var ready = contents.OfType<CalibrationReady>().Where(c => !c.IsReminder).ToList();
        Assert.NotEmpty(ready);
        // Nobody answered: every group says its input is missing, except for the top of the organisation, whose input nobody owes.
        var groupNames = (await AllGroupsAsync(store, cycleId)).ToDictionary(g => g.Name, g => g.GroupId);
        Assert.All(ready, c => Assert.Equal(participants.Count(p => p.GroupId == groupNames[c.GroupName] && p.ManagerId is not null), c.MissingInputs));
        Assert.Contains(ready, c => c.MissingInputs > 0);
        Assert.Equal(participants.Count(p => p.ManagerInputState is StepState.Pending or StepState.Missing), ready.DistinctBy(c => c.GroupName).Sum(c => c.MissingInputs));
        // The unapproved board goes up a level each time: the committee, HR, then leadership, each on its working day.
        var overdue = sent.Where(s => s.Message.Content is CalibrationOverdue).ToList();
        Assert.All(overdue, s => Assert.Equal(calibrationDeadline, ((CalibrationOverdue)s.Message.Content).Deadline));
        Assert.Contains(overdue, s => s.Message.Content is CalibrationOverdue { Stage: OverdueStage.Committee } && time.DateOf(s.At) == calibrationDeadline.AddDays(1));
        Assert.Contains(overdue, s => s.Message.Content is CalibrationOverdue { Stage: OverdueStage.Hr } && s.Message.To.PersonId == Hr.Id && time.DateOf(s.At) == calibrationDeadline.AddDays(1 + GroupTimeline.HrAfterDays));
        Assert.Contains(overdue, s => s.Message.Content is CalibrationOverdue { Stage: OverdueStage.Leadership } && s.Message.To.PersonId == Leader.Id && time.DateOf(s.At) == calibrationDeadline.AddDays(1 + GroupTimeline.LeadershipAfterDays));
    }

    private static (CycleCommands, SubmissionCommands, CalibrationCommands, CycleQueries, ReviewStore, RecordingEmailSender) Services(ICycleScenarioHost host)
        => (host.Services.GetRequiredService<CycleCommands>(),
            host.Services.GetRequiredService<SubmissionCommands>(),
            host.Services.GetRequiredService<CalibrationCommands>(),
            host.Services.GetRequiredService<CycleQueries>(),
            host.Services.GetRequiredService<ReviewStore>(),
            host.Services.GetRequiredService<RecordingEmailSender>());

    private static async Task AssertNotFailedAsync(ICycleScenarioHost host, string instanceId)
    {
        var instance = await host.Client.GetInstanceAsync(instanceId);
        Assert.True(instance is { RuntimeStatus: not OrchestrationRuntimeStatus.Failed }, $"{instanceId}: {instance?.RuntimeStatus} {instance?.FailureDetails}");
    }

    private static DateTimeOffset At(DateOnly day, int plusDays) => new(day.AddDays(plusDays).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private static List<string> Recipients(RecordingEmailSender email, string waveId)
        => [.. email.Requested.Where(r => r.WaveId == waveId).Select(r => r.Message.To.PersonId).Distinct().Order()];

    private static void AssertOneEmailPerPersonPerWave(RecordingEmailSender email)
    {
        var duplicates = email.Requested
            .Where(r => r.Message.Content is not FollowUpReminder)
            .GroupBy(r => (r.WaveId, r.Message.To.PersonId))
            .Where(g => g.Select(r => r.Message.DedupeKey).Distinct().Count() > 1 || g.Count() > 1)
            .Select(g => g.Key)
            .ToList();
        Assert.Empty(duplicates);
    }

    private static async Task<List<ParticipantDocument>> AllParticipantsAsync(ReviewStore store, string cycleId)
    {
        var all = new List<ParticipantDocument>();
        string? after = null;
        do
        {
            var page = await store.QueryParticipantsAsync(cycleId, ParticipantFilter.All, after, 500);
            all.AddRange(page.Items.Select(i => i.Value));
            after = page.NextAfterId;
        }
        while (after is not null);
        return all;
    }

    private static async Task<List<CalibrationGroupDocument>> AllGroupsAsync(ReviewStore store, string cycleId)
        => [.. (await store.QueryGroupsAsync(cycleId, null, 500)).Items.Select(i => i.Value)];

    private static async Task<int> PlanFollowUpsAsync(ReviewStore store, string cycleId)
    {
        var count = 0;
        foreach (var group in await AllGroupsAsync(store, cycleId))
        {
            for (var chunk = 0; chunk < group.Chunks; chunk++)
            {
                count += (await store.GetDecisionsAsync(cycleId, group.GroupId, chunk))!.Decisions.Sum(d => d switch
                {
                    Domain.Decisions.DevelopmentPlanDecision plan => plan.FollowUps.Count,
                    Domain.Decisions.PerformanceImprovementPlanDecision plan => plan.FollowUps.Count,
                    _ => 0,
                });
            }
        }

        return count;
    }
}
