using System.Diagnostics.CodeAnalysis;
using TalentReview.Domain.Planning;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Calibration;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Release;
using TalentReview.Workflow.Resilience;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Waves;

namespace TalentReview.Workflow.Cycle;

/// <param name="Generation">0 for the launch's workflow; n for the one HR's n-th recovery of a failed workflow started (<see cref="InstanceIds.CycleGeneration"/>).</param>
/// <param name="Reached">What the failed workflow had reached (its last progress): the fresh one carries on after its last milestone.</param>
/// <param name="Release">HR's release as stored when the cycle was resumed: what HR released already is not waited for again.</param>
/// <param name="Cancel">HR cancelled the cycle whose workflow failed: the fresh one only cancels.</param>
public sealed record ReviewCycleInput(string CycleId, int Generation = 0, CycleProgress? Reached = null, CycleRelease? Release = null, CycleCancelledEvent? Cancel = null);

public sealed record CycleOutcome(string CycleId, CyclePhase Phase, int Participants, int EmailsSent);

/// <summary>
/// Drives one cycle. It prepares the cycle, starts one calibration group per group, and runs the
/// cycle-wide timeline itself, because waves are cycle-wide (a manager with reports in two groups
/// still gets one digest per wave): invitations, reminders, the self-assessment close, manager
/// digests and reminders, escalation (manager, skip-level, HR) and the input close. Then it waits
/// for the groups, then at the release gate for HR: HR's release to managers sends the leadership summary and the
/// managers' outcomes; the end of the conversation window (or HR's second release, if earlier) the employees'. HR can
/// cancel at any time and extend deadlines (the timeline re-plans its timers). Every step runs through
/// <see cref="StepRecovery"/>: transient failures wait and try again, anything else stalls the cycle
/// visibly until HR retries it. A failure outside the steps (a bug in this code) fails the workflow; HR then resumes the cycle
/// (or cancels it) with a fresh workflow that carries on from what is stored: the same milestones' emails keep their keys, so
/// nobody hears twice. Its history grows with the number of groups and milestones, never with the number of employees.
/// </summary>
public sealed class ReviewCycleOrchestration : TaskOrchestrator<ReviewCycleInput, CycleOutcome>
{
    /// <summary>Who released to employees when the conversation window ended (or an older release's scheduled date), not HR's second action.</summary>
    public const string ScheduledReleaser = "release-date";

    /// <summary>How often a resumed cycle looks whether its groups' decisions are final (they report to the failed workflow, not to it).</summary>
    public static readonly TimeSpan GroupCheck = TimeSpan.FromHours(6);

    public override async Task<CycleOutcome> RunAsync(TaskOrchestrationContext context, ReviewCycleInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var run = new CycleRun(context, input);
        return await run.RunAsync();
    }

    /// <summary>The state of one execution: the pending HR events, the schedule as extended so far, and the progress.</summary>
    private sealed class CycleRun
    {
        private readonly TaskOrchestrationContext context;
        private readonly ReviewCycleInput input;
        private readonly string cycleId;
        private readonly Task<CycleCancelledEvent> cancelled;
        private readonly Task<ReleasedToManagersEvent> toManagers;
        private readonly Task<ReleasedToEmployeesEvent> toEmployees;
        private readonly StepRecovery steps;

        // The cancel's own steps are never given up for the cancel.
        private readonly StepRecovery cancelSteps;
        private Task<DeadlineExtendedEvent> extended;
        private CycleProgress progress = new(CyclePhase.Preparing, 0, 0, null, null, null, 0);
        private CycleSchedule schedule = null!;
        private IReadOnlyList<PreparedGroup> groups = [];

        public CycleRun(TaskOrchestrationContext context, ReviewCycleInput input)
        {
            this.context = context;
            this.input = input;
            cycleId = input.CycleId;
            progress = input.Reached is { } reached ? reached with { Phase = CyclePhase.Preparing } : progress;

            // HR's cancel of a failed workflow comes as the fresh one's input: it is cancelled from the start.
            cancelled = input.Cancel is { } cancel ? Task.FromResult(cancel) : context.WaitForExternalEvent<CycleCancelledEvent>(WorkflowEvents.CycleCancelled);
            toManagers = context.WaitForExternalEvent<ReleasedToManagersEvent>(WorkflowEvents.ReleasedToManagers);
            toEmployees = context.WaitForExternalEvent<ReleasedToEmployeesEvent>(WorkflowEvents.ReleasedToEmployees);
            extended = context.WaitForExternalEvent<DeadlineExtendedEvent>(WorkflowEvents.DeadlineExtended);
            steps = new StepRecovery(context, cycleId, cancelled);
            cancelSteps = new StepRecovery(context, cycleId);
        }

