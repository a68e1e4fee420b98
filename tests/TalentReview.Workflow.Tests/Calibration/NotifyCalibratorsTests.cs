using TalentReview.Domain;
using TalentReview.Domain.Demo;
using TalentReview.Domain.Planning;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using TalentReview.Workflow.Calibration;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Tests.Support;

namespace TalentReview.Workflow.Tests.Calibration;

public sealed class NotifyCalibratorsTests
{
    private static readonly Contact Calibrator = new("m1", "Marie Dubois", "marie@example.test", Language.Fr);
    private static readonly Contact Hr = new("hr-1", "Hanne Claes", "hanne@example.test", Language.Nl);
    private static readonly Contact Leader = new("lead-1", "Luc Janssens", "luc@example.test", Language.En);

    private readonly ReviewStore store = new(new InMemoryDocumentStore());
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.Zero));
    private readonly RecordingEmailSender email;

    public NotifyCalibratorsTests() => email = new(clock);

    private async Task<int> NotifyAsync(CalibratorNotice notice)
    {
        var roster = DemoOrganisation.Generate(12, 1, new DateOnly(2025, 12, 31)).ToRoster();
        var plan = CyclePlan.Default("Review 2026", new DateOnly(2026, 1, 5), roster, [Hr.Id]);
        var sorted = roster.Employees.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        await store.WriteNewCycleAsync(new CycleDocument("c1", plan.Name, plan, CycleState.Running, DateTimeOffset.UnixEpoch, Hr.Id, [Hr], [Leader], sorted.Count, [sorted[0].Id]), sorted);
        await store.UpdateGroupAsync("c1", "g1", _ => new CalibrationGroupDocument("c1", "g1", "Operations", [Calibrator], 12, 1, notice.Step == StepKind.Calibration && notice.Overdue != OverdueStage.None ? GroupPhase.Calibrating : GroupPhase.DecisionsProposed));
        return await new NotifyCalibrators(store, email, new WorkflowLinks(new FakeLinkSigner()), clock).RunAsync(ActivityContextFake.For(nameof(NotifyCalibrators), "group-c1-g1"), notice);
    }

    [Fact]
    public async Task A_decisions_reminder_links_the_calibrators_to_the_decision_confirmation_page()
    {
        await NotifyAsync(new CalibratorNotice("c1", "g1", "decisions-reminder-2-20260220", true, OverdueStage.None, StepKind.Decisions));

        var message = Assert.Single(email.Sent(EmailKind.DecisionsReminder));
        Assert.Equal(Calibrator.Id, message.To.PersonId);
        var pending = Assert.IsType<DecisionsPending>(message.Content);
        Assert.Contains($".g1.{Calibrator.Id}.{LinkStep.DecisionConfirmation}.", pending.DecisionsLink.AbsolutePath, StringComparison.Ordinal);
        Assert.Empty(email.Sent(EmailKind.CalibrationReminder));
    }

    [Fact]
    public async Task Overdue_decisions_go_to_hr_with_their_own_link()
    {
        await NotifyAsync(new CalibratorNotice("c1", "g1", "decisions-overdue-20260222", true, OverdueStage.Hr, StepKind.Decisions));

        var message = Assert.Single(email.Sent(EmailKind.DecisionsReminder));
        Assert.Equal(Hr.Id, message.To.PersonId);
        var overdue = (DecisionsPending)message.Content;
        Assert.Contains($".{Hr.Id}.{LinkStep.DecisionConfirmation}.", overdue.DecisionsLink.AbsolutePath, StringComparison.Ordinal);
        Assert.True(overdue.IsOverdue);
        Assert.Equal(new DateOnly(2026, 2, 8), overdue.Deadline);
    }

    [Fact]
    public async Task A_board_opened_with_input_missing_says_for_how_many()
    {
        var missing = await WriteParticipantsAsync(submitted: 2, pending: 3);
        await NotifyAsync(new CalibratorNotice("c1", "g1", "calibration-ready", false, OverdueStage.None));

        var ready = Assert.IsType<CalibrationReady>(Assert.Single(email.Sent(EmailKind.CalibrationReady)).Content);
        Assert.Equal(missing, ready.MissingInputs);
        Assert.Equal(new DateOnly(2026, 2, 1), ready.Deadline);
    }

    [Fact]
    public async Task A_board_opened_with_every_input_in_says_none_is_missing()
    {
        await WriteParticipantsAsync(submitted: 4, pending: 0);
        await NotifyAsync(new CalibratorNotice("c1", "g1", "calibration-ready", false, OverdueStage.None));

        Assert.Equal(0, Assert.IsType<CalibrationReady>(Assert.Single(email.Sent(EmailKind.CalibrationReady)).Content).MissingInputs);
    }

    private async Task<int> WriteParticipantsAsync(int submitted, int pending)
    {
        for (var i = 0; i < submitted + pending; i++)
        {
            var participant = Participants.Pending("c1", $"p{i}", ordinal: i) with { ManagerInputState = i < submitted ? StepState.Submitted : StepState.Missing };
            await store.UpsertParticipantAsync(participant);
        }

        return pending;
    }

    [Fact]
    public async Task A_calibration_notice_still_links_to_the_board()
    {
        await NotifyAsync(new CalibratorNotice("c1", "g1", "calibration-ready", false, OverdueStage.None));

        var ready = Assert.IsType<CalibrationReady>(Assert.Single(email.Sent(EmailKind.CalibrationReady)).Content);
        Assert.Contains($".{LinkStep.CalibrationBoard}.", ready.BoardLink.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overdue_board_goes_to_the_committee_then_HR_then_leadership_and_is_marked_with_how_far()
    {
        // The default plan of 5 January 2026: calibration due on 1 February.
        await NotifyAsync(new CalibratorNotice("c1", "g1", "calibration-overdue-20260201", true, OverdueStage.Committee));
        var afterCommittee = (await store.GetGroupAsync("c1", "g1"))!.Overdue;
        clock.Advance(TimeSpan.FromDays(2));
        await new NotifyCalibrators(store, email, new WorkflowLinks(new FakeLinkSigner()), clock)
            .RunAsync(ActivityContextFake.For(nameof(NotifyCalibrators), "group-c1-g1"), new CalibratorNotice("c1", "g1", "calibration-escalate-hr-20260201", true, OverdueStage.Hr));
        clock.Advance(TimeSpan.FromDays(2));
        await new NotifyCalibrators(store, email, new WorkflowLinks(new FakeLinkSigner()), clock)
            .RunAsync(ActivityContextFake.For(nameof(NotifyCalibrators), "group-c1-g1"), new CalibratorNotice("c1", "g1", "calibration-escalate-leadership-20260201", true, OverdueStage.Leadership));

        var sent = email.Sent(EmailKind.CalibrationOverdue);
        Assert.Equal([Calibrator.Id, Hr.Id, Leader.Id], sent.Select(m => m.To.PersonId));
        Assert.All(sent, m => Assert.Equal(new DateOnly(2026, 2, 1), ((CalibrationOverdue)m.Content).Deadline));
        Assert.Equal([OverdueStage.Committee, OverdueStage.Hr, OverdueStage.Leadership], sent.Select(m => ((CalibrationOverdue)m.Content).Stage));
        Assert.NotNull(((CalibrationOverdue)sent[1].Content).BoardLink);
        Assert.Null(((CalibrationOverdue)sent[2].Content).BoardLink);
        Assert.Equal(new BoardOverdue(new DateOnly(2026, 2, 1), OverdueStage.Committee, new DateTimeOffset(2026, 2, 3, 0, 0, 0, TimeSpan.Zero)), afterCommittee);
        Assert.Equal(new BoardOverdue(new DateOnly(2026, 2, 1), OverdueStage.Leadership, new DateTimeOffset(2026, 2, 7, 0, 0, 0, TimeSpan.Zero)), (await store.GetGroupAsync("c1", "g1"))!.Overdue);
        Assert.Equal(GroupPhase.Calibrating, (await store.GetGroupAsync("c1", "g1"))!.Phase);
    }
}
