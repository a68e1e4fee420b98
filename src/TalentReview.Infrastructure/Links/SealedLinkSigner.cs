using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TalentReview.Workflow.Links;

namespace TalentReview.Infrastructure.Links;

/// <summary>
/// Seals links with AES-256-GCM: a token is base64url(header ‖ iv ‖ ciphertext ‖ tag), the header
/// (format version 2 and key id) authenticated but not encrypted, the claims (cycle, person, step,
/// expiry) encrypted, so a link reveals nothing but which key sealed it. The encryption key and the
/// key that derives the iv come from the configured link key through HKDF, so no storage is needed
/// and rotation works as before: links sealed with an older configured key still open. The iv is an
/// HMAC of header and claims (a synthetic iv): the same claims give the same link, as they did when
/// links were only signed, and an iv never repeats for different claims.
/// Version 1 tokens (signed with HMAC-SHA256, claims readable) are still accepted until they expire.
/// Expiry is kept to the second.
/// </summary>
public sealed class SealedLinkSigner : ILinkSigner
{
    private const int IvBytes = 12;
    private const int TagBytes = 16;
    private const int MacBytes = HMACSHA256.HashSizeInBytes;
    private static readonly byte[] EncryptionLabel = Encoding.ASCII.GetBytes("TalentReview link token v2: encryption");
    private static readonly byte[] IvLabel = Encoding.ASCII.GetBytes("TalentReview link token v2: iv");

    private readonly LinkKeyRing _keys;
    private readonly string _linkPrefix;

    public SealedLinkSigner(IOptions<LinkSigningOptions> options)
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
        var header = LinkTokenCodec.Header(LinkTokenCodec.SealedVersion, _keys.CurrentKeyId);
        var plaintext = LinkTokenCodec.EncodeClaims(claims);
        var token = new byte[header.Length + IvBytes + plaintext.Length + TagBytes];
        header.CopyTo(token, 0);
        var iv = token.AsSpan(header.Length, IvBytes);
        var ciphertext = token.AsSpan(header.Length + IvBytes, plaintext.Length);
        var tag = token.AsSpan(token.Length - TagBytes);

        Span<byte> mac = stackalloc byte[MacBytes];
        HMACSHA256.HashData(Derive(_keys.CurrentKey, IvLabel), [.. header, .. plaintext], mac);
        mac[..IvBytes].CopyTo(iv);
        using var aes = new AesGcm(Derive(_keys.CurrentKey, EncryptionLabel), TagBytes);
        aes.Encrypt(iv, plaintext, ciphertext, tag, header);
        return Base64Url.EncodeToString(token);
    }

    public LinkVerification Verify(string token, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048 || !Base64Url.IsValid(token))
        {
            return LinkVerification.Rejected(LinkRejection.Malformed);
        }

        var bytes = Base64Url.DecodeFromChars(token);
        if (!LinkTokenCodec.TryReadHeader(bytes, out var version, out var keyId, out var headerLength))
        {
            return LinkVerification.Rejected(LinkRejection.Malformed);
        }

        var (rejection, claims) = version switch
        {
            LinkTokenCodec.SealedVersion => Open(bytes, keyId, headerLength),
            LinkTokenCodec.SignedVersion => CheckSignature(bytes, keyId, headerLength),
            _ => (LinkRejection.Malformed, null),
        };
        if (claims is null)
        {
            return LinkVerification.Rejected(rejection);
        }

        // Only a genuine token reveals its claims, and an expired one still does: the page can then say whose link it was and how to get a new one.
        return claims.ExpiresAt <= now ? LinkVerification.Rejected(LinkRejection.Expired, claims) : LinkVerification.Valid(claims);
    }

    /// <summary>The token of a link created by <see cref="CreateLink"/>, or null when the URL is not such a link.</summary>
    public static string? TokenFromLink(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var path = link.IsAbsoluteUri ? link.AbsolutePath : link.OriginalString;
        var marker = path.LastIndexOf("/l/", StringComparison.Ordinal);
        return marker < 0 ? null : path[(marker + 3)..];
    }

    private (LinkRejection Rejection, LinkClaims? Claims) Open(byte[] bytes, string keyId, int headerLength)
    {
        var ciphertextLength = bytes.Length - headerLength - IvBytes - TagBytes;
        if (ciphertextLength <= 0)
        {
            return (LinkRejection.Malformed, null);
        }

        if (_keys.Find(keyId) is not { } key)
        {
            return (LinkRejection.UnknownKey, null);
        }

        var plaintext = new byte[ciphertextLength];
        using var aes = new AesGcm(Derive(key, EncryptionLabel), TagBytes);
        try
        {
            aes.Decrypt(
                bytes.AsSpan(headerLength, IvBytes),
                bytes.AsSpan(headerLength + IvBytes, ciphertextLength),
                bytes.AsSpan(bytes.Length - TagBytes),
                plaintext,
                bytes.AsSpan(0, headerLength));
        }
        catch (AuthenticationTagMismatchException)
        {
            return (LinkRejection.BadSignature, null);
        }

        return LinkTokenCodec.TryDecodeClaims(plaintext, out var claims) ? (LinkRejection.None, claims) : (LinkRejection.Malformed, null);
    }

    /// <summary>A version 1 token: header ‖ claims ‖ HMAC-SHA256 of both with the link key itself.</summary>
    private (LinkRejection Rejection, LinkClaims? Claims) CheckSignature(byte[] bytes, string keyId, int headerLength)
    {
        if (bytes.Length <= headerLength + MacBytes
            || !LinkTokenCodec.TryDecodeClaims(bytes.AsSpan(headerLength, bytes.Length - headerLength - MacBytes), out var claims))
        {
            return (LinkRejection.Malformed, null);
        }

        if (_keys.Find(keyId) is not { } key)
        {
            return (LinkRejection.UnknownKey, null);
        }

        Span<byte> expected = stackalloc byte[MacBytes];
        HMACSHA256.HashData(key, bytes.AsSpan(0, bytes.Length - MacBytes), expected);
        return CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(bytes.Length - MacBytes)) ? (LinkRejection.None, claims) : (LinkRejection.BadSignature, null);
    }

    private static byte[] Derive(byte[] linkKey, byte[] label) => HKDF.DeriveKey(HashAlgorithmName.SHA256, linkKey, 32, salt: [], info: label);
}
