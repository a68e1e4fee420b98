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
    public static readonly Phrase NotFound = new("Deze cyclus bestaat niet.", "Ce cycle n'existe pas.", "No such cycle.");

    public static Phrase Of(ProgressStatus status) => status switch
    {
        ProgressStatus.Submitted => new("Ingediend", "Envoyé", "Submitted"),
        ProgressStatus.Late => new("Te laat", "En retard", "Late"),
        ProgressStatus.Escalated => new("Geëscaleerd", "Escaladé", "Escalated"),
        _ => new("Open", "En attente", "Pending"),
    };
}
