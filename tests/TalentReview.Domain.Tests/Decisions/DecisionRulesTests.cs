using System.Text.Json;
using System.Text.Json.Serialization;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Tests.Forms;

namespace TalentReview.Domain.Tests.Decisions;

public sealed class DecisionRulesTests
{
    private static readonly DateOnly On = new(2027, 2, 15);
    private static readonly DecisionRules Rules = new();
    private const string LongReason = "Covered the team lead role for six months with excellent results.";

    private static IReadOnlyList<string> Codes(Decision decision, ManagerInput? input = null) => [.. Rules.Validate(decision, input).Select(e => e.Code)];

    [Fact]
    public void Promotion_ReadyNow_IsValid()
    {
        var input = FormValidationTests.Input(5, evidence: LongReason, readiness: PromotionReadiness.ReadyNow);

        Assert.Empty(Codes(new PromotionDecision("E2", On, "hr", "L4", "Team Lead Sales"), input));
    }

    [Theory]
    [InlineData(PromotionReadiness.InOneToTwoYears)]
    [InlineData(PromotionReadiness.NotReady)]
    public void Promotion_NotReadyNow_NeedsAnOverrideReason(PromotionReadiness readiness)
    {
        var input = FormValidationTests.Input(readiness: readiness);
        var promotion = new PromotionDecision("E2", On, "hr", "L4", "Team Lead Sales");

        Assert.Equal(["decision.promotion.notReady"], Codes(promotion, input));
        Assert.Equal(["decision.promotion.notReady"], Codes(promotion with { OverrideReason = "Because." }, input));
        Assert.Empty(Codes(promotion with { OverrideReason = LongReason }, input));
    }

    [Fact]
    public void A_decision_that_does_not_consult_the_manager_input_is_judged_the_same_with_or_without_it()
    {
        Decision[] decisions =
        [
            new PromotionDecision("E2", On, "hr", "L4", "Lead", OverrideReason: LongReason),
            new PromotionDecision("E2", On, "hr", "L4", "Lead"),
            new PerformanceImprovementPlanDecision("E2", On, "hr", ["Meet the monthly targets"], Rules.FollowUps(On)),
            new MeritIncreaseDecision("E2", On, "hr", 0m),
            new DevelopmentPlanDecision("E2", On, "hr", ["Mentor"], Rules.FollowUps(On)),
            new LateralMoveDecision("E2", On, "hr", "", "Analyst"),
            new StepBackDecision("E2", On, "hr", "L2", "Advisor", "Wants less"),
            new NoChangeDecision("E2", On, "hr"),
        ];
        ManagerInput[] inputs = [FormValidationTests.Input(5, evidence: LongReason, readiness: PromotionReadiness.ReadyNow), FormValidationTests.Input(1, evidence: LongReason)];

        var consulted = decisions.Where(d => Rules.ConsultsManagerInput(d)).ToList();
        foreach (var decision in decisions.Except(consulted))
        {
            Assert.All(inputs, input => Assert.Equal(Codes(decision), Codes(decision, input)));
        }

        // The two that do consult it are judged differently with an input than without: reading it for them is needed.
        Assert.Equal([decisions[1], decisions[2]], consulted);
        Assert.All(consulted, d => Assert.Contains(inputs, input => !Codes(d, input).SequenceEqual(Codes(d))));
    }

    [Fact]
    public void Promotion_WithoutManagerInput_NeedsAnOverrideReason()
    {
        Assert.Equal(["decision.promotion.notReady"], Codes(new PromotionDecision("E2", On, "hr", "L4", "Lead")));
    }

    [Theory]
    [InlineData(-0.5, false)]
    [InlineData(0.5, true)]
    [InlineData(3.5, true)]
    [InlineData(10, true)]
    [InlineData(10.1, false)]
    public void MeritIncrease_MustStayWithinTheBounds(double percent, bool valid)
    {
        var codes = Codes(new MeritIncreaseDecision("E2", On, "hr", (decimal)percent));

        Assert.Equal(valid, codes.Count == 0);
        Assert.All(codes, c => Assert.Equal("decision.merit.outOfBounds", c));
    }

    [Fact]
    public void MeritIncrease_BoundsComeFromThePolicy()
    {
        var rules = new DecisionRules(new DecisionPolicy(MaxMeritPercent: 3));

        Assert.Single(rules.Validate(new MeritIncreaseDecision("E2", On, "hr", 4), null));
    }

    [Fact]
    public void FollowUps_DefaultToThreeAndSixMonthsAfterTheDecision()
    {
        Assert.Equal([new DateOnly(2027, 5, 15), new DateOnly(2027, 8, 15)], Rules.FollowUps(On));
    }

    [Fact]
    public void FollowUps_FollowThePolicy()
    {
        Assert.Equal([new DateOnly(2027, 3, 15)], new DecisionRules(new DecisionPolicy(FollowUpMonths: [1])).FollowUps(On));
    }

    [Fact]
    public void DevelopmentPlan_NeedsGoalsAndFollowUpsAfterTheDecisionInOrder()
    {
        var plan = new DevelopmentPlanDecision("E2", On, "hr", [], [On.AddMonths(6), On.AddMonths(3)]);

        Assert.Equal(
            [("goals", "decision.plan.goalsRequired"), ("followUps[1]", "decision.plan.followUpOrder")],
            Rules.Validate(plan, null).Select(e => (e.Field, e.Code)));
        Assert.Equal(["decision.plan.followUpsRequired"], Codes(plan with { Goals = ["Lead a project"], FollowUps = [] }));
    }

