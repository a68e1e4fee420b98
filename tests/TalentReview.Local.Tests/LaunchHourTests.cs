using TalentReview.Local.Tests.Harness;

namespace TalentReview.Local.Tests;

/// <summary>
/// A cycle launched today sends its invitations at the working hour (08:00 UTC): launched before it,
/// HR is told when they go out and they arrive then; launched after it, they arrive at once. Either
/// way they say the same thing.
/// </summary>
public sealed class LaunchHourTests
{
    /// <summary>
    /// The self-assessment deadline of a cycle starting on 2 March 2026 (deadline day 15 March), as each
    /// language of the demo roster writes it in the email: the end of that day, 23:59 UTC, as a Belgian date.
    /// </summary>
    private static readonly string[] Deadline = ["by 16 March 2026", "vóór 16 maart 2026", "avant le 16 mars 2026"];

    [Theory]
    [InlineData("2026-03-02T03:00:00Z", "the self-assessment invitations go out on Monday 2 March 2026 at 08:00 UTC")]
    [InlineData("2026-03-02T23:30:00Z", null)]
    public async Task DemoCycle_LaunchedAtAnyHour_InvitationsArriveWithTheCyclesDates(string clockStart, string? announced)
    {
        var launchedAt = DateTimeOffset.Parse(clockStart, System.Globalization.CultureInfo.InvariantCulture);
        using var data = new TemporaryFolder();
        await using var host = await LocalHostProcess.StartAsync(data.Path, launchedAt);
        using var hr = new Browser(host.BaseAddress);
        await hr.SignInAsync("hr");

        await hr.LaunchDemoCycleAsync();
        var (page, _) = await hr.OpenAsync("/dev/hr");
        if (announced is null)
        {
            Assert.DoesNotContain("invitations go out", page, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(announced, page, StringComparison.Ordinal);
            Assert.DoesNotContain(await hr.MailboxAsync(), e => e.Is("SelfAssessmentInvitation"));
            await hr.AdvanceAsync("next-timer");
        }

        var invitations = await hr.WaitForEmailsAsync("SelfAssessmentInvitation", count: 50);
        var workingHour = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        Assert.All(invitations, email =>
        {
            Assert.InRange(email.ReceivedAt, launchedAt > workingHour ? launchedAt : workingHour, new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero));
            Assert.Contains("Talent review 2026", email.Subject, StringComparison.Ordinal);
            Assert.Contains(Deadline, deadline => email.Text!.Contains(deadline, StringComparison.Ordinal));
        });
        Assert.DoesNotContain("invitations go out", (await hr.OpenAsync("/dev/hr")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ClockStartNotAMoment_FailsNamingTheSetting()
    {
        using var data = new TemporaryFolder();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalHostProcess.StartAsync(data.Path, null, "--Clock:Start", "tomorrow"));

        Assert.Contains("The setting Clock:Start is 'tomorrow', which is not a moment", failure.Message, StringComparison.Ordinal);
    }
}
