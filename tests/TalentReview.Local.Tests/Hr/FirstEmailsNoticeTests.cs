using TalentReview.Domain.Demo;
using TalentReview.Domain.Planning;
using TalentReview.Local.Hr;
using TalentReview.Workflow.Storage;

namespace TalentReview.Local.Tests.Hr;

public sealed class FirstEmailsNoticeTests
{
    private static readonly DateOnly Monday = new(2026, 3, 2);

    [Fact]
    public void LaunchedBeforeTheWorkingHour_SaysWhenTheInvitationsGoOut()
    {
        var notice = FirstEmailsNotice.For(Cycle(Plan()), new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero));

        Assert.Contains("<strong>Talent review 2026</strong>: the self-assessment invitations go out on Monday 2 March 2026 at 09:00 (Europe/Brussels), 5 h 00 min from now (virtual time).", notice.ToString(), StringComparison.Ordinal);
        Assert.Contains("href=\"/dev/time\"", notice.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LaunchedOnFridayForMonday_SaysTheDayAndHowLongToGo()
    {
        var notice = FirstEmailsNotice.For(Cycle(Plan()), new DateTimeOffset(2026, 2, 27, 15, 30, 0, TimeSpan.Zero));

        Assert.Contains("go out on Monday 2 March 2026 at 09:00 (Europe/Brussels), 2 day(s) 16 h from now", notice.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-02T08:00:00Z")]
    [InlineData("2026-03-02T23:30:00Z")]
    public void InvitationsDue_SaysNothing(string now)
        => Assert.Null(FirstEmailsNotice.For(Cycle(Plan()), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void PlanWithoutSelfAssessment_SaysWhenManagersAreInvited()
    {
        var plan = Plan();
        plan = plan with { Steps = [.. plan.Steps.Where(s => s.Kind != StepKind.SelfAssessment)] };

        var notice = FirstEmailsNotice.For(Cycle(plan), new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero));

        Assert.Contains("the manager input invitations go out on Monday 9 March 2026 at 09:00 (Europe/Brussels)", notice.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CycleInTokyo_LaunchedAt2330Utc_SaysTheHourThere()
    {
        var plan = Plan() with { Time = new OrganisationTime("Asia/Tokyo", new TimeOnly(9, 0)) };

        var notice = FirstEmailsNotice.For(Cycle(plan), new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero));

        Assert.Contains("go out on Monday 2 March 2026 at 09:00 (Asia/Tokyo), 0 h 30 min from now", notice!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CancelledCycle_SaysNothing()
        => Assert.Null(FirstEmailsNotice.For(Cycle(Plan()) with { State = CycleState.Cancelled }, new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero)));

    private static CyclePlan Plan()
        => CyclePlan.Default("Talent review 2026", Monday, DemoOrganisation.Generate(20, 3, new DateOnly(2026, 2, 1)).ToRoster());

    private static CycleDocument Cycle(CyclePlan plan)
        => new("c-2026", plan.Name, plan, CycleState.Launched, new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.Zero), "hr", [], [], 20, ["e-001"]);
}
