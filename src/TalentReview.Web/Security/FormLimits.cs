namespace TalentReview.Web.Security;

/// <summary>Bounds on what a page's form may send; anything larger is refused before it is parsed.</summary>
public sealed class WebFormLimits
{
    public long MaxBodyBytes { get; set; } = 256 * 1024;

    public int MaxValueCount { get; set; } = 400;

    public int MaxValueLength { get; set; } = 16 * 1024;

    public int MaxKeyLength { get; set; } = 128;
}
