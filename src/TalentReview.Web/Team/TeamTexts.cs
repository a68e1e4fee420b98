using TalentReview.Web.Localization;

namespace TalentReview.Web.Team;

internal static class TeamTexts
{
    public static readonly Phrase Title = new("Input voor uw team", "Contribution pour votre équipe", "Input for your team");
    public static readonly Phrase Intro = new(
        "Hieronder staan uw medewerkers voor wie uw input nog nodig is. Lees bij elke medewerker eerst de zelfevaluatie en geef dan uw beoordeling. U kunt per medewerker een concept bewaren.",
        "Vous trouverez ci-dessous les collaborateurs pour lesquels votre contribution est encore attendue. Lisez d'abord l'auto-évaluation de chacun, puis donnez votre appréciation. Vous pouvez enregistrer un brouillon par collaborateur.",
        "Below are the team members who still need your input. For each one, read their self-assessment first, then give your assessment. You can save a draft for each person.");
    public static readonly Phrase ActingFor = new(
        "U geeft deze input in plaats van de rechtstreekse leidinggevende, omdat de termijn verstreken is.",
        "Vous donnez cette contribution à la place du responsable direct, le délai étant dépassé.",
        "You are giving this input in place of the direct manager, because the deadline has passed.");
    public static readonly Phrase NoReports = new("Er zijn geen medewerkers meer die op uw input wachten.", "Plus aucun collaborateur n'attend votre contribution.", "No team members are waiting for your input.");
    public static readonly Phrase Pending = new("Wacht op uw input", "En attente de votre contribution", "Waiting for your input");
    public static readonly Phrase Done = new("Ingediend", "Envoyé", "Submitted");
    public static readonly Phrase Closed = new("Afgesloten zonder input", "Clôturé sans contribution", "Closed without input");
    public static readonly Phrase SelfAssessmentOf = new("Zelfevaluatie", "Auto-évaluation", "Self-assessment");
    public static readonly Phrase NoSelfAssessment = new(
        "Deze medewerker heeft (nog) geen zelfevaluatie ingediend.",
        "Ce collaborateur n'a pas (encore) envoyé d'auto-évaluation.",
        "This team member has not submitted a self-assessment (yet).");
    public static readonly Phrase YourInput = new("Uw beoordeling", "Votre appréciation", "Your assessment");
    public static readonly Phrase Performance = new("Prestaties over het afgelopen jaar", "Performance sur l'année écoulée", "Performance over the past year");
    public static readonly Phrase PotentialTitle = new("Potentieel", "Potentiel", "Potential");
    public static readonly Phrase PotentialHint = new(
        "Drie aanwijzingen voor groeipotentieel, elk op een schaal van 1 tot 5.",
        "Trois indicateurs du potentiel de développement, chacun sur une échelle de 1 à 5.",
        "Three indicators of growth potential, each on a scale from 1 to 5.");
    public static readonly Phrase Aspiration = new("Ambitie: wil groeien", "Ambition : souhaite évoluer", "Aspiration: wants to grow");
    public static readonly Phrase Ability = new("Vermogen: kan meer complexiteit aan", "Capacité : peut assumer plus de complexité", "Ability: can handle more complexity");
    public static readonly Phrase Engagement = new("Betrokkenheid bij de organisatie", "Engagement envers l'organisation", "Engagement with the organisation");
    public static readonly Phrase Readiness = new("Klaar voor een volgende stap", "Prêt pour l'étape suivante", "Readiness for a next step");
    public static readonly Phrase FlightRisk = new("Risico op vertrek", "Risque de départ", "Flight risk");
    public static readonly Phrase Recommendation = new("Voorgestelde uitkomst", "Suite proposée", "Recommended outcome");
    public static readonly Phrase Evidence = new("Onderbouwing", "Justification", "Evidence");
    public static readonly Phrase EvidenceHint = new(
        "Concrete voorbeelden en resultaten. Verplicht (minstens 50 tekens) bij een score van 1 of 5.",
        "Exemples et résultats concrets. Obligatoire (au moins 50 caractères) pour un score de 1 ou 5.",
        "Concrete examples and results. Required (at least 50 characters) for a score of 1 or 5.");
    public static readonly Phrase SubmitFor = new("Indienen voor {0}", "Envoyer pour {0}", "Submit for {0}");
    public static readonly Phrase DraftFor = new("Concept bewaren voor {0}", "Enregistrer le brouillon pour {0}", "Save draft for {0}");
    public static readonly Phrase SubmittedFor = new("Uw input voor {0} is ingediend.", "Votre contribution pour {0} a été envoyée.", "Your input for {0} has been submitted.");
    public static readonly Phrase DraftSavedFor = new("Het concept voor {0} is bewaard.", "Le brouillon pour {0} est enregistré.", "The draft for {0} has been saved.");
}
