using TalentReview.Domain.NineBox;

namespace TalentReview.Domain.Forms;

/// <summary>The five-point scale used for performance, competencies and potential indicators.</summary>
public static class Ratings
{
    public const int MinScore = 1;
    public const int MaxScore = 5;

    /// <summary>1–2 low, 3 moderate, 4–5 high.</summary>
    public static RatingLevel PerformanceLevel(int score) => score switch
    {
        <= 2 => RatingLevel.Low,
        3 => RatingLevel.Moderate,
        _ => RatingLevel.High,
    };

    public static bool IsOnScale(int score) => score is >= MinScore and <= MaxScore;
}

/// <summary>Size limits for free text, and the minimum evidence an extreme rating needs.</summary>
public sealed record FormLimits(
    int MaxShortText = TextLimits.ShortText,
    int MaxLongText = TextLimits.LongText,
    int MaxItems = 20,
    int MinEvidenceForExtremeRating = 50)
{
    public static FormLimits Default { get; } = new();
}
