namespace TalentReview.Domain.NineBox;

/// <summary>One axis of the nine-box grid.</summary>
public enum RatingLevel
{
    Low,
    Moderate,
    High,
}
