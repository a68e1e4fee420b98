using TalentReview.Domain.Decisions;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;

namespace TalentReview.Domain.Tests.Forms;

public sealed class FormValidationTests
{
    private static readonly string Evidence = new('x', 60);

    internal static ManagerInput Input(int performance = 3, int aspiration = 3, int ability = 3, int engagement = 3, string? evidence = null,
        string employeeId = "E2", string managerId = "E1", PromotionReadiness readiness = PromotionReadiness.InOneToTwoYears, FlightRisk risk = FlightRisk.Low)
        => new(employeeId, managerId, performance, new PotentialIndicators(aspiration, ability, engagement), readiness, risk, DecisionType.NoChange, evidence ?? "Steady year.");

    private static SelfAssessment Self() => new(
        "E2",
        [new ObjectiveResult("Reduce order lead time", ObjectiveOutcome.Met, "Lead time went from 5 to 3 days.")],
        [new CompetencyRating("Collaboration", 4, null)],
        "Led the Ghent warehouse move.",
        4,
        CareerAspiration.JobRotation,
        "Curious about procurement.",
        "Negotiation training.",
        Mobility.WithinBelgium);

    [Theory]
    [InlineData(1, RatingLevel.Low)]
    [InlineData(2, RatingLevel.Low)]
    [InlineData(3, RatingLevel.Moderate)]
    [InlineData(4, RatingLevel.High)]
    [InlineData(5, RatingLevel.High)]
    public void PerformanceLevel_MapsTheFivePointScale(int score, RatingLevel level)
    {
        Assert.Equal(level, Input(performance: score, evidence: Evidence).PerformanceLevel);
    }

    [Theory]
    [InlineData(1, 2, 2, RatingLevel.Low)]
    [InlineData(2, 3, 3, RatingLevel.Moderate)]
    [InlineData(4, 4, 3, RatingLevel.Moderate)]
    [InlineData(4, 4, 4, RatingLevel.High)]
    [InlineData(5, 5, 2, RatingLevel.High)]
    public void PotentialLevel_FollowsTheAverageOfTheIndicators(int aspiration, int ability, int engagement, RatingLevel level)
    {
        Assert.Equal(level, new PotentialIndicators(aspiration, ability, engagement).Level);
    }

    [Fact]
    public void ManagerInput_Valid_HasNoErrors()
    {
        Assert.Empty(Input().Validate());
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(5, 3)]
    [InlineData(3, 5)]
    [InlineData(3, 1)]
    public void ManagerInput_ExtremeRatingWithoutEnoughEvidence_RequiresEvidence(int performance, int allIndicators)
    {
        var error = Assert.Single(Input(performance, allIndicators, allIndicators, allIndicators, evidence: "Great.").Validate());

        Assert.Equal(("evidence", "form.evidenceRequiredForExtreme"), (error.Field, error.Code));
    }

    [Fact]
    public void ManagerInput_ExtremeRatingWithEvidence_IsAccepted()
    {
        Assert.Empty(Input(5, 5, 5, 5, evidence: Evidence).Validate());
    }

    [Fact]
    public void ManagerInput_OutOfScaleAndUnknownValues_AreFieldErrors()
    {
        var input = Input(performance: 6, ability: 0) with { FlightRisk = (FlightRisk)9, ManagerId = "" };

        Assert.Equal(
            [("managerId", "form.required"), ("performance", "form.outOfScale"), ("potential.ability", "form.outOfScale"), ("flightRisk", "form.unknownOption")],
            input.Validate().Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void ManagerInput_EvidenceTooLong_IsRejected()
    {
        var error = Assert.Single(Input(evidence: new string('a', 4001)).Validate());

        Assert.Equal(("evidence", "form.tooLong"), (error.Field, error.Code));
    }

    [Fact]
    public void ManagerInput_NullsFromDeserialisedInput_AreErrorsNotExceptions()
    {
        var input = new ManagerInput(null!, null!, 3, null!, PromotionReadiness.NotReady, FlightRisk.Low, DecisionType.NoChange, null!);

        Assert.Equal(["employeeId", "managerId", "potential"], input.Validate().Select(e => e.Field));
    }

    [Fact]
    public void SelfAssessment_Valid_HasNoErrors()
    {
        Assert.Empty(Self().Validate());
    }

    [Fact]
    public void SelfAssessment_FieldProblems_CarryTheirPaths()
    {
        var form = Self() with
        {
            Objectives = [new ObjectiveResult("Reduce lead time", ObjectiveOutcome.Met, ""), new ObjectiveResult(new string('o', 201), ObjectiveOutcome.Exceeded, "ok")],
            Competencies = [new CompetencyRating("Collaboration", 7, null)],
            OverallSelfRating = 0,
            Aspiration = (CareerAspiration)42,
            DevelopmentWishes = new string('w', 4001),
        };

        Assert.Equal(
            [
                ("objectives[0].evidence", "form.required"), ("objectives[1].objective", "form.tooLong"), ("competencies[0].rating", "form.outOfScale"),
                ("overallSelfRating", "form.outOfScale"), ("aspiration", "form.unknownOption"), ("developmentWishes", "form.tooLong"),
            ],
            form.Validate().Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void SelfAssessment_NoObjectives_AndTooManyCompetencies_AreRejected()
    {
        var form = Self() with { Objectives = null!, Competencies = [.. Enumerable.Repeat(new CompetencyRating("c", 3, null), 21)] };

        Assert.Equal([("objectives", "form.atLeastOne"), ("competencies", "form.tooManyItems")], form.Validate().Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void ManagerInput_CustomEvidenceMinimum_Applies()
    {
        var error = Assert.Single(Input(5, evidence: Evidence).Validate(new FormLimits(MinEvidenceForExtremeRating: 100)));

        Assert.Equal("evidence", error.Field);
        Assert.Contains("100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CareerAspirations_CoverEveryPath()
    {
        Assert.Equal(
            ["Promotion", "HorizontalMove", "Specialisation", "JobRotation", "JobCrafting", "StepBack", "ExternalMove", "Stay"],
            Enum.GetNames<CareerAspiration>());
    }
}
