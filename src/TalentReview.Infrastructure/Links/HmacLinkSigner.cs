using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using TalentReview.Workflow.Links;

namespace TalentReview.Infrastructure.Links;

/// <summary>
/// Signs links with HMAC-SHA256. A token is base64url(payload ‖ mac); the payload names the key
/// that signed it, so after a rotation links signed with an older configured key still verify.
/// Expiry is kept to the second.
/// </summary>
public sealed class HmacLinkSigner : ILinkSigner
{
    private const int MacBytes = HMACSHA256.HashSizeInBytes;

    private readonly LinkKeyRing _keys;
    private readonly string _linkPrefix;

    public HmacLinkSigner(IOptions<LinkSigningOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = new LinkKeyRing(options.Value);
        var baseUrl = options.Value.PublicBaseUrl ?? throw new InvalidOperationException("Links:PublicBaseUrl is required.");
        _linkPrefix = baseUrl.AbsoluteUri.TrimEnd('/') + "/l/";
    }

    public Uri CreateLink(LinkClaims claims) => new(_linkPrefix + CreateToken(claims));

    public string CreateToken(LinkClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var payload = LinkTokenCodec.Encode(_keys.CurrentKeyId, claims);
        var token = new byte[payload.Length + MacBytes];
        payload.CopyTo(token, 0);
        HMACSHA256.HashData(_keys.CurrentKey, payload, token.AsSpan(payload.Length));
        return Base64Url.EncodeToString(token);
    }

    public LinkVerification Verify(string token, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048 || !Base64Url.IsValid(token))
        {
            return LinkVerification.Rejected(LinkRejection.Malformed);
        }

        var bytes = Base64Url.DecodeFromChars(token);
        if (bytes.Length <= MacBytes)
        {
            return LinkVerification.Rejected(LinkRejection.Malformed);
        }

        var payload = bytes.AsSpan(0, bytes.Length - MacBytes);
        if (!LinkTokenCodec.TryDecode(payload, out var keyId, out var claims))
        {
            return LinkVerification.Rejected(LinkRejection.Malformed);
        }

        if (_keys.Find(keyId) is not { } key)
        {
            return LinkVerification.Rejected(LinkRejection.UnknownKey);
        }

        Span<byte> expected = stackalloc byte[MacBytes];
        HMACSHA256.HashData(key, payload, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(bytes.Length - MacBytes)))
        {
            return LinkVerification.Rejected(LinkRejection.BadSignature);
        }

        // Only a genuine token reveals its claims, and an expired one still does: the page can then say whose link it was and how to get a new one.
        return claims!.ExpiresAt <= now ? LinkVerification.Rejected(LinkRejection.Expired, claims) : LinkVerification.Valid(claims);
    }

    /// <summary>The token of a link created by <see cref="CreateLink"/>, or null when the URL is not such a link.</summary>
    public static string? TokenFromLink(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var path = link.IsAbsoluteUri ? link.AbsolutePath : link.OriginalString;
        var marker = path.LastIndexOf("/l/", StringComparison.Ordinal);
        return marker < 0 ? null : path[(marker + 3)..];
    }
}
