using TalentReview.Web.Localization;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Web.Hr.Console;

/// <summary>The HR console's words in nl, fr and en.</summary>
internal static class ConsoleTexts
{
    public static readonly Phrase Title = new("{0}: voortgang", "{0} : avancement", "{0}: progress");
    public static readonly Phrase AsOf = new("Stand op {0}.", "Situation au {0}.", "As of {0}.");
    public static readonly Phrase Steps = new("Per stap", "Par étape", "Per step");
    public static readonly Phrase Groups = new("Per kalibratiegroep", "Par groupe de calibrage", "Per calibration group");
    public static readonly Phrase Managers = new("Per leidinggevende", "Par responsable", "Per manager");
    public static readonly Phrase Step = new("Stap", "Étape", "Step");
    public static readonly Phrase Group = new("Groep", "Groupe", "Group");
    public static readonly Phrase Manager = new("Leidinggevende", "Responsable", "Manager");
    public static readonly Phrase Person = new("Medewerker", "Collaborateur", "Employee");
    public static readonly Phrase Deadline = new("Deadline", "Date limite", "Deadline");
    public static readonly Phrase People = new("Mensen", "Personnes", "People");
    public static readonly Phrase ShowPeople = new("Toon de {0} medewerkers", "Afficher les {0} collaborateurs", "Show the {0} people");
    public static readonly Phrase SelfAssessment = new("Zelfevaluatie", "Auto-évaluation", "Self-assessment");
    public static readonly Phrase ManagerInput = new("Input van de leidinggevende", "Contribution du responsable", "Manager input");
    public static readonly Phrase NoOneYet = new("Nog niemand.", "Personne pour l'instant.", "No one yet.");

    public static readonly Phrase Steer = new("Bijsturen", "Piloter", "Steer the cycle");
    public static readonly Phrase ExtendDeadline = new("Deadline verlengen", "Prolonger une date limite", "Extend a deadline");
    public static readonly Phrase NewDeadline = new("Nieuwe deadline", "Nouvelle date limite", "New deadline");
    public static readonly Phrase Extend = new("Verlengen", "Prolonger", "Extend");
    public static readonly Phrase Reassign = new("Andere leidinggevende toewijzen", "Réattribuer à un autre responsable", "Reassign a manager");
    public static readonly Phrase NewManager = new("Nieuwe leidinggevende (personeelsnummer)", "Nouveau responsable (matricule)", "New manager (employee id)");
    public static readonly Phrase ReassignButton = new("Toewijzen", "Réattribuer", "Reassign");
    public static readonly Phrase Cancel = new("Cyclus stopzetten", "Arrêter le cycle", "Cancel the cycle");
    public static readonly Phrase Reason = new("Reden (iedereen krijgt die te lezen)", "Motif (chacun le lira)", "Reason (everyone will read it)");
    public static readonly Phrase ConfirmCancel = new(
        "Ik begrijp dat alle reviews stoppen en dat de links niet meer werken.",
        "Je comprends que toutes les revues s'arrêtent et que les liens ne fonctionneront plus.",
        "I understand that every review stops and the links stop working.");
    public static readonly Phrase CancelButton = new("Stopzetten", "Arrêter", "Cancel the cycle");
    public static readonly Phrase MustConfirm = new("Vink het vakje aan om het stopzetten te bevestigen.", "Cochez la case pour confirmer l'arrêt.", "Tick the box to confirm the cancellation.");
    public static readonly Phrase Export = new("Exporteren", "Exporter", "Export");
    public static readonly Phrase ExportXlsx = new("Resultaten en kalibratiewijzigingen (Excel)", "Résultats et déplacements en calibrage (Excel)", "Results and calibration moves (Excel)");
    public static readonly Phrase ExportCsv = new("Resultaten (CSV)", "Résultats (CSV)", "Results (CSV)");
    public static readonly Phrase ExportMovesCsv = new("Kalibratiewijzigingen (CSV)", "Déplacements en calibrage (CSV)", "Calibration moves (CSV)");

