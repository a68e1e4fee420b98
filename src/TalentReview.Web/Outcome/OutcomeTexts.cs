using TalentReview.Web.Localization;

namespace TalentReview.Web.Outcome;

internal static class OutcomeTexts
{
    public static readonly Phrase Title = new("Uw resultaat van deze cyclus", "Votre résultat pour ce cycle", "Your outcome of this cycle");
    public static readonly Phrase NotReleased = new(
        "Uw resultaat is nog niet vrijgegeven. U ontvangt een e-mail zodra het beschikbaar is.",
        "Votre résultat n'a pas encore été publié. Vous recevrez un e-mail dès qu'il sera disponible.",
        "Your outcome has not been released yet. You will receive an email as soon as it is available.");
    public static readonly Phrase Intro = new(
        "Dit is de uitkomst van uw evaluatie na kalibratie. Bespreek ze gerust met uw leidinggevende.",
        "Voici le résultat de votre évaluation après calibrage. N'hésitez pas à en discuter avec votre responsable.",
        "This is the outcome of your review after calibration. Feel free to discuss it with your manager.");
    public static readonly Phrase Box = new("Plaats in de negenvakmatrix", "Position dans la grille à neuf cases", "Place on the nine-box grid");
    public static readonly Phrase Decision = new("Beslissing", "Décision", "Decision");
    public static readonly Phrase NoDecision = new("Nog geen beslissing.", "Pas encore de décision.", "No decision yet.");
    public static readonly Phrase NewLevel = new("Nieuw niveau", "Nouveau niveau", "New level");
    public static readonly Phrase NewJobTitle = new("Nieuwe functie", "Nouvelle fonction", "New job title");
    public static readonly Phrase Increase = new("Verhoging", "Augmentation", "Increase");
    public static readonly Phrase Department = new("Afdeling", "Département", "Department");
    public static readonly Phrase JobTitle = new("Functie", "Fonction", "Job title");
    public static readonly Phrase Until = new("Tot", "Jusqu'au", "Until");
    public static readonly Phrase Goals = new("Doelen", "Objectifs", "Goals");
    public static readonly Phrase FollowUps = new("Opvolgingsgesprekken", "Entretiens de suivi", "Follow-up conversations");
    public static readonly Phrase Support = new("Ondersteuning", "Accompagnement", "Support");
    public static readonly Phrase Acknowledge = new("Ik heb mijn resultaat gelezen", "J'ai pris connaissance de mon résultat", "I have read my outcome");
    public static readonly Phrase AcknowledgeHint = new(
        "Met deze bevestiging geeft u aan dat u uw resultaat gelezen hebt, niet noodzakelijk dat u akkoord gaat.",
        "Par cette confirmation, vous indiquez avoir lu votre résultat, pas nécessairement que vous êtes d'accord.",
        "This confirms that you have read your outcome, not necessarily that you agree with it.");
    public static readonly Phrase Comment = new("Uw opmerking", "Votre commentaire", "Your comment");
    public static readonly Phrase Acknowledged = new("U hebt uw resultaat bevestigd op {0}.", "Vous avez confirmé votre résultat le {0}.", "You acknowledged your outcome on {0}.");
    public static readonly Phrase TeamTitle = new("De resultaten van uw team", "Les résultats de votre équipe", "Your team's outcomes");
    public static readonly Phrase TeamIntro = new(
        "De uitkomsten na kalibratie en de bevestigde beslissingen. Bespreek ze met elke medewerker; de opvolging van ontwikkel- en verbeterplannen volgt per e-mail.",
        "Les résultats après calibrage et les décisions confirmées. Discutez-en avec chaque collaborateur ; le suivi des plans de développement et d'amélioration vous sera rappelé par e-mail.",
        "The outcomes after calibration and the confirmed decisions. Discuss them with each person; follow-ups of development and improvement plans will be reminded by email.");
    public static readonly Phrase Employee = new("Medewerker", "Collaborateur", "Employee");
    public static readonly Phrase ConversationFirst = new(
        "Uw medewerkers zien hun resultaat nog niet: voer eerst met elk van hen het gesprek.",
        "Vos collaborateurs ne voient pas encore leur résultat : ayez d'abord l'entretien avec chacun d'eux.",
        "Your team members do not see their outcome yet: hold the conversation with each of them first.");
    public static readonly Phrase EmployeesOn = new("Zij krijgen hun resultaat op {0}.", "Ils recevront leur résultat le {0}.", "They receive their outcome on {0}.");
    public static readonly Phrase EmployeesLater = new(
        "Zij krijgen hun resultaat wanneer HR het vrijgeeft.",
        "Ils recevront leur résultat lorsque les RH le publieront.",
        "They receive their outcome when HR releases it.");
    public static readonly Phrase AcknowledgedOn = new("Gelezen op", "Pris connaissance le", "Acknowledged on");
    public static readonly Phrase EmployeeComment = new("Opmerking van de medewerker", "Commentaire du collaborateur", "Employee's comment");
    public static readonly Phrase YourComment = new("Uw opmerking", "Votre commentaire", "Your comment");
}
