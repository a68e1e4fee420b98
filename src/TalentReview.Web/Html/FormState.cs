using Microsoft.AspNetCore.Http;
using TalentReview.Domain;
using TalentReview.Web.Localization;

namespace TalentReview.Web.Html;

/// <summary>
/// What a form shows: the values as typed (so a rejected form keeps them) and a localised error per
/// field path (e.g. <c>objectives[1].evidence</c>, the domain's own field names).
/// </summary>
public sealed class FormState
{
    private readonly Dictionary<string, string> values;
    private readonly Dictionary<string, string> errors = new(StringComparer.Ordinal);

    public FormState(IEnumerable<KeyValuePair<string, string>>? values = null)
        => this.values = new Dictionary<string, string>(values ?? [], StringComparer.Ordinal);

    public static FormState From(IFormCollection form, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new FormState(form
            .Where(f => prefix is null || f.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(f => KeyValuePair.Create(prefix is null ? f.Key : f.Key[prefix.Length..], f.Value.ToString())));
    }

    /// <summary>Field paths in the order their errors were found, with their messages.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Errors => [.. errors];

    public bool HasErrors => errors.Count > 0;

    public string Value(string field) => values.GetValueOrDefault(field) ?? string.Empty;

    public string? Error(string field) => errors.GetValueOrDefault(field);

    public void Set(string field, string? value) => values[field] = value ?? string.Empty;

    public void AddError(string field, string message) => errors.TryAdd(field, message);

    public void AddErrors(IEnumerable<ValidationError> validationErrors, Language language)
    {
        foreach (var error in validationErrors)
        {
            AddError(error.Field, ErrorMessages.For(error, language));
        }
    }
}

/// <summary>The domain's stable error codes in the recipient's language; anything unknown falls back to the domain's English text.</summary>
public static class ErrorMessages
{
    private static readonly Phrase TooLong = new(
        "Deze tekst is te lang: hoogstens {0} tekens.", "Ce texte est trop long : {0} caractères au maximum.", "This text is too long: at most {0} characters.");

    private static readonly Dictionary<string, Phrase> ByCode = new(StringComparer.Ordinal)
    {
        ["form.required"] = Texts.FieldRequired,
        ["form.outOfScale"] = Texts.FieldOutOfRange,
        ["form.unknownOption"] = Texts.FieldNotANumber,
        ["form.atLeastOne"] = new("Vul minstens één item in.", "Complétez au moins un élément.", "Fill in at least one item."),
        ["form.tooLong"] = TooLong,
        [TextLimits.TooLongCode] = TooLong,
        ["form.tooManyItems"] = new("Te veel items: hoogstens {0}.", "Trop d'éléments : {0} au maximum.", "Too many items: at most {0}."),
        ["form.evidenceRequiredForExtreme"] = new(
            "Een score aan de uiterste rand van de schaal vraagt een schriftelijke onderbouwing van minstens 50 tekens.",
            "Un score à l'extrémité de l'échelle demande une justification écrite d'au moins 50 caractères.",
            "A score at either end of the scale needs written evidence of at least 50 characters."),
        ["calibration.reasonRequired"] = new(
            "Geef een reden voor deze verschuiving.", "Indiquez la raison de ce déplacement.", "Give a reason for this move."),
        ["calibration.sameBox"] = new(
            "De medewerker staat al in dat vak.", "Le collaborateur se trouve déjà dans cette case.", "The employee is already in that box."),
        ["calibration.unknownBox"] = new("Kies een vak van het raster.", "Choisissez une case de la grille.", "Choose a box of the grid."),
        ["decision.required"] = Texts.FieldRequired,
        ["decision.merit.percentRequired"] = new(
            "Een verdienstelijke loonsverhoging vraagt een percentage.", "Une augmentation au mérite demande un pourcentage.", "A merit increase needs its percentage."),
        ["decision.plan.goalsRequired"] = new("Een plan vraagt minstens één doel.", "Un plan demande au moins un objectif.", "A plan needs at least one goal."),
        ["decision.plan.followUpsRequired"] = new(
            "Een plan vraagt minstens één opvolgingsdatum.", "Un plan demande au moins une date de suivi.", "A plan needs at least one follow-up date."),
        ["calibration.ownReportingLine"] = new(
            "Niemand verplaatst of beslist over de eigen kaart of die van iemand hoger in de eigen rapportagelijn; het niveau erboven beslist.",
            "Personne ne déplace ni ne décide sa propre carte ou celle d'une personne au-dessus dans sa ligne hiérarchique ; le niveau supérieur en décide.",
            "Nobody moves or decides on their own card or that of someone above them in their reporting line; the level above decides on it."),
        ["calibration.ownDecision"] = new(
            "Uw eigen beslissing, of die van iemand hoger in uw rapportagelijn, zit hierbij; een ander comitélid of HR bevestigt ze.",
            "Votre propre décision, ou celle d'une personne au-dessus de vous, en fait partie ; un autre membre du comité ou les RH la confirment.",
            "Your own decision, or that of someone above you in your reporting line, is among these; another member of the committee or HR confirms them."),
        ["calibration.confirmationRequired"] = new(
            "Bevestig dat het comité akkoord is over alle plaatsingen.",
            "Confirmez que le comité est d'accord sur tous les placements.",
            "Confirm that the committee agrees on every placement."),
    };

    public static string For(ValidationError error, Language language)
    {
        ArgumentNullException.ThrowIfNull(error);
        return !ByCode.TryGetValue(error.Code, out var phrase) ? error.Message
            : error.Limit is { } limit ? phrase.Format(language, limit.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : phrase[language];
    }
}
