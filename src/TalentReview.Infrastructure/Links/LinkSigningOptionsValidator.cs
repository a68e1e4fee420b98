using Microsoft.Extensions.Options;

namespace TalentReview.Infrastructure.Links;

/// <summary>Fails the host at start when the signing keys or the public base URL are unusable.</summary>
internal sealed class LinkSigningOptionsValidator : IValidateOptions<LinkSigningOptions>
{
    public ValidateOptionsResult Validate(string? name, LinkSigningOptions options)
    {
        var failures = new List<string>();
        if (options.PublicBaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Links:PublicBaseUrl must be an absolute http(s) URL.");
        }

        if (!options.Keys.ContainsKey(options.CurrentKeyId))
        {
            failures.Add("Links:CurrentKeyId must name one of the keys under Links:Keys.");
        }

        foreach (var (keyId, secret) in options.Keys)
        {
            if (!LinkKeyRing.IsValidKeyId(keyId))
            {
                failures.Add($"Links:Keys:{keyId}: a key id is 1 to {LinkKeyRing.MaxKeyIdLength} letters, digits, '-' or '_'.");
            }

            if (!LinkKeyRing.TryDecodeSecret(secret, out _))
            {
                failures.Add($"Links:Keys:{keyId} must be base64 of at least {LinkSigningOptions.MinimumKeyBytes} bytes.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
