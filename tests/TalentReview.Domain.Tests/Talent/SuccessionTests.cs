using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Talent.Succession;

namespace TalentReview.Domain.Tests.Talent;

public sealed class SuccessionTests
{
    private static readonly DateTimeOffset At = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static CalibratedTalent Person(string id, GridBox box, PromotionReadiness? readiness = PromotionReadiness.ReadyNow, CareerAspiration? aspiration = CareerAspiration.Promotion, string department = "Finance")
        => new(id, $"Name {id}", department, "Analyst", "B2", box, readiness, aspiration, FlightRisk.Low);

    private static CriticalRole Role(params Successor[] successors)
        => new("r1", "Chief Financial Officer", "Finance", "A1", "E0", "Ines Incumbent", LossLevel.High, LossLevel.High, successors, "hr-1", At);

    private static Successor Bench(string id, SuccessorReadiness readiness) => new(id, $"Name {id}", readiness, "hr-1", At);

    [Fact]
    public void Suggestions_never_include_the_incumbent_even_when_she_is_a_ready_star()
    {
        var suggested = SuccessorSuggestions.For(Role(), [Person("E0", GridBox.Star), Person("E1", GridBox.Star)]);

        Assert.Equal(["E1"], suggested.Select(s => s.Talent.EmployeeId));
    }

    [Fact]
    public void Suggestions_take_high_potential_or_high_performers_who_look_up_and_leave_out_those_already_on_the_bench()
    {
        var suggested = SuccessorSuggestions.For(Role(Bench("E9", SuccessorReadiness.ReadyNow)),
        [
            Person("E1", GridBox.Star),
            Person("E2", GridBox.CorePlayer),
            Person("E3", GridBox.TrustedExpert),
            Person("E4", GridBox.EmergingTalent, aspiration: CareerAspiration.Stay),
            Person("E5", GridBox.HighPerformer, aspiration: CareerAspiration.ExternalMove),
            Person("E6", GridBox.RoughDiamond, aspiration: null),
            Person("E7", GridBox.HighPerformer, aspiration: CareerAspiration.StepBack),
            Person("E8", GridBox.EmergingTalent, aspiration: CareerAspiration.HorizontalMove),
            Person("E9", GridBox.Star),
        ]);

        Assert.Equal(["E1", "E8", "E6"], suggested.Select(s => s.Talent.EmployeeId));
    }

    [Fact]
    public void Suggestions_start_from_the_managers_readiness_and_put_ready_people_first_then_the_better_box_then_the_roles_department()
    {
        var suggested = SuccessorSuggestions.For(Role(),
        [
            Person("E1", GridBox.Star, PromotionReadiness.NotReady),
            Person("E2", GridBox.HighPerformer, PromotionReadiness.ReadyNow, department: "Sales"),
            Person("E3", GridBox.HighPerformer, PromotionReadiness.ReadyNow),
            Person("E4", GridBox.Star, PromotionReadiness.InOneToTwoYears),
            Person("E5", GridBox.Star, readiness: null),
        ]);

        Assert.Equal(
            [("E3", SuccessorReadiness.ReadyNow), ("E2", SuccessorReadiness.ReadyNow), ("E4", SuccessorReadiness.InOneToTwoYears), ("E1", SuccessorReadiness.InThreeYearsOrMore), ("E5", SuccessorReadiness.InThreeYearsOrMore)],
            suggested.Select(s => (s.Talent.EmployeeId, s.Readiness)));
        Assert.True(suggested[0].SameDepartment);
        Assert.False(suggested[1].SameDepartment);
    }

    [Fact]
    public void Suggestions_stop_at_the_limit()
    {
        var many = Enumerable.Range(1, 30).Select(i => Person($"E{i:D2}", GridBox.Star)).ToList();

        Assert.Equal(SuccessorSuggestions.MaxSuggestions, SuccessorSuggestions.For(Role(), many).Count);
    }

    [Theory]
    [InlineData(new SuccessorReadiness[0], 0, 0, 0, BenchRating.None, true)]
    [InlineData(new[] { SuccessorReadiness.InOneToTwoYears, SuccessorReadiness.InThreeYearsOrMore }, 0, 1, 1, BenchRating.Weak, true)]
    [InlineData(new[] { SuccessorReadiness.ReadyNow, SuccessorReadiness.InThreeYearsOrMore }, 1, 0, 1, BenchRating.Adequate, false)]
    [InlineData(new[] { SuccessorReadiness.ReadyNow, SuccessorReadiness.ReadyNow, SuccessorReadiness.InOneToTwoYears }, 2, 1, 0, BenchRating.Strong, false)]
    public void Bench_strength_counts_successors_by_readiness_and_flags_a_role_nobody_could_take_over_today(
        SuccessorReadiness[] readiness, int now, int soon, int later, BenchRating rating, bool flagged)
    {
        var bench = Role([.. readiness.Select((r, i) => Bench($"E{i}", r))]).Bench;

        Assert.Equal((now, soon, later, readiness.Length), (bench.ReadyNow, bench.InOneToTwoYears, bench.InThreeYearsOrMore, bench.Total));
        Assert.Equal(rating, bench.Rating);
        Assert.Equal(flagged, bench.NobodyReadyNow);
    }

    [Fact]
    public void A_successor_confirmed_again_is_re_rated_not_doubled_and_the_bench_reads_readiest_first()
    {
        var role = Role(Bench("E2", SuccessorReadiness.InOneToTwoYears))
            .WithSuccessor(Bench("E1", SuccessorReadiness.InThreeYearsOrMore))
            .WithSuccessor(Bench("E2", SuccessorReadiness.ReadyNow));

        Assert.Equal([("E2", SuccessorReadiness.ReadyNow), ("E1", SuccessorReadiness.InThreeYearsOrMore)], role.Successors.Select(s => (s.EmployeeId, s.Readiness)));
        Assert.Equal(["E1"], role.WithoutSuccessor("E2").Successors.Select(s => s.EmployeeId));
    }

    [Fact]
    public void Coverage_is_the_share_of_critical_roles_with_someone_ready_now()
    {
        var roles = new[]
        {
            Role(Bench("E1", SuccessorReadiness.ReadyNow)),
            Role(Bench("E2", SuccessorReadiness.InOneToTwoYears)),
            Role(),
        };

        var coverage = SuccessionCoverage.Of(roles);

        Assert.Equal((3, 1, 0.3333m), (coverage.CriticalRoles, coverage.WithReadySuccessor, coverage.Share));
        Assert.Null(SuccessionCoverage.Of([]).Share);
    }
}
