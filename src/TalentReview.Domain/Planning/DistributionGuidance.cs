using TalentReview.Domain.NineBox;

namespace TalentReview.Domain.Planning;

public sealed record BoxShare(GridBox Box, decimal Percent);

/// <summary>The share of a group HR expects in each box; the shares sum to 100.</summary>
public sealed record DistributionGuidance(IReadOnlyList<BoxShare> Shares)
{
    /// <summary>A common bell-shaped guidance: most people in the middle, few at the extremes.</summary>
    public static DistributionGuidance Default { get; } = new([
        new BoxShare(GridBox.TalentRisk, 3),
        new BoxShare(GridBox.SolidProfessional, 10),
        new BoxShare(GridBox.TrustedExpert, 7),
        new BoxShare(GridBox.Dilemma, 5),
        new BoxShare(GridBox.CorePlayer, 40),
        new BoxShare(GridBox.HighPerformer, 13),
        new BoxShare(GridBox.RoughDiamond, 2),
        new BoxShare(GridBox.EmergingTalent, 12),
        new BoxShare(GridBox.Star, 8),
    ]);

    public decimal PercentFor(GridBox box) => Shares.Where(s => s.Box == box).Sum(s => s.Percent);
}