        private enum Wake
        {
            Due,
            Cancelled,
            Extended,
        }

        public async Task<CycleOutcome> RunAsync()
        {
            try
            {
                return await RunStepsAsync();
            }
            catch (StepAbandonedException)
            {
                // HR cancelled while a step was stalled or waiting to try again.
                return await CancelAsync();
            }
        }

        private async Task<CycleOutcome> RunStepsAsync()
        {
            if (input.Cancel is not null)
            {
                return await CancelAsync();
            }

            Publish(progress);
            var prepared = await steps.RunAsync(nameof(PrepareCycle), _ => context.CallActivityAsync<PreparedCycle>(nameof(PrepareCycle), new PrepareCycleRequest(cycleId), Recovery.ActivityRetry));
            while (prepared.NextPage is { } page)
            {
                prepared = await steps.RunAsync(nameof(PrepareCycle), _ => context.CallActivityAsync<PreparedCycle>(nameof(PrepareCycle), new PrepareCycleRequest(cycleId, page), Recovery.ActivityRetry));
            }

            schedule = prepared.Schedule;
            groups = prepared.Groups;
            var phase = input.Reached?.Phase > CyclePhase.SelfAssessment ? input.Reached.Phase : CyclePhase.SelfAssessment;
            Publish(progress with { Phase = phase, Participants = prepared.Participants, Groups = groups.Count });

            // A resumed cycle's groups run on from the launch's workflow (any it had not started yet start now, on their own).
            if (input.Generation > 0)
            {
                await steps.CallAsync<int>(nameof(StartMissingGroups), cycleId);
            }

            var groupRuns = input.Generation > 0 ? null : groups.Select(g => context.CallSubOrchestratorAsync<GroupOutcome>(
                nameof(CalibrationGroupOrchestration),
                new CalibrationGroupInput(cycleId, g.GroupId, g.Members, schedule),
                new SubOrchestrationOptions(instanceId: InstanceIds.Group(cycleId, g.GroupId)))).ToList();

            if (input.Release is null)
            {
                if (!await RunTimelineAsync())
                {
                    return await CancelAsync();
                }

                Publish(progress with { Phase = CyclePhase.Calibration });
                if (!await (groupRuns is null ? WaitForStoredGroupsAsync() : WaitAsync(Task.WhenAll(groupRuns))))
                {
                    return await CancelAsync();
                }

                // The release gate: nothing goes out until HR releases to managers.
                Publish(progress with { Phase = CyclePhase.WaitingForRelease });
                if (!await WaitForHrAsync(toManagers, () => null))
                {
                    return await CancelAsync();
                }
            }

            var managers = input.Release is { } stored
                ? new ReleasedToManagersEvent(cycleId, stored.ManagersReleasedBy, stored.ManagersReleasedAt, stored.EmployeesDueAt, stored.EmployeesOnReleaseDate)
                : await toManagers;
            // A resumed cycle whose managers had their outcomes before the failure does not go through that again.
            if (input.Release is null || input.Reached?.Phase is not (CyclePhase.ReleasedToManagers or CyclePhase.Releasing))
            {
                Publish(progress with { Phase = CyclePhase.LeadershipSummary });
                await steps.RunAsync(nameof(ComputeLeadershipSummary), _ => context.CallActivityAsync<int>(nameof(ComputeLeadershipSummary), cycleId, Recovery.ActivityRetry));
                Publish(progress with { Phase = CyclePhase.ReleasingToManagers });
                await steps.RunAsync(nameof(ReleaseToManagers), _ => context.CallActivityAsync<int>(nameof(ReleaseToManagers), cycleId, Recovery.ActivityRetry));
                await SendWaveAsync("release-managers", WaveKind.ManagerRelease);
            }


            // Managers hold their conversations; employees follow when the window ends, or earlier on HR's second action.
            // A release made before the window existed keeps its own timer (the plan's release date, or none), so its history replays.
            Publish(progress with { Phase = CyclePhase.ReleasedToManagers });
            var employeesReleased = input.Release is { EmployeesReleasedBy: { } by, EmployeesReleasedAt: { } at } ? new ReleasedToEmployeesEvent(cycleId, by, at) : null;
            if (employeesReleased is null && !await WaitForHrAsync(toEmployees, () => managers.EmployeesAt?.UtcDateTime ?? (managers.EmployeesOnReleaseDate ? schedule.ReleaseAt : null)))
            {
                return await CancelAsync();
            }

            var employees = employeesReleased ?? (toEmployees.IsCompleted
                ? await toEmployees
                : new ReleasedToEmployeesEvent(cycleId, ScheduledReleaser, new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero)));
            Publish(progress with { Phase = CyclePhase.Releasing });
            await steps.RunAsync(nameof(ReleaseToEmployees), _ => context.CallActivityAsync<bool>(nameof(ReleaseToEmployees), employees, Recovery.ActivityRetry));
            await SendWaveAsync("release-employees", WaveKind.EmployeeRelease);
            Publish(progress with { Phase = CyclePhase.Released });
            return Outcome();
        }

