using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;

namespace TalentReview.Domain.Calibration;

/// <summary>One member of a calibration group with what is known about them so far.</summary>
public sealed record CalibrationCandidate(string EmployeeId, string? ManagerId, ManagerInput? ManagerInput, int? SelfRating);

/// <summary>Thresholds for the analytics; defaults suit groups of a few dozen to a few thousand.</summary>
public sealed record AnalyticsSettings(
    decimal DeviationThresholdPoints = 5m,
    int MinTeamSize = 5,
    double LeniencyZThreshold = 2.0,
    int SelfManagerGapThreshold = 2,
    int MinEvidenceForExtremeRating = 50)
{
    public static AnalyticsSettings Default { get; } = new();
}

/// <summary>Actual against guidance for one box, in percent of the rated members.</summary>
public sealed record BoxDeviation(GridBox Box, int Count, decimal ActualPercent, decimal GuidancePercent, decimal DeviationPoints, bool Flagged);

public enum RatingTendency
{
    Lenient,
    Severe,
}

/// <summary>
/// A manager whose team's mean performance differs from the rest of the group by more than chance
/// explains: z = (team mean - group mean) / standard error of a team of that size.
/// </summary>
public sealed record ManagerTendency(string ManagerId, int TeamSize, double TeamMean, double GroupMean, double ZScore, RatingTendency Tendency);

/// <summary>Self-rating and manager rating (both on the five-point scale) far apart.</summary>
public sealed record RatingGap(string EmployeeId, int SelfRating, int ManagerRating, int Gap);

public sealed record CalibrationAnalysis(
    int Members,
    int Rated,
    IReadOnlyList<BoxDeviation> Distribution,
    IReadOnlyList<ManagerTendency> ManagerTendencies,
    IReadOnlyList<RatingGap> SelfManagerGaps,
    IReadOnlyList<string> ExtremeRatingsWithoutEvidence,
    IReadOnlyList<string> HoldingArea);

public static class CalibrationAnalytics
{
    public static CalibrationAnalysis Analyse(
        IReadOnlyList<CalibrationCandidate> candidates, DistributionGuidance guidance, AnalyticsSettings? settings = null)
        => throw new NotImplementedException();
}
