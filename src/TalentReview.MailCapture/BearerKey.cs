using System.Security.Cryptography;
using System.Text;

namespace TalentReview.MailCapture;

/// <summary>SendGrid's authorization: <c>Authorization: Bearer &lt;API key&gt;</c>, compared in constant time.</summary>
internal static class BearerKey
{
    public static bool IsOneOf(string header, IEnumerable<string> keys)
    {
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(header[scheme.Length..].Trim());
        return keys.Any(key => CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(key)));
    }
}
