using TalentReview.Domain.Calibration;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Tests.Forms;

namespace TalentReview.Domain.Tests.Calibration;

public sealed class CalibrationAnalyticsTests
{
    private static readonly string Evidence = new('e', 60);

    private static CalibrationCandidate Rated(string id, string manager, int performance, int? self = null, string? evidence = null)
        => new(id, manager, FormValidationTests.Input(performance, employeeId: id, managerId: manager, evidence: evidence ?? Evidence), self);

    /// <summary>Ten managers with ten people each rated 2, 3, 3, 3, 4 (repeated), so the group mean is 3.</summary>
    private static List<CalibrationCandidate> BalancedGroup()
    {
        int[] pattern = [2, 3, 3, 3, 4];
        return [.. Enumerable.Range(0, 100).Select(i => Rated($"E{i}", $"M{i / 10}", pattern[i % 5]))];
    }

    [Fact]
    public void Analyse_Distribution_ComparesEachBoxWithGuidanceAndFlagsLargeDeviations()
    {
        var guidance = new DistributionGuidance([new BoxShare(GridBox.CorePlayer, 50), new BoxShare(GridBox.Dilemma, 25), new BoxShare(GridBox.HighPerformer, 25)]);

        var analysis = CalibrationAnalytics.Analyse(BalancedGroup(), guidance);

        var core = analysis.Distribution.Single(d => d.Box == GridBox.CorePlayer);
        Assert.Equal((60, 60m, 50m, 10m, true), (core.Count, core.ActualPercent, core.GuidancePercent, core.DeviationPoints, core.Flagged));
        var dilemma = analysis.Distribution.Single(d => d.Box == GridBox.Dilemma);
        Assert.Equal((20, -5m, false), (dilemma.Count, dilemma.DeviationPoints, dilemma.Flagged));
        Assert.Equal(9, analysis.Distribution.Count);
    }

    [Fact]
    public void Analyse_DeviationThreshold_IsConfigurable()
    {
        var guidance = new DistributionGuidance([new BoxShare(GridBox.CorePlayer, 50), new BoxShare(GridBox.Dilemma, 25), new BoxShare(GridBox.HighPerformer, 25)]);

        var analysis = CalibrationAnalytics.Analyse(BalancedGroup(), guidance, new AnalyticsSettings(DeviationThresholdPoints: 10));

        Assert.DoesNotContain(analysis.Distribution, d => d.Flagged);
    }

    [Fact]
    public void Analyse_BalancedManagers_AreNotFlagged()
    {
        Assert.Empty(CalibrationAnalytics.Analyse(BalancedGroup(), DistributionGuidance.Default).ManagerTendencies);
    }

    [Fact]
    public void Analyse_TeamRatedClearlyHigher_IsFlaggedLenientWithItsZScore()
    {
        var group = BalancedGroup();
        group.RemoveAll(c => c.ManagerId == "M0");
        group.AddRange(Enumerable.Range(0, 10).Select(i => Rated($"L{i}", "M0", i < 5 ? 5 : 4)));

        var tendency = Assert.Single(CalibrationAnalytics.Analyse(group, DistributionGuidance.Default).ManagerTendencies);

        Assert.Equal(("M0", 10, 4.5, RatingTendency.Lenient), (tendency.ManagerId, tendency.TeamSize, tendency.TeamMean, tendency.Tendency));
        Assert.True(tendency.ZScore > 2);
    }

    [Fact]
    public void Analyse_TeamRatedClearlyLower_IsFlaggedSevere()
    {
        var group = BalancedGroup();
        group.RemoveAll(c => c.ManagerId == "M3");
        group.AddRange(Enumerable.Range(0, 10).Select(i => Rated($"S{i}", "M3", i < 5 ? 1 : 2)));

        var tendency = Assert.Single(CalibrationAnalytics.Analyse(group, DistributionGuidance.Default).ManagerTendencies);

        Assert.Equal(("M3", RatingTendency.Severe), (tendency.ManagerId, tendency.Tendency));
        Assert.True(tendency.ZScore < -2);
    }