    public static readonly Phrase DeadlineExtended = new("De deadline is verlengd.", "La date limite est prolongée.", "The deadline was extended.");
    public static readonly Phrase Reassigned = new("De review is toegewezen aan de nieuwe leidinggevende.", "La revue est réattribuée au nouveau responsable.", "The review was moved to the new manager.");
    public static readonly Phrase Cancelled = new("De cyclus wordt stopgezet.", "Le cycle est en cours d'arrêt.", "The cycle is being cancelled.");
    public static readonly Phrase Resumed = new("De cyclus gaat verder.", "Le cycle reprend.", "The cycle is going on again.");
    public static readonly Phrase StalledTitle = new("De cyclus staat stil", "Le cycle est à l'arrêt", "The cycle is stalled");
    public static readonly Phrase StalledText = new(
        "Stap {0} loopt niet verder sinds {1}. Reden: {2}. Verhelp de oorzaak en probeer opnieuw; de cyclus gaat dan verder vanaf die stap.",
        "L'étape {0} est bloquée depuis le {1}. Motif : {2}. Corrigez la cause puis réessayez ; le cycle reprendra à cette étape.",
        "Step {0} has not gone on since {1}. Reason: {2}. Fix the cause, then retry: the cycle goes on from that step.");
    public static readonly Phrase Retry = new("Opnieuw proberen", "Réessayer", "Retry");
    public static readonly Phrase FailedTitle = new("De workflow van de cyclus is mislukt", "Le workflow du cycle a échoué", "The cycle's workflow failed");
    public static readonly Phrase FailedText = new("Sinds {0}. Reden: {1}.", "Depuis le {0}. Motif : {1}.", "Since {0}. Reason: {1}.");
    public static readonly Phrase NotStartedTitle = new("De workflow van deze cyclus ontbreekt", "Le workflow de ce cycle manque", "This cycle's workflow is missing");
    public static readonly Phrase NotStartedText = new(
        "De cyclus is opgeslagen, maar de lancering werd onderbroken voor de workflow startte. Hervat de lancering: er komt geen tweede cyclus.",
        "Le cycle est enregistré, mais le lancement a été interrompu avant le démarrage du workflow. Reprenez le lancement : aucun second cycle ne sera créé.",
        "The cycle is stored, but its launch was cut short before the workflow started. Resume the launch: no second cycle is made.");
    public static readonly Phrase ResumeLaunch = new("Lancering hervatten", "Reprendre le lancement", "Resume the launch");
    public static readonly Phrase UndeliverableTitle = new("E-mails die niet bezorgd konden worden", "E-mails qui n'ont pas pu être remis", "Emails that could not be delivered");
    public static readonly Phrase UndeliverableText = new(
        "De e-maildienst weigerde deze adressen; de cyclus ging verder voor alle anderen. Corrigeer het adres in de HR-gegevens.",
        "Le service d'e-mail a refusé ces adresses ; le cycle a continué pour tous les autres. Corrigez l'adresse dans les données RH.",
        "The email service refused these addresses; the cycle went on for everyone else. Correct the address in the HR data.");
    public static readonly Phrase Email = new("E-mail", "E-mail", "Email");
    public static readonly Phrase When = new("Wanneer", "Quand", "When");
    public static readonly Phrase Why = new("Reden", "Motif", "Reason");
    public static readonly Phrase NotFound = new("Deze cyclus bestaat niet.", "Ce cycle n'existe pas.", "No such cycle.");

    public static Phrase Of(ProgressStatus status) => status switch
    {
        ProgressStatus.Submitted => new("Ingediend", "Envoyé", "Submitted"),
        ProgressStatus.Late => new("Te laat", "En retard", "Late"),
        ProgressStatus.Escalated => new("Geëscaleerd", "Escaladé", "Escalated"),
        _ => new("Open", "En attente", "Pending"),
    };
}
