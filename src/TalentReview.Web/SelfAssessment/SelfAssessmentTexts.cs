using TalentReview.Domain.Forms;
using TalentReview.Web.Localization;

namespace TalentReview.Web.SelfAssessment;

internal static class SelfAssessmentTexts
{
    public static readonly Phrase Title = new("Uw zelfevaluatie", "Votre auto-évaluation", "Your self-assessment");
    public static readonly Phrase Intro = new(
        "Kijk terug op het afgelopen jaar: wat hebt u bereikt, waarop bent u trots en waar wilt u naartoe? Uw leidinggevende ziet uw antwoorden bij de voorbereiding van uw evaluatie. U kunt tussendoor een concept bewaren.",
        "Faites le bilan de l'année écoulée : ce que vous avez accompli, ce dont vous êtes fier et ce que vous souhaitez pour la suite. Votre responsable verra vos réponses en préparant votre évaluation. Vous pouvez enregistrer un brouillon à tout moment.",
        "Look back on the past year: what you achieved, what you are proud of, and where you want to go next. Your manager will see your answers when preparing your review. You can save a draft at any time.");
    public static readonly Phrase Objectives = new("Doelstellingen en resultaten", "Objectifs et résultats", "Objectives and results");
    public static readonly Phrase ObjectivesHint = new(
        "Vul minstens één doelstelling in. Laat lege rijen gewoon leeg.",
        "Complétez au moins un objectif. Laissez simplement les lignes inutilisées vides.",
        "Fill in at least one objective. Simply leave unused rows empty.");
    public static readonly Phrase ObjectiveNumber = new("Doelstelling {0}", "Objectif {0}", "Objective {0}");
    public static readonly Phrase Objective = new("Doelstelling of KPI", "Objectif ou KPI", "Objective or KPI");
    public static readonly Phrase Outcome = new("Resultaat", "Résultat", "Result");
    public static readonly Phrase Evidence = new("Onderbouwing (feiten, cijfers, voorbeelden)", "Justification (faits, chiffres, exemples)", "Evidence (facts, figures, examples)");
    public static readonly Phrase Competencies = new("Competenties", "Compétences", "Competencies");
    public static readonly Phrase Comment = new("Toelichting", "Commentaire", "Comment");
    public static readonly Phrase Achievements = new("Belangrijkste realisaties", "Principales réalisations", "Main achievements");
    public static readonly Phrase OverallRating = new("Hoe beoordeelt u uw eigen prestaties dit jaar?", "Comment évaluez-vous vos propres performances cette année ?", "How do you rate your own performance this year?");
    public static readonly Phrase Aspiration = new("Loopbaanwens", "Souhait de carrière", "Career wish");
    public static readonly Phrase AspirationNote = new("Toelichting bij uw loopbaanwens", "Précisions sur votre souhait de carrière", "More about your career wish");
    public static readonly Phrase DevelopmentWishes = new("Ontwikkelingswensen (opleiding, coaching, projecten)", "Souhaits de développement (formation, coaching, projets)", "Development wishes (training, coaching, projects)");
    public static readonly Phrase Mobility = new("Mobiliteit", "Mobilité", "Mobility");
    public static readonly Phrase SubmitHint = new(
        "Na het indienen kunt u uw zelfevaluatie niet meer wijzigen.",
        "Après l'envoi, vous ne pourrez plus modifier votre auto-évaluation.",
        "Once submitted, your self-assessment can no longer be changed.");
    public static readonly Phrase Submitted = new(
        "Uw zelfevaluatie is ingediend. Dank u wel.",
        "Votre auto-évaluation a été envoyée. Merci.",
        "Your self-assessment has been submitted. Thank you.");

    public static readonly IReadOnlyList<(string Key, Phrase Label)> CompetencyList =
    [
        ("collaboration", new("Samenwerking", "Collaboration", "Collaboration")),
        ("customerFocus", new("Klantgerichtheid", "Orientation client", "Customer focus")),
        ("ownership", new("Verantwoordelijkheid nemen", "Sens des responsabilités", "Ownership")),
        ("learning", new("Leervermogen", "Capacité d'apprentissage", "Learning agility")),
    ];

    public static Phrase Of(ObjectiveOutcome outcome) => outcome switch
    {
        ObjectiveOutcome.NotMet => new("Niet behaald", "Non atteint", "Not met"),
        ObjectiveOutcome.PartlyMet => new("Gedeeltelijk behaald", "Partiellement atteint", "Partly met"),
        ObjectiveOutcome.Met => new("Behaald", "Atteint", "Met"),
        _ => new("Overtroffen", "Dépassé", "Exceeded"),
    };

    public static Phrase Of(CareerAspiration aspiration) => aspiration switch
    {
        CareerAspiration.Promotion => new("Promotie", "Promotion", "Promotion"),
        CareerAspiration.HorizontalMove => new("Horizontale overstap naar een andere functie", "Mobilité horizontale vers une autre fonction", "Horizontal move to another role"),
        CareerAspiration.Specialisation => new("Verdere specialisatie", "Spécialisation", "Specialisation"),
        CareerAspiration.JobRotation => new("Jobrotatie", "Rotation de poste", "Job rotation"),
        CareerAspiration.JobCrafting => new("Mijn huidige functie verrijken (jobcrafting)", "Enrichir ma fonction actuelle (job crafting)", "Enrich my current role (job crafting)"),
        CareerAspiration.StepBack => new("Een stap terug (lichtere functie)", "Un pas en arrière (fonction allégée)", "A step back (lighter role)"),
        CareerAspiration.ExternalMove => new("Een loopbaan buiten de organisatie", "Une carrière hors de l'organisation", "A career outside the organisation"),
        _ => new("In mijn huidige functie blijven", "Rester dans ma fonction actuelle", "Stay in my current role"),
    };

    public static Phrase Of(Mobility mobility) => mobility switch
    {
        Domain.Forms.Mobility.NotMobile => new("Niet mobiel", "Pas mobile", "Not mobile"),
        Domain.Forms.Mobility.WithinLocation => new("Binnen mijn huidige vestiging", "Au sein de mon site actuel", "Within my current site"),
        Domain.Forms.Mobility.WithinBelgium => new("Binnen België", "En Belgique", "Within Belgium"),
        _ => new("Internationaal", "À l'international", "International"),
    };

    public static Phrase CompetencyLabel(string key)
        => CompetencyList.FirstOrDefault(c => c.Key == key).Label ?? new Phrase(key, key, key);
}
