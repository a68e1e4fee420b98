using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Talent.Pools;
using TalentReview.Domain.Talent.Succession;

namespace TalentReview.Domain.Tests.Talent;

public sealed class TalentPoolTests
{
    private static readonly DateTimeOffset Created = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Created.AddDays(30);

    private static CalibratedTalent Person(string id, GridBox box, PromotionReadiness? readiness = PromotionReadiness.ReadyNow, CareerAspiration? aspiration = CareerAspiration.Promotion)
        => new(id, $"Name {id}", "Finance", "Analyst", "B2", box, readiness, aspiration, FlightRisk.Low);

    private static TalentPool FutureLeaders(PoolCriteria? criteria = null) => new(
        "p1", "Future leaders", null, criteria ?? new PoolCriteria([GridBox.Star, GridBox.EmergingTalent], [CareerAspiration.Promotion], []), [], [], "hr-1", Created);

    [Fact]
    public void Criteria_match_any_listed_value_of_each_list_and_an_empty_list_matches_everyone()
    {
        var criteria = new PoolCriteria([GridBox.Star], [], [PromotionReadiness.ReadyNow, PromotionReadiness.InOneToTwoYears]);

        Assert.True(criteria.Matches(Person("E1", GridBox.Star, PromotionReadiness.InOneToTwoYears, aspiration: null)));
        Assert.False(criteria.Matches(Person("E2", GridBox.Star, PromotionReadiness.NotReady)));
        Assert.False(criteria.Matches(Person("E3", GridBox.Star, readiness: null)));
        Assert.False(criteria.Matches(Person("E4", GridBox.HighPerformer)));
    }

    [Fact]
    public void Filling_takes_whom_the_criteria_match_keeps_hr_additions_and_never_puts_back_whom_hr_took_out()
    {
        var pool = FutureLeaders()
            .WithMember("E8", "Name E8", "Leads the Ghent site in all but name.", Created)
            .FilledFrom("c1", "Review 2027", [Person("E1", GridBox.Star), Person("E2", GridBox.EmergingTalent), Person("E3", GridBox.CorePlayer)], Created)
            .WithoutMember("E2", "Name E2", "Moving abroad next year.", "hr-1", Created);

        var refilled = pool.FilledFrom("c2", "Review 2028", [Person("E1", GridBox.Star), Person("E2", GridBox.Star), Person("E4", GridBox.EmergingTalent)], Later);

        Assert.Equal(
            [("E1", PoolMembershipSource.Calibration, Created), ("E4", PoolMembershipSource.Calibration, Later), ("E8", PoolMembershipSource.AddedByHr, Created)],
            refilled.Members.Select(m => (m.EmployeeId, m.Source, m.Since)));
        Assert.Equal(("c2", "Review 2028", Later), (refilled.FilledFromCycleId, refilled.FilledFromCycleName, refilled.FilledAt));
        Assert.Equal("Moving abroad next year.", Assert.Single(refilled.Exclusions).Reason);
    }

    [Fact]
    public void Adding_someone_hr_took_out_lifts_the_exclusion()
    {
        var pool = FutureLeaders()
            .WithoutMember("E2", "Name E2", "Moving abroad next year.", "hr-1", Created)
            .WithMember("E2", "Name E2", "Stays after all.", Later);

        Assert.Empty(pool.Exclusions);
        Assert.Equal(PoolMembershipSource.AddedByHr, Assert.Single(pool.Members).Source);
    }
}
