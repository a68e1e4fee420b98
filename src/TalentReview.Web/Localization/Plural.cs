using TalentReview.Domain;

namespace TalentReview.Web.Localization;

/// <summary>
/// A text whose words follow a count ({0}): <see cref="One"/> for a single one, <see cref="Many"/> otherwise. French
/// counts zero as singular ("0 carte"), Dutch and English as plural ("0 kaarten", "0 cards").
/// </summary>
public sealed record Plural(Phrase One, Phrase Many)
{
    public string Format(Language language, int count, params object?[] args)
        => (count == 1 || (count == 0 && language == Language.Fr) ? One : Many).Format(language, [count, .. args]);
}
