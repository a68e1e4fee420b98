using Microsoft.AspNetCore.Http;
using TalentReview.Domain;
using TalentReview.Web.Localization;

namespace TalentReview.Web.Hr;

/// <summary>
/// How the person downloading a file reads it: the language (<c>lang</c> query parameter, else the browser's)
/// and the CSV separator (<c>separator=semicolon|comma</c>, else <c>;</c> for nl and fr readers, whose Excel
/// splits on it, and <c>,</c> for en).
/// </summary>
public sealed record ReaderPreferences(Language Language, char Separator)
{
    public static ReaderPreferences Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = Cultures.FromAcceptLanguage(request.Query["lang"].ToString() is { Length: > 0 } asked ? asked : request.Headers.AcceptLanguage.ToString());
        var separator = request.Query["separator"].ToString().ToUpperInvariant() switch
        {
            "SEMICOLON" or ";" => ';',
            "COMMA" or "," => ',',
            _ => language == Language.En ? ',' : ';',
        };
        return new ReaderPreferences(language, separator);
    }
}
