using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Domain;
using TalentReview.Domain.Demo;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Workflow.Calibration;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.EmployeeReview;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Tests.Support;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Workflow.Tests.Scenarios;

/// <summary>
/// Failures during a cycle, on any engine whose host was started with <see cref="FaultRegistration.AddFaults"/>:
/// what passes by itself delays the cycle, an error about one person stays with that person, and anything else
/// stalls the cycle where HR sees it until HR retries. Each checks what HR reads (the status use case).
/// </summary>
public static class ResilienceScenarios
{
    private static readonly Contact Hr = new("hr1", "Hanne HR", "hr@review.example.test", Language.Nl);

    /// <summary>The store's disk is full for 30 minutes right after the launch: longer than the activities' own retries.</summary>
    public static async Task StoreOutageDelaysTheCycleAsync(ICycleScenarioHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (cycles, queries, email, _) = Services(host);
        var store = host.Services.GetRequiredService<OutageDocumentStore>();
        var (cycleId, start) = await LaunchAsync(host, cycles, "outage1");
        var outageEnds = host.Now.AddMinutes(30);
        store.OutageUntil = outageEnds;

        await host.RunUntilAsync(host.Now.AddMinutes(29));
        Assert.True(store.Refused > 5, $"The outage refused {store.Refused} calls: the workflow gave up too early.");
        Assert.Empty(email.Requested);
        var during = await host.Client.GetInstanceAsync(InstanceIds.Cycle(cycleId));
        Assert.Equal(OrchestrationRuntimeStatus.Running, during?.RuntimeStatus);

        await host.RunUntilAsync(At(start, 1));
        var status = await queries.GetCycleStatusAsync(cycleId);
        Assert.NotNull(status);
        Assert.Equal(CycleState.Running, status.State);
        Assert.Null(status.Stall);
        Assert.Equal(await ParticipantIdsAsync(host, cycleId), Recipients(email, "sa-invite"));
    }

    /// <summary>An unknown error (a bug) in the invitation wave stalls the cycle there; once fixed, HR retries and it goes on.</summary>
    public static async Task BugStallsTheCycleUntilHrRetriesAsync(ICycleScenarioHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (cycles, queries, email, faults) = Services(host);
        faults.BrokenWave = "sa-invite";
        var (cycleId, start) = await LaunchAsync(host, cycles, "stall1");
        var launchedAt = host.Now;

        await host.RunUntilAsync(At(start, 1));
        var stalled = await queries.GetCycleStatusAsync(cycleId);
        Assert.NotNull(stalled);
        Assert.Equal(CycleState.Stalled, stalled.State);
        Assert.False(stalled.Progress is null);
        Assert.Equal("sa-invite", stalled.Stall!.Step);
        Assert.Contains("InvalidOperationException", stalled.Stall.Reason, StringComparison.Ordinal);
        Assert.Contains("The template of wave sa-invite has no subject.", stalled.Stall.Reason, StringComparison.Ordinal);
        Assert.InRange(stalled.Stall.Since, launchedAt, At(start, 1));
        Assert.True(stalled.CanResume);
        Assert.Equal(CycleState.Stalled, (await host.Services.GetRequiredService<ReviewStore>().GetCycleIndexAsync(cycleId))!.State);
        Assert.Empty(Recipients(email, "sa-invite"));

        // Stays stalled (not failed, not running) however long nobody looks.
        await host.RunUntilAsync(At(start, 2));
        Assert.Equal(CycleState.Stalled, (await queries.GetCycleStatusAsync(cycleId))!.State);

        faults.BrokenWave = null;
        Assert.Equal(CommandStatus.Succeeded, (await cycles.ResumeCycleAsync(cycleId, Hr.Id)).Status);
        await host.RunUntilAsync(At(start, 2).AddHours(1));
        var resumed = await queries.GetCycleStatusAsync(cycleId);
        Assert.Equal(CycleState.Running, resumed!.State);
        Assert.Null(resumed.Stall);
        Assert.Equal(await ParticipantIdsAsync(host, cycleId), Recipients(email, "sa-invite"));
        Assert.Equal(CommandStatus.NotAllowed, (await cycles.ResumeCycleAsync(cycleId, Hr.Id)).Status);
    }

    /// <summary>The provider refuses one person's address: that person is shown to HR, everyone else is invited, the cycle goes on.</summary>
    public static async Task RefusedAddressStaysWithThePersonAsync(ICycleScenarioHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (cycles, queries, email, faults) = Services(host);
        var organisation = DemoOrganisation.Generate(12, 3, DateOnly.FromDateTime(host.Now.UtcDateTime));
        var refused = organisation.ToRoster().Employees.OrderBy(e => e.Id, StringComparer.Ordinal).Last();
        faults.RefusedPersonIds.Add(refused.Id);
        var (cycleId, start) = await LaunchAsync(host, cycles, "refused1");

        await host.RunUntilAsync(At(start, 8));
        var status = await queries.GetCycleStatusAsync(cycleId);
        Assert.NotNull(status);
        Assert.Equal(CycleState.Running, status.State);
        var problem = Assert.Single(status.Undeliverable!);
        Assert.Equal((refused.Id, refused.Name), (problem.EmployeeId, problem.Name));
        Assert.Equal("Does not contain a valid address.", problem.Reason);
        Assert.Equal((await ParticipantIdsAsync(host, cycleId)).Where(id => id != refused.Id), Recipients(email, "sa-invite"));
        Assert.NotEmpty(Recipients(email, "mi-digest"));
    }