    [Fact]
    public void Analyse_SmallTeamWithTheSameLeniency_IsNotFlagged()
    {
        var group = BalancedGroup();
        group.AddRange(Enumerable.Range(0, 4).Select(i => Rated($"T{i}", "M-small", i < 2 ? 5 : 4)));

        Assert.Empty(CalibrationAnalytics.Analyse(group, DistributionGuidance.Default).ManagerTendencies);
    }

    [Theory]
    [InlineData(4, 5, RatingTendency.Lenient)]
    [InlineData(3, 1, RatingTendency.Severe)]
    public void Analyse_SmallTeamAllRatedAtOneEndOfTheScale_IsFlagged(int reports, int score, RatingTendency expected)
    {
        var group = BalancedGroup();
        group.AddRange(Enumerable.Range(0, reports).Select(i => Rated($"T{i}", "M-small", score)));

        var tendency = Assert.Single(CalibrationAnalytics.Analyse(group, DistributionGuidance.Default).ManagerTendencies);

        Assert.Equal(("M-small", reports, (double)score, expected), (tendency.ManagerId, tendency.TeamSize, tendency.TeamMean, tendency.Tendency));
    }

    [Fact]
    public void Analyse_TwoReportsBothRatedFive_AreTooFewToFlag()
    {
        var group = BalancedGroup();
        group.AddRange(Enumerable.Range(0, 2).Select(i => Rated($"T{i}", "M-pair", 5)));

        Assert.Empty(CalibrationAnalytics.Analyse(group, DistributionGuidance.Default).ManagerTendencies);
    }

    [Fact]
    public void Analyse_ModestDifferenceInAFiveTeam_IsNotFlaggedAsNoise()
    {
        var group = BalancedGroup();
        group.AddRange(Enumerable.Range(0, 5).Select(i => Rated($"T{i}", "M-five", i < 2 ? 4 : 3)));

        Assert.Empty(CalibrationAnalytics.Analyse(group, DistributionGuidance.Default).ManagerTendencies);
    }

    [Fact]
    public void Analyse_LargeSelfVersusManagerGap_IsListedBothWays()
    {
        CalibrationCandidate[] group = [Rated("E1", "M", 2, self: 5), Rated("E2", "M", 4, self: 2), Rated("E3", "M", 3, self: 4), Rated("E4", "M", 3)];

        var gaps = CalibrationAnalytics.Analyse(group, DistributionGuidance.Default).SelfManagerGaps;

        Assert.Equal([new RatingGap("E1", 5, 2, 3), new RatingGap("E2", 2, 4, -2)], gaps);
    }

    [Fact]
    public void Analyse_ExtremeRatingWithoutEvidence_IsListed()
    {
        CalibrationCandidate[] group = [Rated("E1", "M", 5, evidence: "Top."), Rated("E2", "M", 5), Rated("E3", "M", 3, evidence: "")];

        Assert.Equal(["E1"], CalibrationAnalytics.Analyse(group, DistributionGuidance.Default).ExtremeRatingsWithoutEvidence);
    }

    [Fact]
    public void Analyse_EmployeesWithoutInput_GoToTheHoldingAreaAndAreNotCounted()
    {
        CalibrationCandidate[] group = [Rated("E1", "M", 3), new("E2", "M", null, 4)];

        var analysis = CalibrationAnalytics.Analyse(group, DistributionGuidance.Default);

        Assert.Equal(["E2"], analysis.HoldingArea);
        Assert.Equal((2, 1), (analysis.Members, analysis.Rated));
        Assert.Equal(100m, analysis.Distribution.Single(d => d.Box == GridBox.CorePlayer).ActualPercent);
    }

    [Fact]
    public void Analyse_EmptyGroup_ReturnsZerosWithoutFlags()
    {
        var analysis = CalibrationAnalytics.Analyse([], DistributionGuidance.Default);

        Assert.Equal(0, analysis.Rated);
        Assert.DoesNotContain(analysis.Distribution, d => d.Flagged);
    }
}
