using NSubstitute;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.EmployeeReview;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Tests.Support;

namespace TalentReview.Workflow.Tests.EmployeeReview;

public sealed class EmployeeReviewOrchestrationTests
{
    private static readonly ReviewInput Input = new("c1", "e1", "g1");

    [Fact]
    public async Task Self_assessment_deadline_passed_the_review_goes_on_to_manager_input_and_tells_the_group_it_is_missing()
    {
        var context = ContextFake.Create();
        context.NeverRaises<SelfAssessmentSubmittedEvent>(WorkflowEvents.SelfAssessmentSubmitted);
        context.Raises(WorkflowEvents.SelfAssessmentClosed, new SelfAssessmentClosedEvent("c1", "e1"));
        context.Raises(WorkflowEvents.ManagerInputSubmitted, new ManagerInputSubmittedEvent("c1", "e1", "m1", DateTimeOffset.UnixEpoch));
        context.NeverRaises<ManagerInputClosedEvent>(WorkflowEvents.ManagerInputClosed);
        context.NeverRaises<ManagerReassignedEvent>(WorkflowEvents.ManagerReassigned);

        var outcome = await new EmployeeReviewOrchestration().RunAsync(context, Input);

        Assert.Equal(new ReviewOutcome(false, true, 0), outcome);
        context.Received(1).SendEvent(InstanceIds.Group("c1", "g1"), WorkflowEvents.ReviewReady, new ReviewReadyEvent("e1", false, true));
    }

    [Fact]
    public async Task Manager_input_closed_after_escalation_the_review_is_ready_without_it()
    {
        var context = ContextFake.Create();
        context.Raises(WorkflowEvents.SelfAssessmentSubmitted, new SelfAssessmentSubmittedEvent("c1", "e1", DateTimeOffset.UnixEpoch));
        context.NeverRaises<SelfAssessmentClosedEvent>(WorkflowEvents.SelfAssessmentClosed);
        context.NeverRaises<ManagerInputSubmittedEvent>(WorkflowEvents.ManagerInputSubmitted);
        context.Raises(WorkflowEvents.ManagerInputClosed, new ManagerInputClosedEvent("c1", "e1"));
        context.NeverRaises<ManagerReassignedEvent>(WorkflowEvents.ManagerReassigned);

        var outcome = await new EmployeeReviewOrchestration().RunAsync(context, Input);

        Assert.Equal(new ReviewOutcome(true, false, 0), outcome);
        context.Received(1).SendEvent(InstanceIds.Group("c1", "g1"), WorkflowEvents.ReviewReady, new ReviewReadyEvent("e1", true, false));
    }

    [Fact]
    public async Task A_manager_change_while_input_is_pending_is_applied_and_the_review_keeps_waiting_for_the_input()
    {
        var change = new ManagerReassignedEvent("c1", "e1", "m2", "hr", DateTimeOffset.UnixEpoch);
        var context = ContextFake.Create();
        context.Raises(WorkflowEvents.SelfAssessmentSubmitted, new SelfAssessmentSubmittedEvent("c1", "e1", DateTimeOffset.UnixEpoch));
        context.NeverRaises<SelfAssessmentClosedEvent>(WorkflowEvents.SelfAssessmentClosed);

        // The first wait for a manager change is the self-assessment's; the change arrives during manager input.
        var input = new TaskCompletionSource<ManagerInputSubmittedEvent>();
        context.WaitForExternalEvent<ManagerInputSubmittedEvent>(WorkflowEvents.ManagerInputSubmitted, Arg.Any<CancellationToken>())
            .Returns(ContextFake.Never<ManagerInputSubmittedEvent>(), input.Task);
        context.NeverRaises<ManagerInputClosedEvent>(WorkflowEvents.ManagerInputClosed);
        context.WaitForExternalEvent<ManagerReassignedEvent>(WorkflowEvents.ManagerReassigned, Arg.Any<CancellationToken>())
            .Returns(ContextFake.Never<ManagerReassignedEvent>(), Task.FromResult(change), ContextFake.Never<ManagerReassignedEvent>());
        context.CallActivityAsync<bool>(nameof(ReassignManager), change, Arg.Any<TaskOptions?>())
            .Returns(_ =>
            {
                input.SetResult(new ManagerInputSubmittedEvent("c1", "e1", "m2", DateTimeOffset.UnixEpoch));
                return Task.FromResult(true);
            });

        var outcome = await new EmployeeReviewOrchestration().RunAsync(context, Input);

        Assert.Equal(new ReviewOutcome(true, true, 1), outcome);
        await context.Received(1).CallActivityAsync<bool>(nameof(ReassignManager), change, Arg.Any<TaskOptions?>());
    }

    [Fact]
    public async Task A_review_started_after_its_steps_were_decided_waits_for_nothing_and_signals_at_once()
    {
        var context = ContextFake.Create();

        var outcome = await new EmployeeReviewOrchestration().RunAsync(context, Input with { SelfAssessment = StepState.Missing, ManagerInput = StepState.Submitted });

        Assert.Equal(new ReviewOutcome(false, true, 0), outcome);
        _ = context.DidNotReceiveWithAnyArgs().WaitForExternalEvent<SelfAssessmentSubmittedEvent>(default!, default(CancellationToken));
        context.Received(1).SendEvent(InstanceIds.Group("c1", "g1"), WorkflowEvents.ReviewReady, new ReviewReadyEvent("e1", false, true));
    }
}
