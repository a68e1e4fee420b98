using TalentReview.Local.Tests.Harness;

namespace TalentReview.Local.Tests;

/// <summary>Killing the host mid-cycle and starting it again on the same data folder loses nothing.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task HostKilledMidCycle_RestartsWhereItStood_AndTheCycleGoesOn()
    {
        using var data = new TemporaryFolder();
        string submittedLink;
        int emailsBefore;
        DateTimeOffset clockBefore;
        int port;
        await using (var first = await LocalHostProcess.StartAsync(data.Path, PinnedClock.MondayMorning))
        {
            using var hr = new Browser(first.BaseAddress);
            await hr.SignInAsync("hr");
            await hr.LaunchDemoCycleAsync();
            var invitations = await hr.WaitForEmailsAsync("SelfAssessmentInvitation", count: 50);
            submittedLink = invitations[0].Links[0];
            port = first.BaseAddress.Port;
            using var employee = new Browser(first.BaseAddress);
            Assert.Equal(1, await employee.SubmitEveryFormAsync(submittedLink));
            await hr.AdvanceAsync("days");
            emailsBefore = (await hr.MailboxAsync()).Count;
            clockBefore = (await hr.ClockAsync()).Now;
            await first.KillAsync();
        }

        await using var second = await LocalHostProcess.StartAsync(data.Path, PinnedClock.MondayMorning, port);
        using var hrAgain = new Browser(second.BaseAddress);
        await hrAgain.SignInAsync("hr");

        Assert.Equal(emailsBefore, (await hrAgain.MailboxAsync()).Count);
        Assert.True((await hrAgain.ClockAsync()).Now >= clockBefore, "The virtual clock went back after the restart.");
        var (page, address) = await hrAgain.OpenAsync(submittedLink);
        Assert.DoesNotContain(HtmlForm.FindAll(page, address), f => f.HasButton("action", "submit"));

        var digests = await hrAgain.AdvanceUntilEmailAsync("ManagerDigest");
        Assert.NotEmpty(digests);
    }
}
