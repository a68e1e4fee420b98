using System.Runtime.InteropServices;
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
    int MinEvidenceForExtremeRating = 50,
    int MinUniformTeamSize = 3)
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
/// explains: z = (team mean - group mean) / standard error of a team of that size. A team too small
/// for that test is flagged when every report got the top (or bottom) score; its z-score is then 0.
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

/// <summary>What a calibration committee should look at first, computed in one pass over the group.</summary>
public static class CalibrationAnalytics
{
    public static CalibrationAnalysis Analyse(
        IReadOnlyList<CalibrationCandidate> candidates, DistributionGuidance guidance, AnalyticsSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(guidance);
        settings ??= AnalyticsSettings.Default;

        var boxCounts = new int[10];
        var teams = new Dictionary<string, (int Count, long Sum, int Min, int Max)>(StringComparer.Ordinal);
        var gaps = new List<RatingGap>();
        var lackingEvidence = new List<string>();
        var holdingArea = new List<string>();
        long sum = 0, sumOfSquares = 0;
        var rated = 0;

        foreach (var candidate in candidates)
        {
            var input = candidate.ManagerInput;
            if (input is null)
            {
                holdingArea.Add(candidate.EmployeeId);
                continue;
            }

            rated++;
            boxCounts[(int)input.Position.Box]++;
            sum += input.Performance;
            sumOfSquares += input.Performance * input.Performance;

            var managerId = input.ManagerId ?? candidate.ManagerId ?? string.Empty;
            ref var team = ref CollectionsMarshal.GetValueRefOrAddDefault(teams, managerId, out var known);
            team = known
                ? (team.Count + 1, team.Sum + input.Performance, Math.Min(team.Min, input.Performance), Math.Max(team.Max, input.Performance))
                : (1, input.Performance, input.Performance, input.Performance);

            if (candidate.SelfRating is { } self && Math.Abs(self - input.Performance) >= settings.SelfManagerGapThreshold)
            {
                gaps.Add(new RatingGap(candidate.EmployeeId, self, input.Performance, self - input.Performance));
            }

            if (input.HasExtremeRating && (input.Evidence?.Trim().Length ?? 0) < settings.MinEvidenceForExtremeRating)
            {
                lackingEvidence.Add(candidate.EmployeeId);
            }
        }

        return new CalibrationAnalysis(
            candidates.Count,
            rated,
            Distribution(boxCounts, rated, guidance, settings),
            Tendencies(teams, rated, sum, sumOfSquares, settings),
            gaps,
            lackingEvidence,
            holdingArea);
    }

    private static List<BoxDeviation> Distribution(int[] boxCounts, int rated, DistributionGuidance guidance, AnalyticsSettings settings)
    {
        var lines = new List<BoxDeviation>(9);
        foreach (var box in Enum.GetValues<GridBox>())
        {
            var count = boxCounts[(int)box];
            var actual = rated == 0 ? 0m : Math.Round(100m * count / rated, 1);
            var expected = guidance.PercentFor(box);
            var deviation = actual - expected;
            lines.Add(new BoxDeviation(box, count, actual, expected, deviation, rated > 0 && Math.Abs(deviation) > settings.DeviationThresholdPoints));
        }

        return lines;
    }

    /// <summary>
    /// Compares each team's mean performance with the group's. The standard error of a team mean
    /// shrinks with team size (and with the finite-population correction, as the team is drawn from
    /// the group), so a small team needs a far larger difference to be flagged than a large one.
    /// </summary>
    private static List<ManagerTendency> Tendencies(
        Dictionary<string, (int Count, long Sum, int Min, int Max)> teams, int rated, long sum, long sumOfSquares, AnalyticsSettings settings)
    {
        var tendencies = new List<ManagerTendency>();
        if (rated < 2)
        {
            return tendencies;
        }

        var groupMean = (double)sum / rated;
        var variance = (sumOfSquares - (rated * groupMean * groupMean)) / (rated - 1);
        var deviation = Math.Sqrt(Math.Max(0, variance));
        foreach (var (managerId, team) in teams)
        {
            if (team.Count < settings.MinTeamSize || team.Count >= rated || deviation == 0)
            {
                // Too small (or too uniform a group) for a z-test: a team of a few all rated at one end of the scale is flagged as such.
                if (team.Count >= settings.MinUniformTeamSize && team.Min == team.Max && team.Min is Forms.Ratings.MinScore or Forms.Ratings.MaxScore)
                {
                    tendencies.Add(new ManagerTendency(managerId, team.Count, team.Min, Math.Round(groupMean, 2), 0,
                        team.Min == Forms.Ratings.MaxScore ? RatingTendency.Lenient : RatingTendency.Severe));
                }

                continue;
            }

            var teamMean = (double)team.Sum / team.Count;
            var finitePopulation = Math.Sqrt((double)(rated - team.Count) / (rated - 1));
            var standardError = deviation / Math.Sqrt(team.Count) * finitePopulation;
            var z = (teamMean - groupMean) / standardError;
            if (Math.Abs(z) >= settings.LeniencyZThreshold)
            {
                tendencies.Add(new ManagerTendency(managerId, team.Count, Math.Round(teamMean, 2), Math.Round(groupMean, 2), Math.Round(z, 2),
                    z > 0 ? RatingTendency.Lenient : RatingTendency.Severe));
            }
        }

        tendencies.Sort((a, b) => Math.Abs(b.ZScore).CompareTo(Math.Abs(a.ZScore)));
        return tendencies;
    }
}
