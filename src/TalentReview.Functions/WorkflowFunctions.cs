using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Functions.Durable;
using TalentReview.Functions.Hosting;
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
public sealed class WorkflowFunctions(DurableDispatcher dispatcher, DurableClientBinding durableClient)
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
    public Task<object?> RunPrepareCycle([ActivityTrigger] JsonElement? input, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Execute(nameof(PrepareCycle), input, client, function);

    [Function(nameof(StartReviewBatch))]
    public Task<object?> RunStartReviewBatch([ActivityTrigger] JsonElement? input, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Execute(nameof(StartReviewBatch), input, client, function);

    [Function(nameof(ReassignManager))]
    public Task<object?> RunReassignManager([ActivityTrigger] JsonElement? input, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Execute(nameof(ReassignManager), input, client, function);

    [Function(nameof(SendWavePage))]
    public Task<object?> RunSendWavePage([ActivityTrigger] JsonElement? input, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Execute(nameof(SendWavePage), input, client, function);

    [Function(nameof(CloseStep))]
    public Task<object?> RunCloseStep([ActivityTrigger] JsonElement? input, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Execute(nameof(CloseStep), input, client, function);

    [Function(nameof(EscalateToHr))]
    public Task<object?> RunEscalateToHr([ActivityTrigger] JsonElement? input, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Execute(nameof(EscalateToHr), input, client, function);

    [Function(nameof(CancelCycle))]
    public Task<object?> RunCancelCycle([ActivityTrigger] JsonElement? input, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Execute(nameof(CancelCycle), input, client, function);

    [Function(nameof(BuildCalibrationPacket))]
    public Task<object?> RunBuildCalibrationPacket([ActivityTrigger] JsonElement? input, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Execute(nameof(BuildCalibrationPacket), input, client, function);

    [Function(nameof(NotifyCalibrators))]
    public Task<object?> RunNotifyCalibrators([ActivityTrigger] JsonElement? input, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Execute(nameof(NotifyCalibrators), input, client, function);

    [Function(nameof(RecordCalibration))]
    public Task<object?> RunRecordCalibration([ActivityTrigger] JsonElement? input, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Execute(nameof(RecordCalibration), input, client, function);

    [Function(nameof(ProposeDecisions))]
    public Task<object?> RunProposeDecisions([ActivityTrigger] JsonElement? input, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Execute(nameof(ProposeDecisions), input, client, function);

    [Function(nameof(RecordDecisions))]
    public Task<object?> RunRecordDecisions([ActivityTrigger] JsonElement? input, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Execute(nameof(RecordDecisions), input, client, function);

    [Function(nameof(ComputeLeadershipSummary))]
    public Task<object?> RunComputeLeadershipSummary([ActivityTrigger] JsonElement? input, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Execute(nameof(ComputeLeadershipSummary), input, client, function);

    [Function(nameof(ReleaseResults))]
    public Task<object?> RunReleaseResults([ActivityTrigger] JsonElement? input, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Execute(nameof(ReleaseResults), input, client, function);

    [Function(nameof(ScheduleFollowUps))]
    public Task<object?> RunScheduleFollowUps([ActivityTrigger] JsonElement? input, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Execute(nameof(ScheduleFollowUps), input, client, function);

    private Task<object?> Orchestrate(TaskOrchestrationContext context, FunctionContext function)
        => dispatcher.RunOrchestratorAsync(context, function.InstanceServices);

    // Activities may start or signal instances, so each one brings the client binding along. The host
    // passes the calling orchestration's id as the activity trigger's "instanceId" binding data.
    private Task<object?> Execute(string name, JsonElement? input, DurableTaskClient client, FunctionContext function)
    {
        durableClient.Client = client;
        return dispatcher.RunActivityAsync(
            name,
            function.BindingContext.BindingData.TryGetValue("instanceId", out var instanceId) ? instanceId?.ToString() ?? string.Empty : string.Empty,
            input,
            function.InstanceServices,
            function.CancellationToken);
    }
}
