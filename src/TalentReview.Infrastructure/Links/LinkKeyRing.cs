namespace TalentReview.Infrastructure.Links;

/// <summary>The signing keys by id, and which one signs new links.</summary>
internal sealed class LinkKeyRing
{
    public const int MaxKeyIdLength = 32;

    private readonly Dictionary<string, byte[]> _keys;

    public LinkKeyRing(LinkSigningOptions options)
    {
        _keys = options.Keys.ToDictionary(
            pair => pair.Key,
            pair => TryDecodeSecret(pair.Value, out var secret) ? secret : throw new InvalidOperationException($"Links:Keys:{pair.Key} is not a valid key."),
            StringComparer.Ordinal);
        CurrentKeyId = options.CurrentKeyId;
        CurrentKey = _keys.TryGetValue(CurrentKeyId, out var current) ? current : throw new InvalidOperationException("Links:CurrentKeyId names no configured key.");
    }

    public string CurrentKeyId { get; }

    public byte[] CurrentKey { get; }

    public byte[]? Find(string keyId) => _keys.GetValueOrDefault(keyId);

    public static bool IsValidKeyId(string keyId)
        => keyId.Length is > 0 and <= MaxKeyIdLength && keyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static bool TryDecodeSecret(string? base64, out byte[] secret)
    {
        secret = [];
        if (string.IsNullOrWhiteSpace(base64))
        {
            return false;
        }

        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, buffer, out var written) || written < LinkSigningOptions.MinimumKeyBytes)
        {
            return false;
        }

        secret = buffer[..written];
        return true;
    }
}
