namespace TalentReview.Domain;

/// <summary>The languages the product speaks to people in (Belgium's nl and fr, and en).</summary>
public enum Language
{
    Nl,
    Fr,
    En,
}
