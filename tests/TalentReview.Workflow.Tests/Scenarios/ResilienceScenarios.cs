using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Domain;
using TalentReview.Domain.Demo;
using TalentReview.Domain.Planning;
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

    private static (CycleCommands, CycleQueries, RecordingEmailSender, FaultyEmailSender) Services(ICycleScenarioHost host)
        => (host.Services.GetRequiredService<CycleCommands>(),
            host.Services.GetRequiredService<CycleQueries>(),
            host.Services.GetRequiredService<RecordingEmailSender>(),
            host.Services.GetRequiredService<FaultyEmailSender>());

    private static LaunchCycleRequest Request(ICycleScenarioHost host, string cycleId)
    {
        var start = DateOnly.FromDateTime(host.Now.UtcDateTime);
        var roster = DemoOrganisation.Generate(12, 3, start).ToRoster();
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
}
