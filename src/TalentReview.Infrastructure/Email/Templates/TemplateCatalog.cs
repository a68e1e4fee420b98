using TalentReview.Domain;

namespace TalentReview.Infrastructure.Email.Templates;

/// <summary>Every template in every language, compiled once.</summary>
internal static class TemplateCatalog
{
    private static readonly Dictionary<Language, LanguagePack> Packs = new()
    {
        [Language.Nl] = DutchTexts.Pack,
        [Language.Fr] = FrenchTexts.Pack,
        [Language.En] = EnglishTexts.Pack,
    };

    private static readonly Dictionary<(Language, TemplateId), CompiledTemplate> Compiled = Packs
        .SelectMany(pack => pack.Value.Templates.Select(t => (Language: pack.Key, Pack: pack.Value, Id: t.Key, Text: t.Value)))
        .ToDictionary(t => (t.Language, t.Id), t => TemplateCompiler.Compile(t.Pack, t.Id, t.Text));

    private static readonly Dictionary<Language, ValueFormatter> Formatters = Packs.ToDictionary(p => p.Key, p => new ValueFormatter(p.Value));

    public static LanguagePack Pack(Language language) => Packs[language];

    public static ValueFormatter Formatter(Language language) => Formatters[language];

    public static CompiledTemplate Template(Language language, TemplateId id)
        => Compiled.TryGetValue((language, id), out var template)
            ? template
            : throw new InvalidOperationException($"No {language} template for {id}.");
}