        /// <summary>Runs the milestones in time order, re-planning after each extension. False when the cycle was cancelled.</summary>
        private async Task<bool> RunTimelineAsync()
        {
            // A resumed cycle carries on after the failed workflow's last milestone (the one it failed in runs again: its emails keep their keys).
            var done = new HashSet<string>(StringComparer.Ordinal);
            var plan = CycleTimeline.Plan(schedule).ToList();
            var reached = plan.FindIndex(m => m.Id == input.Reached?.LastMilestone);
            done.UnionWith(plan.Take(reached + 1).Select(m => m.Id));
            while (CycleTimeline.Plan(schedule).FirstOrDefault(m => !done.Contains(m.Id)) is { } next)
            {
                switch (await SleepUntilAsync(next.At))
                {
                    case Wake.Cancelled:
                        return false;
                    case Wake.Extended:
                        continue;
                }

                await RunMilestoneAsync(next);
                done.Add(next.Id);
                Publish(progress with { LastMilestone = next.Id });
                if (cancelled.IsCompleted)
                {
                    return false;
                }
            }

            return true;
        }

        private async Task RunMilestoneAsync(Milestone milestone)
        {
            switch (milestone.Action)
            {
                case MilestoneAction.InviteSelfAssessment:
                    await SendWaveAsync(milestone.Id, WaveKind.SelfAssessmentInvitation);
                    break;
                case MilestoneAction.RemindSelfAssessment:
                    await SendWaveAsync(milestone.Id, WaveKind.SelfAssessmentReminder);
                    break;
                case MilestoneAction.CloseSelfAssessment:
                    var self = await steps.RunAsync(nameof(CloseStep), _ => context.CallActivityAsync<CloseStepResult>(nameof(CloseStep), new CloseStepRequest(cycleId, StepKind.SelfAssessment), Recovery.ActivityRetry));
                    progress = progress with { Phase = CyclePhase.ManagerInput, SelfAssessment = new StepCounts(progress.Participants - self.Missing, self.Missing) };
                    break;
                case MilestoneAction.InviteManagers:
                    await SendWaveAsync(milestone.Id, WaveKind.ManagerDigest);
                    break;
                case MilestoneAction.RemindManagers:
                    await SendWaveAsync(milestone.Id, WaveKind.ManagerReminder);
                    break;
                case MilestoneAction.EscalateToManagers:
                    await SendWaveAsync(milestone.Id, WaveKind.ManagerOverdue);
                    break;
                case MilestoneAction.EscalateToSkipLevel:
                    await SendWaveAsync(milestone.Id, WaveKind.SkipLevelEscalation);
                    break;
                case MilestoneAction.EscalateToHr:
                    await steps.RunAsync(nameof(EscalateToHr), _ => context.CallActivityAsync<int>(nameof(EscalateToHr), cycleId, Recovery.ActivityRetry));
                    break;
                case MilestoneAction.CloseInput:
                    var input = await steps.RunAsync(nameof(CloseStep), _ => context.CallActivityAsync<CloseStepResult>(nameof(CloseStep), new CloseStepRequest(cycleId, StepKind.ManagerInput), Recovery.ActivityRetry));
                    progress = progress with { Phase = CyclePhase.Calibration, ManagerInput = new StepCounts(progress.Participants - input.Missing, input.Missing) };
                    foreach (var group in groups)
                    {
                        context.SendEvent(InstanceIds.Group(cycleId, group.GroupId), WorkflowEvents.InputClosed, new InputClosedEvent(cycleId));
                    }

                    break;
                default:
                    throw new InvalidOperationException($"No handler for milestone {milestone.Action}.");
            }
        }

        /// <summary>Sleeps until <paramref name="at"/>; wakes early for a cancel or an extension (applied before returning).</summary>
        private async Task<Wake> SleepUntilAsync(DateTime at)
        {
            if (cancelled.IsCompleted)
            {
                return Wake.Cancelled;
            }

            if (at <= context.CurrentUtcDateTime)
            {
                return Wake.Due;
            }

            using var cancelTimer = new CancellationTokenSource();
            var timer = context.CreateTimer(at, cancelTimer.Token);
            var winner = await Task.WhenAny(timer, cancelled, extended);
            if (winner == timer)
            {
                return Wake.Due;
            }

            // Synchronously: CancelAsync runs callbacks on the thread pool, and an orchestration may only await durable tasks.
            cancelTimer.Cancel();
            if (winner == cancelled)
            {
                return Wake.Cancelled;
            }

            await ApplyExtensionAsync();
            return Wake.Extended;
        }