    /// <summary>A launch cut short after the cycle was stored: HR sees the workflow missing, and the same launch again resumes it, once.</summary>
    public static async Task InterruptedLaunchIsResumedByTheSameLaunchAsync(ICycleScenarioHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (cycles, queries, email, _) = Services(host);
        var store = host.Services.GetRequiredService<ReviewStore>();
        var request = Request(host, "orphan1");

        // What the launch had written when the process stopped: the cycle, not its workflow.
        var roster = request.Roster.Employees.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        await store.WriteNewCycleAsync(
            new CycleDocument("orphan1", request.Plan.Name, request.Plan, CycleState.Launched, host.Now, Hr.Id, [Hr], [], roster.Count, [roster[0].Id]), roster);
        await host.RunUntilAsync(host.Now.AddHours(1));
        var orphan = await queries.GetCycleStatusAsync("orphan1");
        Assert.Equal(CycleState.NotStarted, orphan!.State);
        Assert.True(orphan.CanResume);

        var again = await cycles.LaunchCycleAsync(request);
        Assert.Equal(("orphan1", CommandStatus.AlreadyDone), (again.Value, again.Status));
        var start = DateOnly.FromDateTime(host.Now.UtcDateTime);
        await host.RunUntilAsync(At(start, 1));
        Assert.Equal(CycleState.Running, (await queries.GetCycleStatusAsync("orphan1"))!.State);
        Assert.Equal(await ParticipantIdsAsync(host, "orphan1"), Recipients(email, "sa-invite"));
        Assert.Single((await queries.ListCyclesAsync()).Cycles);
    }