    [Fact]
    public void ImprovementPlan_ForAnythingButLowPerformance_IsRejected()
    {
        var plan = new PerformanceImprovementPlanDecision("E2", On, "hr", ["Meet the monthly targets"], Rules.FollowUps(On));

        Assert.Empty(Codes(plan, FormValidationTests.Input(2)));
        Assert.Equal(["decision.pip.performanceNotLow"], Codes(plan, FormValidationTests.Input(4)));
    }

    [Fact]
    public void OtherDecisions_CheckTheirOwnFields()
    {
        Assert.Equal(["decision.required", "decision.required"], Codes(new LateralMoveDecision("E2", On, "hr", "", " ")));
        Assert.Equal(["decision.rotation.returnBeforeStart"], Codes(new JobRotationDecision("E2", On, "hr", "Logistics", On)));
        Assert.Equal(["decision.stepBack.reasonRequired"], Codes(new StepBackDecision("E2", On, "hr", "L2", "Advisor", "Wants less")));
        Assert.Equal(["decision.required"], Codes(new ExitSupportDecision("E2", On, "hr", "")));
        Assert.Equal(["decision.employeeRequired", "decision.deciderRequired"], Codes(new NoChangeDecision("", On, "")));
        Assert.Empty(Codes(new StepBackDecision("E2", On, "hr", "L2", "Advisor", "Asked for a role without people management after a demanding year.")));
    }

    [Theory]
    [InlineData(GridBox.Star, PromotionReadiness.ReadyNow, DecisionType.Promotion)]
    [InlineData(GridBox.Star, PromotionReadiness.InOneToTwoYears, DecisionType.MeritIncrease)]
    [InlineData(GridBox.HighPerformer, PromotionReadiness.ReadyNow, DecisionType.MeritIncrease)]
    [InlineData(GridBox.EmergingTalent, PromotionReadiness.InOneToTwoYears, DecisionType.DevelopmentPlan)]
    [InlineData(GridBox.CorePlayer, PromotionReadiness.NotReady, DecisionType.DevelopmentPlan)]
    [InlineData(GridBox.TrustedExpert, PromotionReadiness.NotReady, DecisionType.DevelopmentPlan)]
    [InlineData(GridBox.Dilemma, PromotionReadiness.NotReady, DecisionType.DevelopmentPlan)]
    [InlineData(GridBox.TalentRisk, PromotionReadiness.NotReady, DecisionType.DevelopmentPlan)]
    [InlineData(GridBox.SolidProfessional, PromotionReadiness.NotReady, DecisionType.NoChange)]
    public void Propose_GivesADefaultPerBox(GridBox box, PromotionReadiness readiness, DecisionType expected)
    {
        var proposal = Rules.Propose("E2", box, FormValidationTests.Input(readiness: readiness), On, "system");

        Assert.Equal(expected, proposal.Type);
        Assert.Equal(("E2", On), (proposal.EmployeeId, proposal.DecidedOn));
    }

    [Theory]
    [InlineData(DecisionType.DevelopmentPlan, DecisionType.DevelopmentPlan)]
    [InlineData(DecisionType.NoChange, DecisionType.DevelopmentPlan)]
    [InlineData(DecisionType.PerformanceImprovementPlan, DecisionType.PerformanceImprovementPlan)]
    public void Propose_InALowBox_GivesAnImprovementPlanOnlyWhereTheManagerRecommendedOne(DecisionType recommended, DecisionType expected)
    {
        var input = FormValidationTests.Input(performance: 1, evidence: new string('e', 60)) with { RecommendedOutcome = recommended };

        var proposal = Rules.Propose("E2", GridBox.TalentRisk, input, On, "system");

        Assert.Equal(expected, proposal.Type);
        Assert.Empty(Rules.Validate(proposal, input));
    }

    [Fact]
    public void Validate_AMeritIncreaseWithoutItsPercentage_NamesThePercentField()
    {
        var errors = Rules.Validate(new MeritIncreaseDecision("E2", On, "hr", 0m), null);

        Assert.Equal(("percent", "decision.merit.percentRequired"), (Assert.Single(errors).Field, errors[0].Code));
    }

    [Fact]
    public void Propose_PlansCarryTheDefaultFollowUps()
    {
        var plan = Assert.IsType<DevelopmentPlanDecision>(Rules.Propose("E2", GridBox.EmergingTalent, null, On, "system"));

        Assert.Equal(Rules.FollowUps(On), plan.FollowUps);
        Assert.Empty(Rules.Validate(plan, null));
    }

    [Fact]
    public void Decisions_RoundTripThroughJsonAsTheirOwnKind()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        Decision[] decisions =
        [
            new MeritIncreaseDecision("E2", On, "hr", 2.5m),
            new DevelopmentPlanDecision("E3", On, "hr", ["Mentor"], Rules.FollowUps(On)),
            new NoChangeDecision("E4", On, "hr"),
        ];

        var json = JsonSerializer.Serialize(decisions, options);
        var copy = JsonSerializer.Deserialize<Decision[]>(json, options)!;

        Assert.Contains("\"type\":\"MeritIncrease\"", json, StringComparison.Ordinal);
        Assert.Equal(2.5m, Assert.IsType<MeritIncreaseDecision>(copy[0]).Percent);
        Assert.Equal(decisions[1].Type, copy[1].Type);
        Assert.Equal(((DevelopmentPlanDecision)decisions[1]).FollowUps, ((DevelopmentPlanDecision)copy[1]).FollowUps);
        Assert.IsType<NoChangeDecision>(copy[2]);
    }
}
