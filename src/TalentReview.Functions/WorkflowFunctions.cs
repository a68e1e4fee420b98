using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Functions.Hosting;
using TalentReview.Workflow.Calibration;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.EmployeeReview;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.FollowUp;
using TalentReview.Workflow.Release;
using TalentReview.Workflow.Resilience;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Waves;

namespace TalentReview.Functions;

/// <summary>
/// Durable Functions runs only what is declared: one trigger per orchestrator and activity of the
/// workflow, each running its class as the Durable Task source generator would. A test checks this
/// list against the workflow's, so a new orchestrator or activity without its line here fails.
/// </summary>
public sealed class WorkflowFunctions(DurableClientBinding durableClient)
{
    [Function(nameof(ReviewCycleOrchestration))]
    public static Task<CycleOutcome> RunReviewCycleOrchestration([OrchestrationTrigger] TaskOrchestrationContext context)
        => new ReviewCycleOrchestration().RunAsync(context, InputOf<ReviewCycleInput>(context));

    [Function(nameof(EmployeeReviewOrchestration))]
    public static Task<ReviewOutcome> RunEmployeeReviewOrchestration([OrchestrationTrigger] TaskOrchestrationContext context)
        => new EmployeeReviewOrchestration().RunAsync(context, InputOf<ReviewInput>(context));

    [Function(nameof(CalibrationGroupOrchestration))]
    public static Task<GroupOutcome> RunCalibrationGroupOrchestration([OrchestrationTrigger] TaskOrchestrationContext context)
        => new CalibrationGroupOrchestration().RunAsync(context, InputOf<CalibrationGroupInput>(context));

    [Function(nameof(SendWaveOrchestration))]
    public static Task<WaveTotals> RunSendWaveOrchestration([OrchestrationTrigger] TaskOrchestrationContext context)
        => new SendWaveOrchestration().RunAsync(context, InputOf<WaveRequest>(context));

    [Function(nameof(FollowUpOrchestration))]
    public static Task<int> RunFollowUpOrchestration([OrchestrationTrigger] TaskOrchestrationContext context)
        => new FollowUpOrchestration().RunAsync(context, InputOf<FollowUpInput>(context));

