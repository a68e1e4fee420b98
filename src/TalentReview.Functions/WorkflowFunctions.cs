using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using TalentReview.Functions.Durable;
using TalentReview.Workflow.Calibration;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.EmployeeReview;
using TalentReview.Workflow.FollowUp;
using TalentReview.Workflow.Release;
using TalentReview.Workflow.Waves;

namespace TalentReview.Functions;

/// <summary>
/// Durable Functions needs one declared function per orchestrator and activity; each only names its
/// class and hands over to the <see cref="DurableDispatcher"/>. A test checks this list against the
/// workflow's registry, so a new orchestrator or activity without its line here fails the build's tests.
/// </summary>
public sealed class WorkflowFunctions(DurableDispatcher dispatcher)
{
    [Function(nameof(ReviewCycleOrchestration))]
    public Task<object?> RunReviewCycleOrchestration([OrchestrationTrigger] TaskOrchestrationContext context, FunctionContext function)
        => Orchestrate(context, function);

    [Function(nameof(EmployeeReviewOrchestration))]
    public Task<object?> RunEmployeeReviewOrchestration([OrchestrationTrigger] TaskOrchestrationContext context, FunctionContext function)
        => Orchestrate(context, function);

    [Function(nameof(CalibrationGroupOrchestration))]
    public Task<object?> RunCalibrationGroupOrchestration([OrchestrationTrigger] TaskOrchestrationContext context, FunctionContext function)
        => Orchestrate(context, function);

    [Function(nameof(SendWaveOrchestration))]
    public Task<object?> RunSendWaveOrchestration([OrchestrationTrigger] TaskOrchestrationContext context, FunctionContext function)
        => Orchestrate(context, function);

    [Function(nameof(FollowUpOrchestration))]
    public Task<object?> RunFollowUpOrchestration([OrchestrationTrigger] TaskOrchestrationContext context, FunctionContext function)
        => Orchestrate(context, function);

    [Function(nameof(PrepareCycle))]
    public Task<object?> RunPrepareCycle([ActivityTrigger] JsonElement? input, FunctionContext function)
        => Execute(nameof(PrepareCycle), input, function);

    [Function(nameof(StartReviewBatch))]
    public Task<object?> RunStartReviewBatch([ActivityTrigger] JsonElement? input, FunctionContext function)
        => Execute(nameof(StartReviewBatch), input, function);

    [Function(nameof(ReassignManager))]
    public Task<object?> RunReassignManager([ActivityTrigger] JsonElement? input, FunctionContext function)
        => Execute(nameof(ReassignManager), input, function);

    [Function(nameof(SendWavePage))]
    public Task<object?> RunSendWavePage([ActivityTrigger] JsonElement? input, FunctionContext function)
        => Execute(nameof(SendWavePage), input, function);

    [Function(nameof(CloseStep))]
    public Task<object?> RunCloseStep([ActivityTrigger] JsonElement? input, FunctionContext function)
        => Execute(nameof(CloseStep), input, function);

    [Function(nameof(EscalateToHr))]
    public Task<object?> RunEscalateToHr([ActivityTrigger] JsonElement? input, FunctionContext function)
        => Execute(nameof(EscalateToHr), input, function);

    [Function(nameof(CancelCycle))]
    public Task<object?> RunCancelCycle([ActivityTrigger] JsonElement? input, FunctionContext function)
        => Execute(nameof(CancelCycle), input, function);

    [Function(nameof(BuildCalibrationPacket))]
    public Task<object?> RunBuildCalibrationPacket([ActivityTrigger] JsonElement? input, FunctionContext function)
        => Execute(nameof(BuildCalibrationPacket), input, function);

    [Function(nameof(NotifyCalibrators))]
    public Task<object?> RunNotifyCalibrators([ActivityTrigger] JsonElement? input, FunctionContext function)
        => Execute(nameof(NotifyCalibrators), input, function);

    [Function(nameof(RecordCalibration))]
    public Task<object?> RunRecordCalibration([ActivityTrigger] JsonElement? input, FunctionContext function)
        => Execute(nameof(RecordCalibration), input, function);

    [Function(nameof(ProposeDecisions))]
    public Task<object?> RunProposeDecisions([ActivityTrigger] JsonElement? input, FunctionContext function)
        => Execute(nameof(ProposeDecisions), input, function);

    [Function(nameof(RecordDecisions))]
    public Task<object?> RunRecordDecisions([ActivityTrigger] JsonElement? input, FunctionContext function)
        => Execute(nameof(RecordDecisions), input, function);

    [Function(nameof(ComputeLeadershipSummary))]
    public Task<object?> RunComputeLeadershipSummary([ActivityTrigger] JsonElement? input, FunctionContext function)
        => Execute(nameof(ComputeLeadershipSummary), input, function);

    [Function(nameof(ReleaseResults))]
    public Task<object?> RunReleaseResults([ActivityTrigger] JsonElement? input, FunctionContext function)
        => Execute(nameof(ReleaseResults), input, function);

    [Function(nameof(ScheduleFollowUps))]
    public Task<object?> RunScheduleFollowUps([ActivityTrigger] JsonElement? input, FunctionContext function)
        => Execute(nameof(ScheduleFollowUps), input, function);

    private Task<object?> Orchestrate(TaskOrchestrationContext context, FunctionContext function)
        => dispatcher.RunOrchestratorAsync(context, function.InstanceServices);

    // The host passes the calling orchestration's id as the activity trigger's "instanceId" binding data.
    private Task<object?> Execute(string name, JsonElement? input, FunctionContext function)
        => dispatcher.RunActivityAsync(
            name,
            function.BindingContext.BindingData.TryGetValue("instanceId", out var instanceId) ? instanceId?.ToString() ?? string.Empty : string.Empty,
            input,
            function.InstanceServices,
            function.CancellationToken);
}
