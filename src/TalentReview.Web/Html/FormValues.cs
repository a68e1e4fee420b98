using System.Globalization;

namespace TalentReview.Web.Html;

/// <summary>Lenient parsing of form text into the domain's types: what does not parse becomes a value the domain's validation rejects with a field error.</summary>
public static class FormValues
{
    public static int Score(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;

    public static TEnum Option<TEnum>(string text)
        where TEnum : struct, Enum
        => Enum.TryParse<TEnum>(text, ignoreCase: false, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _)
            ? value
            : (TEnum)Enum.ToObject(typeof(TEnum), -1);

    public static string OptionText<TEnum>(TEnum value)
        where TEnum : struct, Enum
        => Enum.IsDefined(value) ? value.ToString() : string.Empty;

    public static string ScoreText(int score) => score == 0 ? string.Empty : score.ToString(CultureInfo.InvariantCulture);

    public static string? Optional(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
