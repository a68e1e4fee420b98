namespace TalentReview.Infrastructure.Links;

/// <summary>
/// Configuration section "Links": <c>Links:PublicBaseUrl</c>, <c>Links:CurrentKeyId</c> and
/// <c>Links:Keys:&lt;kid&gt;</c> (base64, at least 32 bytes). Older keys stay listed after a
/// rotation so links already sent keep working until they expire.
/// </summary>
public sealed class LinkSigningOptions
{
    public const string SectionName = "Links";

    public const int MinimumKeyBytes = 32;

    public Uri? PublicBaseUrl { get; set; }

    public string CurrentKeyId { get; set; } = "";

    public Dictionary<string, string> Keys { get; init; } = new(StringComparer.Ordinal);
}
