using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Grpc.Core;
using NSubstitute.ExceptionExtensions;
using TalentReview.Domain.Demo;
using TalentReview.Domain.Planning;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.EmployeeReview;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Tests.Support;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Workflow.Tests.UseCases;

public sealed class SubmissionCommandsTests
{
    private readonly ReviewStore store = new(new InMemoryDocumentStore());
    private readonly DurableTaskClient client = Substitute.For<DurableTaskClient>("substitute");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly DemoOrganisation organisation = DemoOrganisation.Generate(5, 1, new DateOnly(2026, 3, 1));

    public SubmissionCommandsTests()
    {
        // No review is running unless a test says so (see ReviewIs).
        client.GetAllInstancesAsync(Arg.Any<OrchestrationQuery>())
            .Returns(_ => Pageable.Create((_, _, _) => Task.FromResult(new Page<OrchestrationMetadata>([], null))));
    }

    private string EmployeeId => organisation.Employees[1].Id;

    [Fact]
    public async Task Submitting_stores_the_self_assessment_raises_the_event_once_and_marks_the_step_submitted()
    {
        await store.UpsertParticipantAsync(Participants.Pending("c1", EmployeeId));
        var commands = new SubmissionCommands(store, client, time);

        var result = await commands.SubmitSelfAssessmentAsync("c1", EmployeeId, SelfAssessmentOf(EmployeeId));

        Assert.Equal(CommandStatus.Succeeded, result.Status);
        Assert.NotNull((await store.GetSelfAssessmentAsync("c1", EmployeeId))?.Submitted);
        Assert.Equal(StepState.Submitted, (await store.GetParticipantAsync("c1", EmployeeId))!.SelfAssessmentState);
        await client.Received(1).RaiseEventAsync(InstanceIds.Review("c1", EmployeeId), WorkflowEvents.SelfAssessmentSubmitted, Arg.Any<SelfAssessmentSubmittedEvent>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Submitting_again_is_recorded_but_neither_replaces_the_first_submission_nor_raises_the_event_again()
    {
        await store.UpsertParticipantAsync(Participants.Pending("c1", EmployeeId));
        var commands = new SubmissionCommands(store, client, time);
        var first = SelfAssessmentOf(EmployeeId);
        await commands.SubmitSelfAssessmentAsync("c1", EmployeeId, first);
        ReviewIs(OrchestrationRuntimeStatus.Running, ReviewAwaiting.ManagerInput);

        var again = await commands.SubmitSelfAssessmentAsync("c1", EmployeeId, first with { Achievements = "Something else entirely, written later." });

        Assert.Equal(CommandStatus.AlreadyDone, again.Status);
        var stored = (await store.GetSelfAssessmentAsync("c1", EmployeeId))!;
        Assert.Equal(first.Achievements, stored.Submitted!.Achievements);
        Assert.Equal(1, stored.RepeatedSubmissions);
        await client.Received(1).RaiseEventAsync(Arg.Any<string>(), WorkflowEvents.SelfAssessmentSubmitted, Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_crash_after_the_commit_leaves_the_step_submitted_so_nobody_is_reminded_and_the_close_raises_the_event()
    {
        await store.UpsertParticipantAsync(Participants.Pending("c1", EmployeeId));
        client.RaiseEventAsync(Arg.Any<string>(), WorkflowEvents.SelfAssessmentSubmitted, Arg.Any<object?>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromException(new IOException("engine unreachable")), Task.CompletedTask);
        var commands = new SubmissionCommands(store, client, time);

        await Assert.ThrowsAsync<IOException>(() => commands.SubmitSelfAssessmentAsync("c1", EmployeeId, SelfAssessmentOf(EmployeeId)));

        Assert.Equal(StepState.Submitted, (await store.GetParticipantAsync("c1", EmployeeId))!.SelfAssessmentState);
        Assert.Empty(await PendingSelfAssessmentsAsync());

        // The review never got the event: it still waits for the self-assessment when the step closes.
        ReviewIs(OrchestrationRuntimeStatus.Running, ReviewAwaiting.SelfAssessment);
        var closed = await new CloseStep(store, client).RunAsync(ActivityContextFake.For(nameof(CloseStep), "cycle-c1"), new CloseStepRequest("c1", StepKind.SelfAssessment));

        Assert.Equal(new CloseStepResult(1, 0), closed);
        Assert.Equal(StepState.Submitted, (await store.GetParticipantAsync("c1", EmployeeId))!.SelfAssessmentState);
        await client.Received(2).RaiseEventAsync(
            InstanceIds.Review("c1", EmployeeId), WorkflowEvents.SelfAssessmentSubmitted, new SelfAssessmentSubmittedEvent("c1", EmployeeId, time.GetUtcNow()), Arg.Any<CancellationToken>());
        await client.DidNotReceive().RaiseEventAsync(Arg.Any<string>(), WorkflowEvents.SelfAssessmentClosed, Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Closing_the_step_raises_no_event_again_for_a_submission_whose_review_has_moved_on()
    {
        await store.UpsertParticipantAsync(Participants.Pending("c1", EmployeeId));
        var commands = new SubmissionCommands(store, client, time);
        await commands.SubmitSelfAssessmentAsync("c1", EmployeeId, SelfAssessmentOf(EmployeeId));
        ReviewIs(OrchestrationRuntimeStatus.Running, ReviewAwaiting.ManagerInput);

        var closed = await new CloseStep(store, client).RunAsync(ActivityContextFake.For(nameof(CloseStep), "cycle-c1"), new CloseStepRequest("c1", StepKind.SelfAssessment));

        Assert.Equal(new CloseStepResult(0, 0), closed);
        await client.Received(1).RaiseEventAsync(Arg.Any<string>(), WorkflowEvents.SelfAssessmentSubmitted, Arg.Any<object?>(), Arg.Any<CancellationToken>());
        await client.DidNotReceive().RaiseEventAsync(Arg.Any<string>(), WorkflowEvents.SelfAssessmentClosed, Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_crash_during_the_commit_leaves_neither_the_submission_nor_the_mark_and_the_person_is_still_reminded()
    {
        var documents = new CrashingDocumentStore();
        var crashing = new ReviewStore(documents);
        await crashing.UpsertParticipantAsync(Participants.Pending("c1", EmployeeId, managerId: "m1"));
        var commands = new SubmissionCommands(crashing, client, time);
        var input = organisation.GenerateManagerInputs([EmployeeId], 3).Single() with { ManagerId = "m1" };
        documents.CrashAfterFirstWriteOfNextCommit = true;

        await Assert.ThrowsAsync<IOException>(() => commands.SubmitManagerInputAsync("c1", EmployeeId, "m1", input));

        Assert.Null(await crashing.GetManagerInputAsync("c1", EmployeeId));
        Assert.Equal(StepState.Pending, (await crashing.GetParticipantAsync("c1", EmployeeId))!.ManagerInputState);
        await client.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);

        // The manager sends the form again once the store is back: it counts as the first submission.
        Assert.Equal(CommandStatus.Succeeded, (await commands.SubmitManagerInputAsync("c1", EmployeeId, "m1", input)).Status);
        Assert.Equal(0, (await crashing.GetManagerInputAsync("c1", EmployeeId))!.RepeatedSubmissions);
        Assert.Equal(StepState.Submitted, (await crashing.GetParticipantAsync("c1", EmployeeId))!.ManagerInputState);
        Assert.Empty((await crashing.QueryParticipantsAsync("c1", new ParticipantFilter(ManagerInput: StepState.Pending), null, 10)).Items);
        await client.Received(1).RaiseEventAsync(InstanceIds.Review("c1", EmployeeId), WorkflowEvents.ManagerInputSubmitted, Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Submitting_again_after_a_crash_that_lost_the_event_raises_it_once_more()
    {
        await store.UpsertParticipantAsync(Participants.Pending("c1", EmployeeId, managerId: "m1"));
        client.RaiseEventAsync(Arg.Any<string>(), WorkflowEvents.ManagerInputSubmitted, Arg.Any<object?>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromException(new IOException("engine unreachable")), Task.CompletedTask);
        var commands = new SubmissionCommands(store, client, time);
        var input = organisation.GenerateManagerInputs([EmployeeId], 3).Single() with { ManagerId = "m1" };
        await Assert.ThrowsAsync<IOException>(() => commands.SubmitManagerInputAsync("c1", EmployeeId, "m1", input));
        ReviewIs(OrchestrationRuntimeStatus.Running, ReviewAwaiting.ManagerInput);

        var again = await commands.SubmitManagerInputAsync("c1", EmployeeId, "m1", input);

        Assert.Equal(CommandStatus.AlreadyDone, again.Status);
        await client.Received(2).RaiseEventAsync(InstanceIds.Review("c1", EmployeeId), WorkflowEvents.ManagerInputSubmitted, Arg.Any<object?>(), Arg.Any<CancellationToken>());

        // The review took the event and ended: the step's close has nothing left to signal.
        ReviewIs(OrchestrationRuntimeStatus.Completed, ReviewAwaiting.ManagerInput);
        var closed = await new CloseStep(store, client).RunAsync(ActivityContextFake.For(nameof(CloseStep), "cycle-c1"), new CloseStepRequest("c1", StepKind.ManagerInput));
        Assert.Equal(new CloseStepResult(0, 0), closed);
    }

    [Fact]
    public async Task Closing_the_step_marks_those_who_did_not_submit_missing_and_tells_their_review()
    {
        await store.UpsertParticipantAsync(Participants.Pending("c1", EmployeeId));

        var closed = await new CloseStep(store, client).RunAsync(ActivityContextFake.For(nameof(CloseStep), "cycle-c1"), new CloseStepRequest("c1", StepKind.SelfAssessment));

        Assert.Equal(new CloseStepResult(0, 1), closed);
        Assert.Equal(StepState.Missing, (await store.GetParticipantAsync("c1", EmployeeId))!.SelfAssessmentState);
        await client.Received(1).RaiseEventAsync(InstanceIds.Review("c1", EmployeeId), WorkflowEvents.SelfAssessmentClosed, new SelfAssessmentClosedEvent("c1", EmployeeId), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Closing_the_step_again_after_a_crash_passes_over_reviews_that_have_ended()
    {
        // Durable Functions refuses events to an instance that has completed (gRPC FailedPrecondition):
        // a re-run of the close after a crash must not fail on the reviews it already closed.
        await store.UpsertParticipantAsync(Participants.Pending("c1", EmployeeId));
        client.RaiseEventAsync(Arg.Any<string>(), WorkflowEvents.SelfAssessmentClosed, Arg.Any<object?>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new RpcException(new Status(StatusCode.FailedPrecondition, "The instance has completed.")));

        var closed = await new CloseStep(store, client).RunAsync(ActivityContextFake.For(nameof(CloseStep), "cycle-c1"), new CloseStepRequest("c1", StepKind.SelfAssessment));

        Assert.Equal(new CloseStepResult(0, 1), closed);
        Assert.Equal(StepState.Missing, (await store.GetParticipantAsync("c1", EmployeeId))!.SelfAssessmentState);
    }

    [Fact]
    public async Task A_submission_racing_the_close_of_its_review_is_kept_and_answered_without_error()
    {
        await store.UpsertParticipantAsync(Participants.Pending("c1", EmployeeId));
        client.RaiseEventAsync(Arg.Any<string>(), WorkflowEvents.SelfAssessmentSubmitted, Arg.Any<object?>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new RpcException(new Status(StatusCode.FailedPrecondition, "The instance has completed.")));
        var commands = new SubmissionCommands(store, client, time);

        var result = await commands.SubmitSelfAssessmentAsync("c1", EmployeeId, SelfAssessmentOf(EmployeeId));

        Assert.Equal(CommandStatus.Succeeded, result.Status);
        Assert.NotNull((await store.GetSelfAssessmentAsync("c1", EmployeeId))!.Submitted);
    }

    [Fact]
    public async Task A_manager_cannot_give_input_for_someone_elses_report_until_it_is_escalated_to_them()
    {
        await store.UpsertParticipantAsync(Participants.Pending("c1", EmployeeId, managerId: "m1"));
        var commands = new SubmissionCommands(store, client, time);
        var input = organisation.GenerateManagerInputs([EmployeeId], 3).Single() with { ManagerId = "s1" };

        var refused = await commands.SubmitManagerInputAsync("c1", EmployeeId, "s1", input);
        await store.UpdateParticipantAsync("c1", EmployeeId, p => p with { Escalation = EscalationStage.SkipLevelManager });
        var accepted = await commands.SubmitManagerInputAsync("c1", EmployeeId, "s1", input);

        Assert.Equal(CommandStatus.NotAllowed, refused.Status);
        Assert.Equal(CommandStatus.Succeeded, accepted.Status);
        Assert.Equal("s1", (await store.GetManagerInputAsync("c1", EmployeeId))!.SubmittedBy);
    }

    [Fact]
    public async Task An_invalid_self_assessment_is_refused_with_its_field_errors_and_nothing_is_stored()
    {
        await store.UpsertParticipantAsync(Participants.Pending("c1", EmployeeId));
        var commands = new SubmissionCommands(store, client, time);

        var result = await commands.SubmitSelfAssessmentAsync("c1", EmployeeId, SelfAssessmentOf(EmployeeId) with { OverallSelfRating = 9 });

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Contains(result.Errors, e => e.Field.Contains("overall", StringComparison.OrdinalIgnoreCase));
        Assert.Null(await store.GetSelfAssessmentAsync("c1", EmployeeId));
        await client.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task A_save_from_a_form_shown_with_an_older_draft_still_saves_the_newest_text()
    {
        await store.UpsertParticipantAsync(Participants.Pending("c1", EmployeeId));
        var commands = new SubmissionCommands(store, client, time);
        var form = SelfAssessmentOf(EmployeeId);
        await commands.SaveSelfAssessmentDraftAsync("c1", EmployeeId, form with { Achievements = "First words." }, ShownDraft.Nothing);
        var shownInBothWindows = new ShownDraft((await store.ReadSelfAssessmentAsync("c1", EmployeeId))!.ETag);
        await commands.SaveSelfAssessmentDraftAsync("c1", EmployeeId, form with { Achievements = "Saved in one window." }, shownInBothWindows);

        var fromTheOther = await commands.SaveSelfAssessmentDraftAsync("c1", EmployeeId, form with { Achievements = "Saved in the other window." }, shownInBothWindows);
        var asIfEmpty = await commands.SaveManagerInputDraftAsync("c1", EmployeeId, "m1", organisation.GenerateManagerInputs([EmployeeId], 3).Single(), ShownDraft.Nothing);

        Assert.Equal(CommandStatus.Succeeded, fromTheOther.Status);
        Assert.Equal("Saved in the other window.", (await store.GetSelfAssessmentAsync("c1", EmployeeId))!.Draft!.Achievements);
        Assert.Equal(CommandStatus.Succeeded, asIfEmpty.Status);
    }

    [Fact]
    public async Task A_form_shown_before_a_submission_in_another_window_never_replaces_that_submission()
    {
        await store.UpsertParticipantAsync(Participants.Pending("c1", EmployeeId, managerId: "m1"));
        var commands = new SubmissionCommands(store, client, time);
        var input = organisation.GenerateManagerInputs([EmployeeId], 3).Single() with { ManagerId = "m1" };
        await commands.SaveManagerInputDraftAsync("c1", EmployeeId, "m1", input, ShownDraft.Nothing);
        var shown = new ShownDraft((await store.ReadManagerInputAsync("c1", EmployeeId))!.ETag);
        Assert.Equal(CommandStatus.Succeeded, (await commands.SubmitManagerInputAsync("c1", EmployeeId, "m1", input, shown)).Status);

        var again = await commands.SubmitManagerInputAsync("c1", EmployeeId, "m1", input with { Evidence = "A different story, sent from the older window, with evidence long enough to be a complete explanation of the ratings." }, shown);
        var draft = await commands.SaveManagerInputDraftAsync("c1", EmployeeId, "m1", input, shown);
        var asIfEmpty = await commands.SubmitManagerInputAsync("c1", EmployeeId, "m1", input with { Evidence = "Yet another story, from a form that looked empty, with evidence long enough to be a complete explanation of the ratings." }, ShownDraft.Nothing);

        Assert.Equal([CommandStatus.AlreadyDone, CommandStatus.NotAllowed, CommandStatus.AlreadyDone], [again.Status, draft.Status, asIfEmpty.Status]);
        var stored = (await store.GetManagerInputAsync("c1", EmployeeId))!;
        Assert.Equal((input.Evidence, 2), (stored.Submitted!.Evidence, stored.RepeatedSubmissions));
        await client.Received(1).RaiseEventAsync(Arg.Any<string>(), WorkflowEvents.ManagerInputSubmitted, Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_submission_for_the_participant_as_a_page_read_them_never_undoes_a_change_made_since()
    {
        await store.UpsertParticipantAsync(Participants.Pending("c1", EmployeeId, managerId: "m1"));
        var commands = new SubmissionCommands(store, client, time);
        var readByThePage = (await store.ReadParticipantAsync("c1", EmployeeId))!;
        await store.UpdateParticipantAsync("c1", EmployeeId, p => p with { Escalation = EscalationStage.SkipLevelManager });

        var result = await commands.SubmitManagerInputAsync(readByThePage, "m1", organisation.GenerateManagerInputs([EmployeeId], 3).Single() with { ManagerId = "m1" }, ShownDraft.Nothing);

        Assert.Equal(CommandStatus.Succeeded, result.Status);
        var participant = (await store.GetParticipantAsync("c1", EmployeeId))!;
        Assert.Equal((StepState.Submitted, EscalationStage.SkipLevelManager), (participant.ManagerInputState, participant.Escalation));
    }

    /// <summary>What the engine says of the employee's review: its status and the step it waits for (its custom status).</summary>
    private void ReviewIs(OrchestrationRuntimeStatus status, ReviewAwaiting awaiting)
    {
        var review = new OrchestrationMetadata(nameof(EmployeeReviewOrchestration), InstanceIds.Review("c1", EmployeeId))
        {
            RuntimeStatus = status,
            DataConverter = DurablePayloads.Converter,
            SerializedInput = DurablePayloads.Converter.Serialize(new ReviewInput("c1", EmployeeId, "g1")),
            SerializedCustomStatus = DurablePayloads.Converter.Serialize(awaiting),
        };
        client.GetInstanceAsync(review.InstanceId, true, Arg.Any<CancellationToken>()).Returns(review);
        client.GetAllInstancesAsync(Arg.Is<OrchestrationQuery>(q => q.InstanceIdPrefix == InstanceIds.ReviewPrefix("c1")))
            .Returns(_ => Pageable.Create((_, _, _) => Task.FromResult(new Page<OrchestrationMetadata>([review], null))));
    }

    /// <summary>Who the self-assessment reminder wave writes to: the participants still pending.</summary>
    private async Task<IReadOnlyList<StoredDocument<ParticipantDocument>>> PendingSelfAssessmentsAsync()
        => (await store.QueryParticipantsAsync("c1", new ParticipantFilter(SelfAssessment: StepState.Pending), null, 10)).Items;

    private Domain.Forms.SelfAssessment SelfAssessmentOf(string employeeId) => organisation.GenerateSelfAssessments([employeeId], 2).Single();
}