        /// <summary>
        /// A resumed cycle's groups report to the failed workflow, not to this one: the store says when their decisions are final.
        /// Looks every <see cref="GroupCheck"/>, and goes on at once when HR releases (which needs every group final). False when cancelled.
        /// </summary>
        [SuppressMessage("Durable", "DURABLE0011", Justification = "One round per check or extension while a resumed cycle's groups calibrate: a few a day.")]
        private async Task<bool> WaitForStoredGroupsAsync()
        {
            while (!toManagers.IsCompleted && await steps.CallAsync<int>(nameof(CountGroupsNotFinal), cycleId) > 0)
            {
                using var cancelTimer = new CancellationTokenSource();
                var timer = context.CreateTimer(GroupCheck, cancelTimer.Token);
                var winner = await Task.WhenAny(timer, cancelled, extended, toManagers);
                if (winner == timer)
                {
                    continue;
                }

                // Synchronously: CancelAsync runs callbacks on the thread pool, and an orchestration may only await durable tasks.
                cancelTimer.Cancel();
                if (winner == cancelled)
                {
                    return false;
                }

                if (winner == extended)
                {
                    await ApplyExtensionAsync();
                }
            }

            return true;
        }

        /// <summary>Waits for <paramref name="work"/>, applying extensions meanwhile. False when cancelled.</summary>
        private async Task<bool> WaitAsync(Task work)
        {
            while (true)
            {
                var winner = await Task.WhenAny(work, cancelled, extended);
                if (winner == work)
                {
                    await work;
                    return true;
                }

                if (winner == cancelled)
                {
                    return false;
                }

                await ApplyExtensionAsync();
            }
        }

        /// <summary>
        /// Waits for HR's release event, or the time <paramref name="dueAt"/> gives (re-read after each extension;
        /// null: no timer), applying extensions meanwhile. False when cancelled.
        /// </summary>
        private async Task<bool> WaitForHrAsync(Task hrEvent, Func<DateTime?> dueAt)
        {
            while (!hrEvent.IsCompleted)
            {
                if (cancelled.IsCompleted)
                {
                    return false;
                }

                using var cancelTimer = new CancellationTokenSource();
                var timer = dueAt() is { } at ? context.CreateTimer(at, cancelTimer.Token) : null;
                var winner = timer is null ? await Task.WhenAny(hrEvent, cancelled, extended) : await Task.WhenAny(hrEvent, cancelled, extended, timer);
                if (winner == timer)
                {
                    return true;
                }

                // Synchronously: CancelAsync runs callbacks on the thread pool, and an orchestration may only await durable tasks.
                cancelTimer.Cancel();
                if (winner == extended)
                {
                    await ApplyExtensionAsync();
                }
            }

            return true;
        }

        private async Task ApplyExtensionAsync()
        {
            var extension = await extended;
            extended = context.WaitForExternalEvent<DeadlineExtendedEvent>(WorkflowEvents.DeadlineExtended);
            schedule = schedule.WithDeadline(extension.Step, extension.NewDeadline);
            if (extension.Step is StepKind.Calibration or StepKind.Decisions)
            {
                foreach (var group in groups)
                {
                    context.SendEvent(InstanceIds.Group(cycleId, group.GroupId), WorkflowEvents.DeadlineExtended, extension);
                }
            }
        }

        private async Task<CycleOutcome> CancelAsync()
        {
            var cancellation = await cancelled;
            await cancelSteps.CallAsync<int>(nameof(CancelCycle), cancellation);
            await SendWaveAsync("cancelled", WaveKind.CycleCancelled, cancelSteps);
            Publish(progress with { Phase = CyclePhase.Cancelled });
            return Outcome();
        }

        private async Task SendWaveAsync(string waveId, WaveKind kind, StepRecovery? recovery = null)
        {
            // A wave that failed keeps its instance; the retry after a stall is a new one (the emails' keys name the wave, not the instance).
            var totals = await (recovery ?? steps).RunAsync(waveId, retries => context.CallSubOrchestratorAsync<WaveTotals>(
                nameof(SendWaveOrchestration), new WaveRequest(cycleId, waveId, kind), new SubOrchestrationOptions(instanceId: InstanceIds.Wave(cycleId, waveId, retries, input.Generation))));
            progress = progress with { EmailsSent = progress.EmailsSent + totals.Sent };
        }

        private void Publish(CycleProgress next)
        {
            progress = next;
            context.SetCustomStatus(progress);
        }

        private CycleOutcome Outcome() => new(cycleId, progress.Phase, progress.Participants, progress.EmailsSent);
    }
}