    /// <summary>
    /// A bug in one calibration group (its calibrators' notice) stalls that group, not the whole cycle: HR reads the cycle as Stalled
    /// with the group, the step, the reason and since when; the other groups calibrate meanwhile. HR's retry goes on from that step,
    /// nobody hears twice, and the cycle runs to its release. Months later a bug in the group's follow-ups stalls them the same way.
    /// </summary>
    public static async Task BugInAGroupStallsThatGroupUntilHrRetriesAsync(ICycleScenarioHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (cycles, queries, email, faults) = Services(host);
        var store = host.Services.GetRequiredService<ReviewStore>();
        var request = Request(host, "groupstall1", employees: 40);
        var start = DateOnly.FromDateTime(host.Now.UtcDateTime);
        var launchedAt = host.Now;
        Assert.True((await cycles.LaunchCycleAsync(request)).Succeeded);
        await host.RunUntilAsync(At(start, 1));
        var groups = await GroupsAsync(store, "groupstall1");
        Assert.True(groups.Count >= 2, "The scenario needs a group that goes on while another is stalled.");
        var broken = groups[0];
        faults.BrokenWave = $"calibration-ready-{broken.GroupId}";
        await SubmitManagerInputsAsync(host, "groupstall1", DemoOrganisation.Generate(40, 3, start));

        var inputCloses = new DateTimeOffset(CycleTimeline.Plan(CycleSchedule.From(request.Plan)).Single(m => m.Action == MilestoneAction.CloseInput).At, TimeSpan.Zero);
        await host.RunUntilAsync(inputCloses.AddHours(1));
        var stalled = await queries.GetCycleStatusAsync("groupstall1");
        Assert.Equal(CycleState.Stalled, stalled!.State);
        Assert.True(stalled.CanResume);
        var stall = Assert.Single(stalled.Stalls!);
        Assert.Equal((nameof(NotifyCalibrators), broken.Name, broken.GroupId, false), (stall.Step, stall.Group, stall.GroupId, stall.FollowUps));
        Assert.Equal($"System.InvalidOperationException: The template of wave {faults.BrokenWave} has no subject.", stall.Reason);
        Assert.InRange(stall.Since, launchedAt, inputCloses.AddHours(1));
        Assert.Equal(stall, stalled.Stall);
        Assert.Equal(CycleState.Stalled, (await store.GetCycleIndexAsync("groupstall1"))!.State);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(InstanceIds.Cycle("groupstall1")))!.RuntimeStatus);
        Assert.Empty(Recipients(email, faults.BrokenWave));
        foreach (var other in groups.Skip(1))
        {
            Assert.Equal(Calibrators(other), Recipients(email, $"calibration-ready-{other.GroupId}"));
        }

        // Stays stalled however long nobody looks; then HR retries once the cause is fixed.
        await host.RunUntilAsync(inputCloses.AddDays(2));
        Assert.Equal(CycleState.Stalled, (await queries.GetCycleStatusAsync("groupstall1"))!.State);
        faults.BrokenWave = null;
        Assert.Equal(CommandStatus.Succeeded, (await cycles.ResumeCycleAsync("groupstall1", Hr.Id)).Status);
        await host.RunUntilAsync(host.Now.AddHours(1));
        var resumed = await queries.GetCycleStatusAsync("groupstall1");
        Assert.Equal(CycleState.Running, resumed!.State);
        Assert.Null(resumed.Stall);
        Assert.Empty(resumed.Stalls!);
        Assert.Equal(Calibrators(broken), Recipients(email, $"calibration-ready-{broken.GroupId}"));
        Assert.Equal(CommandStatus.NotAllowed, (await cycles.ResumeCycleAsync("groupstall1", Hr.Id)).Status);

        await CalibrateAndReleaseAsync(host, "groupstall1");
        var cycle = await host.Client.GetInstanceAsync(InstanceIds.Cycle("groupstall1"), getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, cycle!.RuntimeStatus);
        Assert.Equal(CyclePhase.Released, cycle.ReadOutputAs<CycleOutcome>()!.Phase);
        Assert.Equal(CycleState.Released, (await queries.GetCycleStatusAsync("groupstall1"))!.State);
        Assert.Equal(await ParticipantIdsAsync(host, "groupstall1"), [.. email.Sent(EmailKind.EmployeeRelease).Select(m => m.To.PersonId).Order()]);
        AssertNoEmailTwice(email);

        // The follow-ups of a group with plans: a bug in their first wave stalls them, shown with the group, until HR retries.
        var (planned, firstDate) = await FirstFollowUpAsync(store, "groupstall1");
        var followUpWave = $"followup-{planned.GroupId}-{firstDate:yyyyMMdd}";
        faults.BrokenWave = followUpWave;
        await host.RunUntilAsync(At(firstDate, 1));
        var followUpStalled = await queries.GetCycleStatusAsync("groupstall1");
        Assert.Equal(CycleState.Stalled, followUpStalled!.State);
        Assert.Equal((followUpWave, planned.Name, true), (followUpStalled.Stall!.Step, followUpStalled.Stall.Group, followUpStalled.Stall.FollowUps));
        Assert.Empty(Recipients(email, followUpWave));
        faults.BrokenWave = null;
        Assert.Equal(CommandStatus.Succeeded, (await cycles.ResumeCycleAsync("groupstall1", Hr.Id)).Status);
        await host.RunUntilAsync(host.Now.AddHours(1));
        Assert.Equal(CycleState.Released, (await queries.GetCycleStatusAsync("groupstall1"))!.State);
        Assert.NotEmpty(Recipients(email, followUpWave));
        AssertNoEmailTwice(email);
    }

    /// <summary>HR cancels a stalled cycle, with a reason as any cancel: it stops, nobody reads it as stalled any more, and people are told once.</summary>
    public static async Task StalledCycleCanBeCancelledAsync(ICycleScenarioHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (cycles, queries, email, faults) = Services(host);
        faults.BrokenWave = "sa-invite";
        var (cycleId, start) = await LaunchAsync(host, cycles, "stallcancel1");
        await host.RunUntilAsync(At(start, 1));
        Assert.Equal(CycleState.Stalled, (await queries.GetCycleStatusAsync(cycleId))!.State);

        Assert.Equal(CommandStatus.Invalid, (await cycles.CancelCycleAsync(cycleId, " ", Hr.Id)).Status);
        Assert.Equal(CommandStatus.Succeeded, (await cycles.CancelCycleAsync(cycleId, "Reorganisation announced", Hr.Id)).Status);
        await host.RunUntilAsync(At(start, 2));
        Assert.Equal(CommandStatus.AlreadyDone, (await cycles.CancelCycleAsync(cycleId, "Reorganisation announced", Hr.Id)).Status);
        await host.RunUntilAsync(At(start, 3));

        var cancelled = await queries.GetCycleStatusAsync(cycleId);
        Assert.Equal(CycleState.Cancelled, cancelled!.State);
        Assert.Null(cancelled.Stall);
        Assert.False(cancelled.CanResume);
        Assert.Equal(CycleState.Cancelled, (await host.Services.GetRequiredService<ReviewStore>().GetCycleIndexAsync(cycleId))!.State);
        var instance = await host.Client.GetInstanceAsync(InstanceIds.Cycle(cycleId), getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance!.RuntimeStatus);
        Assert.Equal(CyclePhase.Cancelled, instance.ReadOutputAs<CycleOutcome>()!.Phase);
        Assert.Empty(Recipients(email, "sa-invite"));
        var told = email.Requested.Where(r => r.Message.Content.Kind == EmailKind.CycleCancelled).Select(r => r.Message.To.PersonId).ToList();
        Assert.Equal(await ParticipantIdsAsync(host, cycleId), [.. told.Order()]);
        Assert.Equal(CommandStatus.NotAllowed, (await cycles.ResumeCycleAsync(cycleId, Hr.Id)).Status);
    }

    /// <summary>HR cancels while one calibration group is stalled: the group stops with the cycle and the stall is gone.</summary>
    public static async Task CycleWithAStalledGroupCanBeCancelledAsync(ICycleScenarioHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (cycles, queries, email, faults) = Services(host);
        var store = host.Services.GetRequiredService<ReviewStore>();
        var request = Request(host, "groupcancel1");
        var start = DateOnly.FromDateTime(host.Now.UtcDateTime);
        Assert.True((await cycles.LaunchCycleAsync(request)).Succeeded);
        await host.RunUntilAsync(At(start, 1));
        var broken = (await GroupsAsync(store, "groupcancel1"))[0];
        faults.BrokenWave = $"calibration-ready-{broken.GroupId}";
        var inputCloses = new DateTimeOffset(CycleTimeline.Plan(CycleSchedule.From(request.Plan)).Single(m => m.Action == MilestoneAction.CloseInput).At, TimeSpan.Zero);
        await host.RunUntilAsync(inputCloses.AddHours(1));
        Assert.Equal(broken.Name, (await queries.GetCycleStatusAsync("groupcancel1"))!.Stall!.Group);

        Assert.Equal(CommandStatus.Succeeded, (await cycles.CancelCycleAsync("groupcancel1", "Reorganisation announced", Hr.Id)).Status);
        await host.RunUntilAsync(host.Now.AddHours(2));
        var cancelled = await queries.GetCycleStatusAsync("groupcancel1");
        Assert.Equal((CycleState.Cancelled, null), (cancelled!.State, cancelled.Stall));
        Assert.NotEqual(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(InstanceIds.Group("groupcancel1", broken.GroupId)))!.RuntimeStatus);
        var told = email.Requested.Where(r => r.Message.Content.Kind == EmailKind.CycleCancelled).Select(r => r.Message.To.PersonId).ToList();
        Assert.Equal(await ParticipantIdsAsync(host, "groupcancel1"), [.. told.Order()]);
    }

    /// <summary>
    /// A bug in the cycle's own code, outside its steps, fails its workflow (see <see cref="FailTheCycleWorkflowAsync"/>): during
    /// self-assessment, while its groups collect input; at the release gate; or once managers have their outcomes. HR reads Failed with the reason and since when, and
    /// resumes it: a fresh workflow carries on from what is stored, submissions made before and during the failure count, and the cycle
    /// reaches its release with every email once per recipient, kind and wave, and one outcome per person.
    /// </summary>
    public static async Task FailedCycleIsResumedToItsReleaseAsync(ICycleScenarioHost host, CyclePhase failsIn)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (cycles, queries, email, _) = Services(host);
        var store = host.Services.GetRequiredService<ReviewStore>();
        var request = Request(host, "failed1", employees: 40);
        var start = DateOnly.FromDateTime(host.Now.UtcDateTime);
        Assert.True((await cycles.LaunchCycleAsync(request)).Succeeded);
        await host.RunUntilAsync(At(start, 1));
        var participants = await ParticipantIdsAsync(host, "failed1");
        Assert.Equal(participants, Recipients(email, "sa-invite"));
        var organisation = DemoOrganisation.Generate(40, 3, start);
        var selfSubmitted = await SubmitSelfAssessmentsAsync(host, "failed1", organisation, participants.Take(5));

        if (failsIn == CyclePhase.SelfAssessment)
        {
            await FailAndResumeAsync(host, "failed1", CyclePhase.SelfAssessment, async () =>
                selfSubmitted += await SubmitSelfAssessmentsAsync(host, "failed1", organisation, participants.Skip(5).Take(3)));
        }

        await SubmitManagerInputsAsync(host, "failed1", organisation);
        var inputCloses = new DateTimeOffset(CycleTimeline.Plan(CycleSchedule.From(request.Plan)).Single(m => m.Action == MilestoneAction.CloseInput).At, TimeSpan.Zero);
        await host.RunUntilAsync(inputCloses.AddHours(1));
        Assert.Equal(selfSubmitted, (await queries.GetCycleStatusAsync("failed1"))!.SelfAssessmentsSubmitted);
        await CalibrateAndReleaseAsync(host, "failed1", releasing: false);
        if (failsIn == CyclePhase.WaitingForRelease)
        {
            await FailAndResumeAsync(host, "failed1", CyclePhase.WaitingForRelease, () => Task.CompletedTask);
        }

        if (failsIn == CyclePhase.ReleasedToManagers)
        {
            // Managers have their outcomes when the workflow fails; the fresh one does not wait for HR's release to managers again.
            Assert.Equal(CommandStatus.Succeeded, (await host.Services.GetRequiredService<ReleaseCommands>().ReleaseToManagersAsync("failed1", Hr.Id)).Status);
            await host.RunUntilAsync(host.Now.AddHours(1));
            await FailAndResumeAsync(host, "failed1", CyclePhase.ReleasedToManagers, () => Task.CompletedTask);
        }

        await ReleaseAsync(host, "failed1", toManagers: failsIn != CyclePhase.ReleasedToManagers);
        var cycle = await host.Client.GetInstanceAsync(InstanceIds.Cycle((await store.GetCycleAsync("failed1"))!), getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, cycle!.RuntimeStatus);
        Assert.Equal(CyclePhase.Released, cycle.ReadOutputAs<CycleOutcome>()!.Phase);
        Assert.Equal(CycleState.Released, (await queries.GetCycleStatusAsync("failed1"))!.State);
        Assert.Equal(participants, [.. email.Sent(EmailKind.EmployeeRelease).Select(m => m.To.PersonId).Order()]);
        Assert.Equal(participants, Recipients(email, "sa-invite"));
        Assert.NotEmpty(Recipients(email, "mi-digest"));
        Assert.Equal(participants.Count, await DecisionCountAsync(store, "failed1"));
        AssertNoEmailTwice(email);
    }

    /// <summary>
    /// HR cancels a cycle whose workflow failed (during self-assessment, or at the release gate): it is cancelled, nobody reads it as
    /// failed any more, nothing of it runs on, and people are told once.
    /// </summary>
    public static async Task FailedCycleCanBeCancelledAsync(ICycleScenarioHost host, CyclePhase failsIn)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (cycles, queries, email, _) = Services(host);
        var request = Request(host, "failcancel1", employees: 40);
        var start = DateOnly.FromDateTime(host.Now.UtcDateTime);
        var cycleId = (await cycles.LaunchCycleAsync(request)).Value!;
        await host.RunUntilAsync(At(start, 1));
        if (failsIn == CyclePhase.WaitingForRelease)
        {
            await SubmitManagerInputsAsync(host, cycleId, DemoOrganisation.Generate(40, 3, start));
            var inputCloses = new DateTimeOffset(CycleTimeline.Plan(CycleSchedule.From(request.Plan)).Single(m => m.Action == MilestoneAction.CloseInput).At, TimeSpan.Zero);
            await host.RunUntilAsync(inputCloses.AddHours(1));
            await CalibrateAndReleaseAsync(host, cycleId, releasing: false);
        }

        await FailTheCycleWorkflowAsync(host, cycleId);
        await host.RunUntilAsync(host.Now.AddHours(1));
        Assert.Equal(CycleState.Failed, (await queries.GetCycleStatusAsync(cycleId))!.State);

        Assert.Equal(CommandStatus.Invalid, (await cycles.CancelCycleAsync(cycleId, " ", Hr.Id)).Status);
        Assert.Equal(CommandStatus.Succeeded, (await cycles.CancelCycleAsync(cycleId, "Reorganisation announced", Hr.Id)).Status);
        await host.RunUntilAsync(host.Now.AddDays(1));
        Assert.Equal(CommandStatus.AlreadyDone, (await cycles.CancelCycleAsync(cycleId, "Reorganisation announced", Hr.Id)).Status);
        Assert.Equal(CommandStatus.NotAllowed, (await cycles.ResumeCycleAsync(cycleId, Hr.Id)).Status);

        var cancelled = await queries.GetCycleStatusAsync(cycleId);
        Assert.Equal(CycleState.Cancelled, cancelled!.State);
        Assert.Null(cancelled.Stall);
        Assert.False(cancelled.CanResume);
        var recovery = Assert.Single(cancelled.Recoveries!);
        Assert.Equal((RecoveryAction.Cancelled, Hr.Id), (recovery.Action, recovery.By));
        Assert.Equal(CycleState.Cancelled, (await host.Services.GetRequiredService<ReviewStore>().GetCycleIndexAsync(cycleId))!.State);
        var participants = await ParticipantIdsAsync(host, cycleId);
        var told = email.Requested.Where(r => r.Message.Content.Kind == EmailKind.CycleCancelled).Select(r => r.Message.To.PersonId).ToList();
        Assert.Equal(participants, [.. told.Order()]);
        Assert.All(email.Sent(EmailKind.CycleCancelled), m => Assert.Equal("Reorganisation announced", ((CycleCancelled)m.Content).Reason));

        // Nothing of the cycle runs on: weeks later, nobody got a reminder or an outcome.
        var sentBefore = email.Requested.Count;
        await host.RunUntilAsync(host.Now.AddDays(40));
        foreach (var prefix in InstanceIds.ChildPrefixes(cycleId))
        {
            Assert.Empty(await host.Client.FindInstancesAsync(prefix, [OrchestrationRuntimeStatus.Running], CancellationToken.None));
        }

        Assert.Equal(sentBefore, email.Requested.Count);
        AssertNoEmailTwice(email);
    }

    /// <summary>Fails the cycle's workflow where it waits, checks what HR reads, lets <paramref name="meanwhile"/> happen, and has HR resume it.</summary>
    private static async Task FailAndResumeAsync(ICycleScenarioHost host, string cycleId, CyclePhase phase, Func<Task> meanwhile)
    {
        var (cycles, queries, _, _) = Services(host);
        var failedAt = host.Now;
        await FailTheCycleWorkflowAsync(host, cycleId);
        await host.RunUntilAsync(host.Now.AddHours(2));
        var failed = await queries.GetCycleStatusAsync(cycleId);
        Assert.Equal(CycleState.Failed, failed!.State);
        Assert.Equal(phase, failed.Progress!.Phase);
        Assert.Equal("System.NullReferenceException: Object reference not set to an instance of an object.", failed.Stall!.Reason);
        if (host is EmbeddedCycleScenarioHost)
        {
            // The in-process real engine stamps an instance's updates with the machine's clock, not the virtual one.
            Assert.InRange(failed.Stall.Since, failedAt, host.Now);
        }

        Assert.True(failed.CanResume);

        // Work goes on meanwhile (the reviews run on); then HR resumes, once: a second click finds the cycle running.
        await meanwhile();
        await host.RunUntilAsync(host.Now.AddHours(20));
        Assert.Equal(CycleState.Failed, (await queries.GetCycleStatusAsync(cycleId))!.State);
        Assert.Equal(CommandStatus.Succeeded, (await cycles.ResumeCycleAsync(cycleId, Hr.Id)).Status);
        Assert.Equal(CommandStatus.NotAllowed, (await cycles.ResumeCycleAsync(cycleId, Hr.Id)).Status);
        await host.RunUntilAsync(host.Now.AddHours(1));
        var resumed = await queries.GetCycleStatusAsync(cycleId);
        Assert.Equal(phase == CyclePhase.ReleasedToManagers ? CycleState.ManagersReleased : CycleState.Running, resumed!.State);
        Assert.Null(resumed.Stall);
        Assert.Equal(phase, resumed.Progress!.Phase);
        var recovery = Assert.Single(resumed.Recoveries!);
        Assert.Equal((RecoveryAction.Resumed, Hr.Id, failed.Stall.Reason, failed.Stall.Since), (recovery.Action, recovery.By, recovery.Failure, recovery.FailedSince));
    }

    /// <summary>
    /// A bug in the cycle's own code outside its steps: it reads a deadline extension without checking it, so one that arrives without
    /// its content (an event from a sender with a bug) fails the workflow where it waits. Sent once, to the workflow running now: the
    /// fresh workflow never sees it.
    /// </summary>
    private static Task FailTheCycleWorkflowAsync(ICycleScenarioHost host, string cycleId)
        => host.Client.RaiseEventAsync(InstanceIds.Cycle(cycleId), WorkflowEvents.DeadlineExtended, JsonDocument.Parse("null").RootElement);

    /// <summary>
    /// A bug in one review's manager change (its email to the new manager) stalls that review only: HR reads the cycle as Stalled with
    /// the step, the person's review, its group, the reason and since when; the cycle and every other review go on. Once fixed, HR's
    /// retry moves the review to the new manager, who hears once and gives the input.
    /// </summary>
    public static async Task BugInAManagerChangeStallsThatReviewUntilHrRetriesAsync(ICycleScenarioHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (cycles, queries, email, faults) = Services(host);
        var store = host.Services.GetRequiredService<ReviewStore>();
        var (cycleId, start) = await LaunchAsync(host, cycles, "reassignstall1");
        await host.RunUntilAsync(At(start, 1));
        var participants = (await store.QueryParticipantsAsync(cycleId, ParticipantFilter.All, null, 500)).Items.Select(i => i.Value).ToList();

        // Someone nobody reports to moves to a manager who is neither them nor their manager.
        var moved = participants.First(p => p.ManagerId is not null && participants.All(other => other.ManagerId != p.EmployeeId));
        var newManager = participants.First(p => p.EmployeeId != moved.EmployeeId && p.EmployeeId != moved.ManagerId && participants.Any(r => r.ManagerId == p.EmployeeId));
        faults.BrokenWavesStartingWith = $"reassign-{moved.EmployeeId}-";
        var changedAt = host.Now;
        Assert.Equal(CommandStatus.Succeeded, (await cycles.ReassignManagerAsync(cycleId, moved.EmployeeId, newManager.EmployeeId, Hr.Id)).Status);
        await host.RunUntilAsync(host.Now.AddHours(1));

        var stalled = await queries.GetCycleStatusAsync(cycleId);
        Assert.Equal(CycleState.Stalled, stalled!.State);
        Assert.True(stalled.CanResume);
        var stall = Assert.Single(stalled.Stalls!);
        var group = (await store.GetGroupAsync(cycleId, moved.GroupId))!;
        Assert.Equal((nameof(ReassignManager), moved.EmployeeId, moved.Name, group.Name), (stall.Step, stall.EmployeeId, stall.Person, stall.Group));
        Assert.StartsWith($"System.InvalidOperationException: The template of wave reassign-{moved.EmployeeId}-", stall.Reason, StringComparison.Ordinal);
        Assert.InRange(stall.Since, changedAt, host.Now);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(InstanceIds.Review(cycleId, moved.EmployeeId)))!.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(InstanceIds.Cycle(cycleId)))!.RuntimeStatus);

        // Everyone else goes on meanwhile: the managers' digests go out when manager input opens.
        var digestAt = new DateTimeOffset(CycleTimeline.Plan(CycleSchedule.From((await store.GetCycleAsync(cycleId))!.Plan)).Single(m => m.Id == "mi-digest").At, TimeSpan.Zero);
        await host.RunUntilAsync(digestAt.AddHours(1));
        Assert.NotEmpty(Recipients(email, "mi-digest"));
        Assert.Equal(CycleState.Stalled, (await queries.GetCycleStatusAsync(cycleId))!.State);

        faults.BrokenWavesStartingWith = null;
        Assert.Equal(CommandStatus.Succeeded, (await cycles.ResumeCycleAsync(cycleId, Hr.Id)).Status);
        await host.RunUntilAsync(host.Now.AddHours(1));
        var resumed = await queries.GetCycleStatusAsync(cycleId);
        Assert.Equal(CycleState.Running, resumed!.State);
        Assert.Empty(resumed.Stalls!);
        Assert.Equal(newManager.EmployeeId, (await store.GetParticipantAsync(cycleId, moved.EmployeeId))!.ManagerId);
        Assert.Equal([newManager.EmployeeId], email.Sent(EmailKind.ManagerReassigned).Select(m => m.To.PersonId).ToList());

        var input = DemoOrganisation.Generate(12, 3, start).GenerateManagerInputs([moved.EmployeeId], 5).Single();
        var submitted = await host.Services.GetRequiredService<SubmissionCommands>().SubmitManagerInputAsync(cycleId, moved.EmployeeId, newManager.EmployeeId, input with { ManagerId = newManager.EmployeeId });
        Assert.Equal(CommandStatus.Succeeded, submitted.Status);
        AssertNoEmailTwice(email);
    }

    private static async Task<int> SubmitSelfAssessmentsAsync(ICycleScenarioHost host, string cycleId, DemoOrganisation organisation, IEnumerable<string> employeeIds)
    {
        var submissions = host.Services.GetRequiredService<SubmissionCommands>();
        var count = 0;
        foreach (var assessment in organisation.GenerateSelfAssessments(employeeIds, 11))
        {
            Assert.Equal(CommandStatus.Succeeded, (await submissions.SubmitSelfAssessmentAsync(cycleId, assessment.EmployeeId, assessment)).Status);
            count++;
        }

        return count;
    }

    private static async Task<int> DecisionCountAsync(ReviewStore store, string cycleId)
    {
        var decided = new List<string>();
        foreach (var group in await GroupsAsync(store, cycleId))
        {
            for (var chunk = 0; chunk < group.Chunks; chunk++)
            {
                decided.AddRange((await store.GetDecisionsAsync(cycleId, group.GroupId, chunk))!.Decisions.Select(d => d.EmployeeId));
            }
        }

        Assert.Equal(decided.Count, decided.Distinct(StringComparer.Ordinal).Count());
        return decided.Count;
    }

    private static (CycleCommands, CycleQueries, RecordingEmailSender, FaultyEmailSender) Services(ICycleScenarioHost host)
        => (host.Services.GetRequiredService<CycleCommands>(),
            host.Services.GetRequiredService<CycleQueries>(),
            host.Services.GetRequiredService<RecordingEmailSender>(),
            host.Services.GetRequiredService<FaultyEmailSender>());

    internal static LaunchCycleRequest Request(ICycleScenarioHost host, string cycleId, int employees = 12)
    {
        var start = DateOnly.FromDateTime(host.Now.UtcDateTime);
        var roster = DemoOrganisation.Generate(employees, 3, start).ToRoster();
        return new LaunchCycleRequest(CyclePlan.Default("Review 2026", start, roster, [Hr.Id]), roster, [Hr], [], Hr.Id, cycleId);
    }

    private static async Task<(string CycleId, DateOnly Start)> LaunchAsync(ICycleScenarioHost host, CycleCommands cycles, string cycleId)
    {
        var request = Request(host, cycleId);
        var launched = await cycles.LaunchCycleAsync(request);
        Assert.True(launched.Succeeded, string.Join("; ", launched.Errors.Select(e => e.Message)));
        return (launched.Value!, DateOnly.FromDateTime(host.Now.UtcDateTime));
    }

    private static async Task<List<string>> ParticipantIdsAsync(ICycleScenarioHost host, string cycleId)
    {
        var page = await host.Services.GetRequiredService<ReviewStore>().QueryParticipantsAsync(cycleId, ParticipantFilter.All, null, 500);
        Assert.Null(page.NextAfterId);
        return [.. page.Items.Select(i => i.Value.EmployeeId).Order()];
    }

    private static DateTimeOffset At(DateOnly day, int plusDays) => new(day.AddDays(plusDays).ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private static List<string> Recipients(RecordingEmailSender email, string waveId)
        => [.. email.Requested.Where(r => r.WaveId == waveId).Select(r => r.Message.To.PersonId).Distinct().Order()];

    private static async Task<List<CalibrationGroupDocument>> GroupsAsync(ReviewStore store, string cycleId)
        => [.. (await store.QueryGroupsAsync(cycleId, null, 500)).Items.Select(i => i.Value).OrderBy(g => g.GroupId, StringComparer.Ordinal)];

    private static List<string> Calibrators(CalibrationGroupDocument group) => [.. group.Calibrators.Select(c => c.Id).Distinct().Order()];

    /// <summary>Managers give their input, as they would from their digests (a few of them never do).</summary>
    internal static async Task SubmitManagerInputsAsync(ICycleScenarioHost host, string cycleId, DemoOrganisation organisation)
    {
        var submissions = host.Services.GetRequiredService<SubmissionCommands>();
        var store = host.Services.GetRequiredService<ReviewStore>();
        var managerOf = (await store.QueryParticipantsAsync(cycleId, ParticipantFilter.All, null, 500)).Items
            .Select(i => i.Value).Where(p => p.ManagerId is not null).ToDictionary(p => p.EmployeeId, p => p.ManagerId!);
        foreach (var input in organisation.GenerateManagerInputs(managerOf.Keys, 5))
        {
            var result = await submissions.SubmitManagerInputAsync(cycleId, input.EmployeeId, managerOf[input.EmployeeId], input with { ManagerId = managerOf[input.EmployeeId] });
            Assert.Equal(CommandStatus.Succeeded, result.Status);
        }
    }

    /// <summary>Every committee places its holding area, approves, confirms its decisions; HR releases to managers, then employees.</summary>
    internal static async Task CalibrateAndReleaseAsync(ICycleScenarioHost host, string cycleId, bool releasing = true)
    {
        var calibration = host.Services.GetRequiredService<CalibrationCommands>();
        var store = host.Services.GetRequiredService<ReviewStore>();
        foreach (var group in await GroupsAsync(store, cycleId))
        {
            for (var chunk = 0; chunk < group.Chunks; chunk++)
            {
                foreach (var waiting in (await store.GetCardsAsync(cycleId, group.GroupId, chunk))!.Cards.Where(c => c.InHoldingArea))
                {
                    Assert.True((await calibration.MoveCardAsync(cycleId, group.GroupId, waiting.EmployeeId, GridPosition.Of(GridBox.SolidProfessional), "No manager input; placed by the committee.", Hr.Id)).Succeeded);
                }
            }

            await calibration.ApproveCalibrationAsync(cycleId, group.GroupId, Hr.Id, confirmed: true);
            Assert.True((await calibration.ApproveCalibrationAsync(cycleId, group.GroupId, group.Calibrators.First(c => c.Id != Hr.Id).Id, confirmed: true)).Value!.Reached);
        }

        await host.RunUntilAsync(host.Now.AddHours(1));
        foreach (var group in await GroupsAsync(store, cycleId))
        {
            for (var chunk = 0; chunk < group.Chunks; chunk++)
            {
                foreach (var promotion in (await store.GetDecisionsAsync(cycleId, group.GroupId, chunk))!.Decisions.OfType<Domain.Decisions.PromotionDecision>())
                {
                    Assert.True((await calibration.AmendDecisionAsync(cycleId, group.GroupId, promotion with { DecidedBy = Hr.Id, NewLevel = "L4", NewJobTitle = "Senior advisor" })).Succeeded);
                }
            }

            Assert.Equal(CommandStatus.Succeeded, (await calibration.FinaliseDecisionsAsync(cycleId, group.GroupId, Hr.Id)).Status);
        }

        await host.RunUntilAsync(host.Now.AddHours(1));
        if (releasing)
        {
            await ReleaseAsync(host, cycleId);
        }
    }

    /// <summary>HR releases to managers (unless done already), then to employees.</summary>
    internal static async Task ReleaseAsync(ICycleScenarioHost host, string cycleId, bool toManagers = true)
    {
        var release = host.Services.GetRequiredService<ReleaseCommands>();
        if (toManagers)
        {
            Assert.Equal(CommandStatus.Succeeded, (await release.ReleaseToManagersAsync(cycleId, Hr.Id)).Status);
            await host.RunUntilAsync(host.Now.AddHours(1));
        }

        Assert.Equal(CommandStatus.Succeeded, (await release.ReleaseToEmployeesAsync(cycleId, Hr.Id)).Status);
        await host.RunUntilAsync(host.Now.AddHours(2));
    }

    /// <summary>The group with the earliest follow-up of a development or improvement plan, and that date.</summary>
    private static async Task<(CalibrationGroupDocument Group, DateOnly Date)> FirstFollowUpAsync(ReviewStore store, string cycleId)
    {
        var dates = new List<(CalibrationGroupDocument Group, DateOnly Date)>();
        foreach (var group in await GroupsAsync(store, cycleId))
        {
            for (var chunk = 0; chunk < group.Chunks; chunk++)
            {
                dates.AddRange((await store.GetDecisionsAsync(cycleId, group.GroupId, chunk))!.Decisions.SelectMany(d => d switch
                {
                    Domain.Decisions.DevelopmentPlanDecision plan => plan.FollowUps,
                    Domain.Decisions.PerformanceImprovementPlanDecision plan => plan.FollowUps,
                    _ => [],
                }).Select(date => (group, date)));
            }
        }

        Assert.NotEmpty(dates);
        return dates.OrderBy(d => d.Date).ThenBy(d => d.Group.GroupId, StringComparer.Ordinal).First();
    }

    /// <summary>No email twice: one request per idempotency key, and one key per person per wave (follow-ups: one per plan).</summary>
    private static void AssertNoEmailTwice(RecordingEmailSender email)
    {
        Assert.Empty(email.Requested.GroupBy(r => r.Message.DedupeKey).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(email.Requested.Where(r => r.Message.Content is not FollowUpReminder).GroupBy(r => (r.WaveId, r.Message.To.PersonId)).Where(g => g.Select(r => r.Message.DedupeKey).Distinct().Count() > 1).Select(g => g.Key));
    }
}