    [Function(nameof(PrepareCycle))]
    public Task<PreparedCycle> RunPrepareCycle([ActivityTrigger] PrepareCycleRequest input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Run<PrepareCycle, PrepareCycleRequest, PreparedCycle>(input, instanceId, client, function);

    [Function(nameof(StartReviewBatch))]
    public Task<ReviewBatchResult> RunStartReviewBatch([ActivityTrigger] ReviewBatchRequest input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Run<StartReviewBatch, ReviewBatchRequest, ReviewBatchResult>(input, instanceId, client, function);

    [Function(nameof(ReassignManager))]
    public Task<bool> RunReassignManager([ActivityTrigger] ManagerReassignedEvent input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Run<ReassignManager, ManagerReassignedEvent, bool>(input, instanceId, client, function);

    [Function(nameof(SendWavePage))]
    public Task<WavePageResult> RunSendWavePage([ActivityTrigger] WaveRequest input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Run<SendWavePage, WaveRequest, WavePageResult>(input, instanceId, client, function);

    [Function(nameof(CloseStep))]
    public Task<CloseStepResult> RunCloseStep([ActivityTrigger] CloseStepRequest input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Run<CloseStep, CloseStepRequest, CloseStepResult>(input, instanceId, client, function);

    [Function(nameof(EscalateToHr))]
    public Task<int> RunEscalateToHr([ActivityTrigger] string input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Run<EscalateToHr, string, int>(input, instanceId, client, function);

    [Function(nameof(StartMissingGroups))]
    public Task<int> RunStartMissingGroups([ActivityTrigger] string input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Run<StartMissingGroups, string, int>(input, instanceId, client, function);

    [Function(nameof(CountGroupsNotFinal))]
    public Task<int> RunCountGroupsNotFinal([ActivityTrigger] string input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Run<CountGroupsNotFinal, string, int>(input, instanceId, client, function);

    [Function(nameof(CancelCycle))]
    public Task<int> RunCancelCycle([ActivityTrigger] CycleCancelledEvent input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Run<CancelCycle, CycleCancelledEvent, int>(input, instanceId, client, function);

    [Function(nameof(BuildCalibrationPacket))]
    public Task<PacketSummary> RunBuildCalibrationPacket([ActivityTrigger] GroupRef input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Run<BuildCalibrationPacket, GroupRef, PacketSummary>(input, instanceId, client, function);

    [Function(nameof(NotifyCalibrators))]
    public Task<int> RunNotifyCalibrators([ActivityTrigger] CalibratorNotice input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Run<NotifyCalibrators, CalibratorNotice, int>(input, instanceId, client, function);

    [Function(nameof(RecordCalibration))]
    public Task<int> RunRecordCalibration([ActivityTrigger] CalibrationApprovedEvent input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Run<RecordCalibration, CalibrationApprovedEvent, int>(input, instanceId, client, function);

    [Function(nameof(ProposeDecisions))]
    public Task<int> RunProposeDecisions([ActivityTrigger] GroupRef input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Run<ProposeDecisions, GroupRef, int>(input, instanceId, client, function);

    [Function(nameof(RecordDecisions))]
    public Task<IReadOnlyList<DateOnly>> RunRecordDecisions([ActivityTrigger] DecisionsFinalisedEvent input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Run<RecordDecisions, DecisionsFinalisedEvent, IReadOnlyList<DateOnly>>(input, instanceId, client, function);

    [Function(nameof(ComputeLeadershipSummary))]
    public Task<int> RunComputeLeadershipSummary([ActivityTrigger] string input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Run<ComputeLeadershipSummary, string, int>(input, instanceId, client, function);

    [Function(nameof(ReleaseToManagers))]
    public Task<int> RunReleaseToManagers([ActivityTrigger] string input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Run<ReleaseToManagers, string, int>(input, instanceId, client, function);

    [Function(nameof(ReleaseToEmployees))]
    public Task<bool> RunReleaseToEmployees([ActivityTrigger] ReleasedToEmployeesEvent input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Run<ReleaseToEmployees, ReleasedToEmployeesEvent, bool>(input, instanceId, client, function);

    [Function(nameof(RecordStall))]
    public Task<bool> RunRecordStall([ActivityTrigger] StallReport input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Run<RecordStall, StallReport, bool>(input, instanceId, client, function);

    [Function(nameof(ScheduleFollowUps))]
    public Task<bool> RunScheduleFollowUps([ActivityTrigger] FollowUpInput input, string instanceId, [DurableClient] DurableTaskClient client, FunctionContext function)
        => Run<ScheduleFollowUps, FollowUpInput, bool>(input, instanceId, client, function);

    private static TInput InputOf<TInput>(TaskOrchestrationContext context)
        => context.GetInput<TInput>() ?? throw new InvalidOperationException($"Orchestration '{context.Name}' was started without its {typeof(TInput).Name}.");

    // Activities may start or signal instances, so each one brings the client binding along. Failures are
    // sorted as on every engine, so the orchestrations know what passes by itself.
    private async Task<TOutput> Run<TActivity, TInput, TOutput>(TInput input, string instanceId, DurableTaskClient client, FunctionContext function)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        durableClient.Client = client;
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(function.InstanceServices);
        try
        {
            return await activity.RunAsync(new TriggeredActivityContext(typeof(TActivity).Name, instanceId), input);
        }
        catch (Exception exception) when (ActivityFailures.Sort(exception, function.InstanceServices.GetServices<IStoreOutageDescriber>()) is var sorted && !ReferenceEquals(sorted, exception))
        {
            throw sorted;
        }
    }

    /// <summary>What an activity knows of its call, from the trigger's binding data.</summary>
    private sealed class TriggeredActivityContext(string name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name => name;

        public override string InstanceId => instanceId;
    }
}
