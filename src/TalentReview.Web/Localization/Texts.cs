namespace TalentReview.Web.Localization;

/// <summary>Texts shared by every page. Feature texts live with their feature.</summary>
public static class Texts
{
    public static readonly Phrase SkipToContent = new("Naar de inhoud", "Aller au contenu", "Skip to content");
    public static readonly Phrase Confidential = new(
        "Vertrouwelijk. Deze pagina is persoonlijk; stuur de link niet door.",
        "Confidentiel. Cette page vous est personnelle ; ne transférez pas le lien.",
        "Confidential. This page is personal to you; please do not forward the link.");

    public static readonly Phrase ErrorSummaryTitle = new("Er is een probleem", "Un problème est survenu", "There is a problem");
    public static readonly Phrase SaveDraft = new("Concept bewaren", "Enregistrer le brouillon", "Save draft");
    public static readonly Phrase Submit = new("Indienen", "Envoyer", "Submit");
    public static readonly Phrase DraftSaved = new(
        "Uw concept is bewaard. U kunt later verdergaan via dezelfde link.",
        "Votre brouillon est enregistré. Vous pouvez continuer plus tard via le même lien.",
        "Your draft has been saved. You can continue later through the same link.");
    public static readonly Phrase SubmittedOn = new("Ingediend op {0}.", "Envoyé le {0}.", "Submitted on {0}.");
    public static readonly Phrase WhatWasSent = new("Wat u hebt ingediend", "Ce que vous avez envoyé", "What you submitted");
    public static readonly Phrase Deadline = new("Uiterste datum: {0}", "Date limite : {0}", "Deadline: {0}");
    public static readonly Phrase NotGiven = new("(niet ingevuld)", "(non renseigné)", "(not given)");
    public static readonly Phrase Required = new("verplicht", "obligatoire", "required");
    public static readonly Phrase Optional = new("optioneel", "facultatif", "optional");

    public static readonly Phrase FieldRequired = new("Vul dit veld in.", "Veuillez remplir ce champ.", "Please fill in this field.");
    public static readonly Phrase FieldNotANumber = new("Kies een waarde uit de lijst.", "Choisissez une valeur dans la liste.", "Choose a value from the list.");
    public static readonly Phrase FieldOutOfRange = new("Kies een score van 1 tot 5.", "Choisissez un score de 1 à 5.", "Choose a score from 1 to 5.");

    public static readonly Phrase ScoreScale = new(
        "1 = ruim onder verwachting, 3 = volgens verwachting, 5 = ruim boven verwachting",
        "1 = nettement en dessous des attentes, 3 = conforme aux attentes, 5 = nettement au-dessus des attentes",
        "1 = well below expectations, 3 = meets expectations, 5 = well above expectations");

    public static readonly Phrase Performance = new("Prestaties", "Performance", "Performance");
    public static readonly Phrase Potential = new("Potentieel", "Potentiel", "Potential");
    public static readonly Phrase Low = new("Laag", "Faible", "Low");
    public static readonly Phrase Moderate = new("Gemiddeld", "Moyen", "Moderate");
    public static readonly Phrase High = new("Hoog", "Élevé", "High");
}
