using System.Text.RegularExpressions;
using TalentReview.Local.Tests.Harness;

namespace TalentReview.Local.Tests;

/// <summary>The local host as a person uses it: a process, a browser, the dev mailbox and the time control.</summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task DemoCycle_WalkedThroughEmailLinksAndTimeControl_EndsWithALeadershipSummary()
    {
        using var data = new TemporaryFolder();
        await using var host = await LocalHostProcess.StartAsync(data.Path, PinnedClock.MondayMorning);
        using var hr = new Browser(host.BaseAddress);
        await hr.SignInAsync("hr");

        await hr.LaunchDemoCycleAsync();
        var invitations = await hr.WaitForEmailsAsync("SelfAssessmentInvitation", count: 50);
        Assert.All(invitations, email => Assert.Contains(email.Links, link => link.StartsWith(host.BaseAddress.ToString(), StringComparison.Ordinal)));

        using var employees = new Browser(host.BaseAddress);
        foreach (var invitation in invitations.Take(3))
        {
            Assert.Equal(1, await employees.SubmitEveryFormAsync(invitation.Links[0]));
        }

        var digests = await hr.AdvanceUntilEmailAsync("ManagerDigest");
        using var managers = new Browser(host.BaseAddress);
        Assert.True(await managers.SubmitEveryFormAsync(digests[0].Links[0]) > 0, "The manager's team page had no report to give input for.");

        // HR facilitates and places the holding area; then the members approve too, which makes the quorum.
        var readyEmails = await hr.AdvanceUntilEmailAsync("CalibrationReady");
        var boards = readyEmails.Where(e => e.To.Email.StartsWith("hr@", StringComparison.Ordinal)).ToList();
        foreach (var board in boards.Concat(readyEmails.Except(boards)))
        {
            await hr.CalibrateAndApproveAsync(board.Links[0]);
        }

        // Once every group's decisions are final, HR releases to managers on the console: the leadership summary goes out then.
        var released = false;
        for (var advances = 0; advances < 10 && !released; advances++)
        {
            foreach (var board in boards)
            {
                await hr.FinaliseDecisionsAsync(board.Links[0]);
            }

            await hr.AdvanceAsync();
            released = await hr.ReleaseToManagersAsync();
        }

        Assert.True(released, "The HR console never offered the release to managers.");
        await hr.WaitForEmailsAsync("ManagerRelease");
        Assert.DoesNotContain(await hr.MailboxAsync(), e => e.Is("EmployeeRelease"));

        var summaries = await hr.WaitForEmailsAsync("LeadershipSummary");
        var (summary, _) = await hr.OpenAsync(summaries[0].Links[0]);

        // The reader's language varies with the demo roster; the grid's nine rows do not.
        var grid = summary[summary.IndexOf("<table>", StringComparison.Ordinal)..summary.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(9, Regex.Count(grid, "<tr><th scope=\"row\">"));
    }
}
