using TalentReview.Domain;
using TalentReview.Domain.Demo;
using TalentReview.Domain.Planning;
using Microsoft.Extensions.Time.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
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

    private readonly ReviewStore store = new(new InMemoryDocumentStore());
    private readonly RecordingEmailSender email = new(new FakeTimeProvider(new DateTimeOffset(2026, 2, 2, 8, 0, 0, TimeSpan.Zero)));

    private async Task<int> NotifyAsync(CalibratorNotice notice)
    {
        var roster = DemoOrganisation.Generate(12, 1, new DateOnly(2025, 12, 31)).ToRoster();
        var plan = CyclePlan.Default("Review 2026", new DateOnly(2026, 1, 5), roster, [Hr.Id]);
        var sorted = roster.Employees.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        await store.WriteNewCycleAsync(new CycleDocument("c1", plan.Name, plan, CycleState.Running, DateTimeOffset.UnixEpoch, Hr.Id, [Hr], [Hr], sorted.Count, [sorted[0].Id]), sorted);
        await store.UpdateGroupAsync("c1", "g1", _ => new CalibrationGroupDocument("c1", "g1", "Operations", [Calibrator], 12, 1, GroupPhase.DecisionsProposed));
        return await new NotifyCalibrators(store, email, new WorkflowLinks(new FakeLinkSigner())).RunAsync(ActivityContextFake.For(nameof(NotifyCalibrators), "group-c1-g1"), notice);
    }

    [Fact]
    public async Task A_decisions_reminder_links_the_calibrators_to_the_decision_confirmation_page()
    {
        await NotifyAsync(new CalibratorNotice("c1", "g1", "decisions-reminder-2-20260220", true, false, StepKind.Decisions));

        var message = Assert.Single(email.Sent(EmailKind.DecisionsReminder));
        Assert.Equal(Calibrator.Id, message.To.PersonId);
        var pending = Assert.IsType<DecisionsPending>(message.Content);
        Assert.Contains($".g1.{Calibrator.Id}.{LinkStep.DecisionConfirmation}.", pending.DecisionsLink.AbsolutePath, StringComparison.Ordinal);
        Assert.Empty(email.Sent(EmailKind.CalibrationReminder));
    }

    [Fact]
    public async Task Overdue_decisions_go_to_hr_with_their_own_link()
    {
        await NotifyAsync(new CalibratorNotice("c1", "g1", "decisions-overdue-20260222", true, true, StepKind.Decisions));

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
        await NotifyAsync(new CalibratorNotice("c1", "g1", "calibration-ready", false, false));

        var ready = Assert.IsType<CalibrationReady>(Assert.Single(email.Sent(EmailKind.CalibrationReady)).Content);
        Assert.Equal(missing, ready.MissingInputs);
        Assert.Equal(new DateOnly(2026, 2, 1), ready.Deadline);
    }

    [Fact]
    public async Task A_board_opened_with_every_input_in_says_none_is_missing()
    {
        await WriteParticipantsAsync(submitted: 4, pending: 0);
        await NotifyAsync(new CalibratorNotice("c1", "g1", "calibration-ready", false, false));

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
        await NotifyAsync(new CalibratorNotice("c1", "g1", "calibration-ready", false, false));

        var ready = Assert.IsType<CalibrationReady>(Assert.Single(email.Sent(EmailKind.CalibrationReady)).Content);
        Assert.Contains($".{LinkStep.CalibrationBoard}.", ready.BoardLink.AbsolutePath, StringComparison.Ordinal);
    }
}
