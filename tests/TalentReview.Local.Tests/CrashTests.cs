using System.Globalization;
using System.Text.Json;
using TalentReview.Local.Tests.Harness;

namespace TalentReview.Local.Tests;

/// <summary>
/// A whole demo cycle on the local host, walked through its pages and email links while the host is killed
/// (kill -9) at random moments: in the invitation wave, during the submissions, in the time jump to the manager
/// digests, during the managers' input and in both release waves. Each time it starts again on the same data folder.
/// Afterwards nothing submitted is lost, nobody got an email twice (counted in the capture mailbox by recipient,
/// kind and wave: what the email's idempotency key names), nobody who submitted was reminded, and the cycle is released.
/// The moments come from a seed (TALENTREVIEW_CRASH_SEED, 15 by default), named in every failure.
/// </summary>
public sealed class CrashTests
{
    /// <summary>The demo roster invites at least this many.</summary>
    private const int Employees = 50;

    [Fact]
    public async Task A_whole_cycle_killed_at_random_moments_loses_nothing_sends_nothing_twice_and_is_released()
    {
        var seed = int.Parse(Environment.GetEnvironmentVariable("TALENTREVIEW_CRASH_SEED") ?? "15", CultureInfo.InvariantCulture);
        using var data = new TemporaryFolder();
        await using var host = await KilledHost.StartAsync(data.Path, seed);
        string Context() => $"Seed {seed}; kills: {string.Join("; ", host.Kills)}.";

        await host.StepAsync("launch", async hr =>
        {
            await hr.LaunchDemoCycleAsync();
            return true;
        });
        var invitations = await host.StepAsync("invitation wave", hr => hr.WaitForEmailsAsync("SelfAssessmentInvitation", count: Employees), killWithinMs: 1500);

        // Twenty people write their self-assessment; a kill may cut one short, and they send it again.
        var writers = invitations.Take(20).ToList();
        await host.StepAsync("self-assessments", async _ => await SubmitAllAsync(host, writers.Select(i => i.Links[0])), killWithinMs: 4000);

        var digests = await host.StepAsync("time jump to the manager digests", hr => hr.AdvanceUntilEmailAsync("ManagerDigest"), killWithinMs: 3000);
        var managerLinks = digests.GroupBy(d => d.To.Email, StringComparer.OrdinalIgnoreCase).Select(g => g.First().Links[0]).ToList();
        await host.StepAsync("manager input", async _ => await SubmitAllAsync(host, managerLinks), killWithinMs: 4000);

        // Each board as it opens: HR facilitates, places the holding area and approves, a member approves too (the quorum),
        // and HR confirms the decisions proposed in the background; time moves on until every group is through.
        var opened = new HashSet<long>();
        var released = false;
        for (var round = 0; round < 12 && !released; round++)
        {
            var ready = (await host.Hr.MailboxAsync()).Where(e => e.Is("CalibrationReady") && opened.Add(e.Id)).ToList();
            var boards = ready.Where(e => e.To.Email.StartsWith("hr@", StringComparison.Ordinal)).ToList();
            foreach (var board in boards.Concat(ready.Except(boards)))
            {
                await host.Hr.CalibrateAndApproveAsync(board.Links[0]);
            }

            foreach (var board in boards)
            {
                await FinaliseOnceProposedAsync(host.Hr, board.Links[0]);
            }

            released = await host.Hr.ReleaseToManagersAsync();
            if (!released)
            {
                await host.Hr.AdvanceAsync();
            }
        }

        Assert.True(released, "The HR console never offered the release to managers. " + Context());
        await host.StepAsync("managers' release wave", hr => hr.WaitForEmailsAsync("ManagerRelease"), killWithinMs: 1500);
        await host.StepAsync("employees' release", async hr => await ReleaseToEmployeesOnceAsync(hr), killWithinMs: 2500);
        await host.StepAsync("employees' release wave", async hr => await hr.WaitForEmailsAsync("EmployeeRelease", count: (await hr.MailboxAsync()).Count(e => e.Is("SelfAssessmentInvitation"))));

        var cycleId = await host.Hr.OnlyCycleIdAsync();
        using var status = JsonDocument.Parse(await host.Hr.Http.GetStringAsync(new Uri($"/api/cycles/{cycleId}", UriKind.Relative), TestContext.Current.CancellationToken));
        var mailbox = await host.Hr.MailboxAsync();
        Assert.True(host.Kills.Count >= 6, Context());
        Assert.True("Released" == status.RootElement.GetProperty("state").GetString(), $"The cycle is {status.RootElement.GetProperty("state")}. {Context()}");

        // No email twice, and every invitation and outcome exactly once.
        var twice = mailbox.GroupBy(e => e.Key).Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}").ToList();
        Assert.True(twice.Count == 0, $"Sent twice: {string.Join(", ", twice)}. {Context()}");
        var invited = mailbox.Where(e => e.Is("SelfAssessmentInvitation")).Select(e => e.To.Email.ToUpperInvariant()).Order().ToList();
        Assert.True(invited.Count >= Employees, Context());
        Assert.Equal(invited, mailbox.Where(e => e.Is("EmployeeRelease")).Select(e => e.To.Email.ToUpperInvariant()).Order());

        // Nothing submitted is lost: no form offers to submit again, and HR's figures count every one.
        foreach (var link in writers.Select(i => i.Links[0]).Concat(managerLinks))
        {
            using var person = new Browser(host.BaseAddress);
            var (page, address) = await person.OpenAsync(link);
            Assert.DoesNotContain(HtmlForm.FindAll(page, address), f => f.HasButton("action", "submit"));
        }

        Assert.Equal(writers.Count, status.RootElement.GetProperty("selfAssessmentsSubmitted").GetInt32());
        var writerAddresses = writers.Select(w => w.To.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(mailbox, e => e.Is("SelfAssessmentReminder") && writerAddresses.Contains(e.To.Email));
    }

    /// <summary>Opens each link and submits what it still offers (after a kill, the forms that went through are not offered again).</summary>
    private static async Task<int> SubmitAllAsync(KilledHost host, IEnumerable<string> links)
    {
        var submitted = 0;
        foreach (var link in links)
        {
            using var person = new Browser(host.BaseAddress);
            submitted += await person.SubmitEveryFormAsync(link);
        }

        return submitted;
    }

    /// <summary>Confirms a board's decisions as soon as they are proposed (moments after its approval).</summary>
    private static async Task FinaliseOnceProposedAsync(Browser hr, string boardLink)
    {
        for (var tries = 0; tries < 120; tries++)
        {
            if (await hr.FinaliseDecisionsAsync(boardLink))
            {
                return;
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"The decisions of {boardLink} were never proposed.");
    }

    /// <summary>HR's second action; after a kill it may have gone through already, and the console then offers it no more.</summary>
    private static async Task<bool> ReleaseToEmployeesOnceAsync(Browser hr)
    {
        if (await hr.ReleaseToEmployeesAsync())
        {
            return true;
        }

        using var status = JsonDocument.Parse(await hr.Http.GetStringAsync(new Uri($"/api/cycles/{await hr.OnlyCycleIdAsync()}", UriKind.Relative)));
        Assert.Equal("Released", status.RootElement.GetProperty("state").GetString());
        return false;
    }
}
