using System.Globalization;
using TalentReview.Domain;

namespace TalentReview.Web.Localization;

/// <summary>One text in the three languages the product speaks; composite format placeholders ({0}) allowed.</summary>
public sealed record Phrase(string Nl, string Fr, string En)
{
    public string this[Language language] => language switch
    {
        Language.Nl => Nl,
        Language.Fr => Fr,
        _ => En,
    };

    public string Format(Language language, params object?[] args)
        => string.Format(Cultures.For(language), this[language], args);
}

public static class Cultures
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-BE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-BE");

    public static CultureInfo For(Language language) => language switch
    {
        Language.Nl => Dutch,
        Language.Fr => French,
        _ => English,
    };

    public static string Code(Language language) => language switch
    {
        Language.Nl => "nl",
        Language.Fr => "fr",
        _ => "en",
    };

    /// <summary>The first of nl, fr, en the browser asks for; English when it asks for none of them.</summary>
    public static Language FromAcceptLanguage(string? header)
    {
        foreach (var part in (header ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var tag = part.Split(';')[0];
            if (tag.StartsWith("nl", StringComparison.OrdinalIgnoreCase))
            {
                return Language.Nl;
            }

            if (tag.StartsWith("fr", StringComparison.OrdinalIgnoreCase))
            {
                return Language.Fr;
            }

            if (tag.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return Language.En;
            }
        }

        return Language.En;
    }

    /// <summary>A date as the reader's language writes it. Pages show dates of the cycle's zone: convert instants with <see cref="Domain.Planning.OrganisationTime.DateOf"/> first.</summary>
    public static string Date(DateOnly value, Language language)
        => value.ToString("d MMMM yyyy", For(language));
}
