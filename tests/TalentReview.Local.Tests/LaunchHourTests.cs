using TalentReview.Local.Tests.Harness;

namespace TalentReview.Local.Tests;

/// <summary>
/// A demo cycle starts on the date it is in Brussels and sends its invitations at the working hour there
/// (09:00, 08:00 UTC in March): launched before it, HR is told when they go out and they arrive then.
/// The deadline in the email is the plan's deadline date, as the page shows it.
/// </summary>
public sealed class LaunchHourTests
{
    [Theory]
    [InlineData("2026-03-02T03:00:00Z", "the self-assessment invitations go out on Monday 2 March 2026 at 09:00 (Europe/Brussels)", 2, 15)]
    [InlineData("2026-03-02T23:30:00Z", "the self-assessment invitations go out on Tuesday 3 March 2026 at 09:00 (Europe/Brussels)", 3, 16)]
    public async Task DemoCycle_LaunchedAtAnyHour_InvitationsArriveAtNineInBrusselsWithThePlansDeadline(string clockStart, string announced, int startDay, int deadlineDay)
    {
        var launchedAt = DateTimeOffset.Parse(clockStart, System.Globalization.CultureInfo.InvariantCulture);
        using var data = new TemporaryFolder();
        await using var host = await LocalHostProcess.StartAsync(data.Path, launchedAt);
        using var hr = new Browser(host.BaseAddress);
        await hr.SignInAsync("hr");

        await hr.LaunchDemoCycleAsync();
        var (page, _) = await hr.OpenAsync("/dev/hr");
        Assert.Contains(announced, page, StringComparison.Ordinal);
        Assert.DoesNotContain(await hr.MailboxAsync(), e => e.Is("SelfAssessmentInvitation"));
        await hr.AdvanceAsync("next-timer");

        var invitations = await hr.WaitForEmailsAsync("SelfAssessmentInvitation", count: 50);
        var workingHour = new DateTimeOffset(2026, 3, startDay, 8, 0, 0, TimeSpan.Zero);
        string[] deadline = [$"by {deadlineDay} March 2026", $"vóór {deadlineDay} maart 2026", $"avant le {deadlineDay} mars 2026"];
        Assert.All(invitations, email =>
        {
            Assert.InRange(email.ReceivedAt, workingHour, workingHour.AddHours(1));
            Assert.Contains("Talent review 2026", email.Subject, StringComparison.Ordinal);
            Assert.Contains(deadline, d => email.Text!.Contains(d, StringComparison.Ordinal));
        });
        var running = (await hr.OpenAsync("/dev/hr")).Html;
        Assert.DoesNotContain("invitations go out", running, StringComparison.Ordinal);
        // The cycle and its groups in words, by name: no state codes, no group ids.
        Assert.Contains("<td>running</td>", running, StringComparison.Ordinal);
        Assert.Contains(": collecting input", running, StringComparison.Ordinal);
        Assert.DoesNotContain("CollectingInput", running, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ClockStartNotAMoment_FailsNamingTheSetting()
    {
        using var data = new TemporaryFolder();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalHostProcess.StartAsync(data.Path, null, "--Clock:Start", "tomorrow"));

        Assert.Contains("The setting Clock:Start is 'tomorrow', which is not a moment", failure.Message, StringComparison.Ordinal);
    }
}
