using TalentReview.Web.Localization;
using TalentReview.Workflow.Notifications;
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
    public static readonly Plural ShowPeople = new(
        new("Toon de {0} medewerker", "Afficher le {0} collaborateur", "Show the {0} person"),
        new("Toon de {0} medewerkers", "Afficher les {0} collaborateurs", "Show the {0} people"));
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

    public static readonly Phrase Release = new("Vrijgeven", "Publication des résultats", "Release");
    public static readonly Phrase ReleaseNotFinal = new(
        "Nog niets kan vrijgegeven worden: de beslissingen zijn niet definitief voor {0}.",
        "Rien ne peut encore être publié : les décisions ne sont pas définitives pour {0}.",
        "Nothing can be released yet: the decisions are not final for {0}.");
    public static readonly Phrase ReleaseRefused = new(
        "Niet vrijgegeven: niet alle beslissingen zijn definitief (zie Vrijgeven).",
        "Rien n'est publié : toutes les décisions ne sont pas définitives (voir Publication des résultats).",
        "Nothing was released: not every decision is final (see Release).");
    public static readonly Phrase ReleaseToManagersIntro = new(
        "Alle beslissingen zijn definitief. Geef eerst vrij aan de leidinggevenden: zij krijgen de resultaten van hun team om het gesprek te voeren, de directie krijgt de samenvatting. De medewerkers zien nog niets.",
        "Toutes les décisions sont définitives. Publiez d'abord aux responsables : ils reçoivent les résultats de leur équipe pour mener l'entretien, la direction reçoit la synthèse. Les collaborateurs ne voient encore rien.",
        "Every decision is final. Release to managers first: they get their team's outcomes to hold the conversation, leadership gets the summary. Employees see nothing yet.");
    public static readonly Phrase EmployeesAfterWindow = new(
        "De medewerkers krijgen hun resultaat automatisch {0} werkdagen later, zodat de leidinggevenden eerst het gesprek voeren; u kunt het ook eerder vrijgeven.",
        "Les collaborateurs reçoivent leur résultat automatiquement {0} jours ouvrables plus tard, pour que les responsables mènent d'abord l'entretien ; vous pouvez aussi le publier plus tôt.",
        "Employees receive their outcome automatically {0} working days later, so managers hold the conversation first; you can also release it earlier.");
    public static readonly Phrase ReleaseToManagersButton = new("Vrijgeven aan de leidinggevenden", "Publier aux responsables", "Release to managers");
    public static readonly Phrase ReleaseRequested = new(
        "De vrijgave aan de leidinggevenden is gevraagd op {0}; de e-mails worden verstuurd.",
        "La publication aux responsables a été demandée le {0} ; les e-mails partent.",
        "The release to managers was asked for on {0}; the emails are going out.");
    public static readonly Phrase ReleasedToManagers = new("Vrijgegeven aan de leidinggevenden op {0} door {1}.", "Publié aux responsables le {0} par {1}.", "Released to managers on {0} by {1}.");
    public static readonly Phrase EmployeesScheduled = new(
        "De medewerkers krijgen hun resultaat op {0}, tenzij u het eerder vrijgeeft.",
        "Les collaborateurs recevront leur résultat le {0}, sauf si vous le publiez plus tôt.",
        "Employees receive their outcome on {0}, unless you release it earlier.");
    public static readonly Phrase EmployeesWaiting = new(
        "De medewerkers zien hun resultaat pas wanneer u het vrijgeeft.",
        "Les collaborateurs ne verront leur résultat que lorsque vous le publierez.",
        "Employees see their outcome only when you release it.");
    public static readonly Phrase ReleaseToEmployeesButton = new("Vrijgeven aan de medewerkers", "Publier aux collaborateurs", "Release to employees");
    public static readonly Phrase ReleasedToEmployees = new("Vrijgegeven aan de medewerkers op {0} door {1}.", "Publié aux collaborateurs le {0} par {1}.", "Released to employees on {0} by {1}.");
    public static readonly Phrase ReleasedToEmployeesAsScheduled = new("Vrijgegeven aan de medewerkers op {0}, zoals gepland.", "Publié aux collaborateurs le {0}, comme prévu.", "Released to employees on {0}, as scheduled.");
    public static readonly Phrase Comments = new("Opmerkingen van medewerkers bij hun resultaat", "Commentaires des collaborateurs sur leur résultat", "Employees' comments on their outcome");
    public static readonly Phrase NoComments = new("Nog geen opmerkingen.", "Aucun commentaire pour l'instant.", "No comments yet.");
    public static readonly Phrase AcknowledgedOn = new("Gelezen op", "Pris connaissance le", "Acknowledged on");
    public static readonly Phrase Comment = new("Opmerking", "Commentaire", "Comment");
    public static readonly Phrase ReleasingToManagers = new("De resultaten gaan naar de leidinggevenden.", "Les résultats partent vers les responsables.", "The outcomes are going to the managers.");
    public static readonly Phrase ReleasingToEmployees = new("De resultaten gaan naar de medewerkers.", "Les résultats partent vers les collaborateurs.", "The outcomes are going to the employees.");

    public static readonly Phrase WithoutManager = new(
        "Zonder leidinggevende (top van de organisatie)", "Sans responsable (sommet de l'organisation)", "Without a manager (top of the organisation)");
    public static readonly Phrase Nudge = new("Herinneren", "Relancer", "Nudge now");
    public static readonly Phrase LastNudged = new("Laatste herinnering", "Dernière relance", "Last nudged");
    public static readonly Phrase NudgedOn = new("op {0}", "le {0}", "on {0}");
    public static readonly Phrase Nudged = new(
        "De herinnering is verstuurd, met de deadline en een nieuwe link.",
        "La relance est envoyée, avec la date limite et un nouveau lien.",
        "The reminder was sent, with the deadline and a fresh link.");
    public static readonly Phrase NudgeAlreadySubmitted = new(
        "Geen herinnering verstuurd: deze stap is al ingediend.",
        "Aucune relance envoyée : cette étape est déjà envoyée.",
        "No reminder sent: this step has already been submitted.");
    public static readonly Phrase NudgeStepClosed = new(
        "Geen herinnering verstuurd: deze stap is afgesloten, de deadline is voorbij.",
        "Aucune relance envoyée : cette étape est close, la date limite est passée.",
        "No reminder sent: this step has closed, its deadline has passed.");
    public static readonly Phrase NudgeNothingPending = new(
        "Geen herinnering verstuurd: deze leidinggevende heeft voor geen enkele medewerker nog input te geven.",
        "Aucune relance envoyée : ce responsable n'a plus de contribution à donner pour aucun collaborateur.",
        "No reminder sent: this manager has no input left to give for any report.");
    public static readonly Phrase NudgeNotOpenYet = new(
        "Geen herinnering verstuurd: de input van de leidinggevenden is nog niet begonnen.",
        "Aucune relance envoyée : la contribution des responsables n'a pas encore commencé.",
        "No reminder sent: manager input has not opened yet.");
    public static readonly Phrase DeadlineExtended = new("De deadline is verlengd.", "La date limite est prolongée.", "The deadline was extended.");
    public static readonly Phrase Reassigned = new("De review is toegewezen aan de nieuwe leidinggevende.", "La revue est réattribuée au nouveau responsable.", "The review was moved to the new manager.");
    public static readonly Phrase Cancelled = new("De cyclus wordt stopgezet.", "Le cycle est en cours d'arrêt.", "The cycle is being cancelled.");
    public static readonly Phrase Resumed = new("De cyclus gaat verder.", "Le cycle reprend.", "The cycle is going on again.");
    public static readonly Phrase StalledTitle = new("De cyclus staat stil", "Le cycle est à l'arrêt", "The cycle is stalled");
    public static readonly Phrase StalledText = new(
        "Stap {0} loopt niet verder sinds {1}. Reden: {2}. Verhelp de oorzaak en probeer opnieuw; de cyclus gaat dan verder vanaf die stap.",
        "L'étape {0} est bloquée depuis le {1}. Motif : {2}. Corrigez la cause puis réessayez ; le cycle reprendra à cette étape.",
        "Step {0} has not gone on since {1}. Reason: {2}. Fix the cause, then retry: the cycle goes on from that step.");
    public static readonly Phrase StalledGroupStep = new("{0} van kalibratiegroep {1}", "{0} du groupe de calibrage {1}", "{0} of calibration group {1}");
    public static readonly Phrase StalledReviewStep = new("{0} van de review van {1} (kalibratiegroep {2})", "{0} de la revue de {1} (groupe de calibrage {2})", "{0} of the review of {1} (calibration group {2})");
    public static readonly Phrase StalledFollowUpStep = new("{0} (opvolging van kalibratiegroep {1})", "{0} (suivi du groupe de calibrage {1})", "{0} (follow-ups of calibration group {1})");
    public static readonly Phrase Retry = new("Opnieuw proberen", "Réessayer", "Retry");
    public static readonly Phrase FailedTitle = new("De workflow van de cyclus is mislukt", "Le workflow du cycle a échoué", "The cycle's workflow failed");
    public static readonly Phrase FailedText = new("Sinds {0}. Reden: {1}.", "Depuis le {0}. Motif : {1}.", "Since {0}. Reason: {1}.");
    public static readonly Phrase FailedWayOut = new(
        "Hervatten start een nieuwe workflow die verdergaat waar de cyclus stond: wat ingediend is blijft, en niemand krijgt een e-mail twee keer. Of zet de cyclus hieronder stop.",
        "Reprendre démarre un nouveau workflow qui continue là où en était le cycle : ce qui a été soumis reste, et personne ne reçoit un e-mail deux fois. Ou arrêtez le cycle ci-dessous.",
        "Resuming starts a fresh workflow that carries on where the cycle stood: what was submitted stays, and nobody gets an email twice. Or cancel the cycle below.");
    public static readonly Phrase ConfirmResume = new(
        "De oorzaak is verholpen; laat een nieuwe workflow de cyclus verderzetten.",
        "La cause est corrigée ; qu'un nouveau workflow poursuive le cycle.",
        "The cause is fixed; let a fresh workflow carry the cycle on.");
    public static readonly Phrase ResumeCycle = new("Cyclus hervatten", "Reprendre le cycle", "Resume the cycle");
    public static readonly Phrase MustConfirmResume = new("Vink het vakje aan om het hervatten te bevestigen.", "Cochez la case pour confirmer la reprise.", "Tick the box to confirm the resume.");
    public static readonly Phrase RecoveriesTitle = new("Herstel na een mislukte workflow", "Reprises après un workflow en échec", "Recoveries from a failed workflow");
    public static readonly Phrase RecoveryResumed = new("{0}: hervat door {1}. De workflow was mislukt sinds {2}: {3}.", "{0} : repris par {1}. Le workflow avait échoué depuis le {2} : {3}.", "{0}: resumed by {1}. The workflow had failed since {2}: {3}.");
    public static readonly Phrase RecoveryCancelled = new("{0}: stopgezet door {1}. De workflow was mislukt sinds {2}: {3}.", "{0} : arrêté par {1}. Le workflow avait échoué depuis le {2} : {3}.", "{0}: cancelled by {1}. The workflow had failed since {2}: {3}.");
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
        ProgressStatus.NotApplicable => new("Niet van toepassing (geen leidinggevende)", "Sans objet (pas de responsable)", "Not applicable (no manager)"),
        _ => new("Open", "En attente", "Pending"),
    };

    /// <summary>The email that could not be delivered, as HR knows it.</summary>
    public static Phrase Of(EmailKind kind) => kind switch
    {
        EmailKind.SelfAssessmentInvitation => new("Uitnodiging zelfevaluatie", "Invitation à l'auto-évaluation", "Self-assessment invitation"),
        EmailKind.SelfAssessmentReminder => new("Herinnering zelfevaluatie", "Rappel d'auto-évaluation", "Self-assessment reminder"),
        EmailKind.ManagerDigest => new("Overzicht voor de leidinggevende", "Récapitulatif pour le responsable", "Manager's overview"),
        EmailKind.ManagerReminder => new("Herinnering voor de leidinggevende", "Rappel au responsable", "Manager's reminder"),
        EmailKind.Escalation => new("Escalatie", "Escalade", "Escalation"),
        EmailKind.CalibrationReady => new("Kalibratiebord klaar", "Tableau de calibrage prêt", "Calibration board ready"),
        EmailKind.CalibrationReminder => new("Herinnering kalibratie", "Rappel de calibrage", "Calibration reminder"),
        EmailKind.CalibrationOverdue => new("Kalibratie te laat", "Calibrage en retard", "Calibration overdue"),
        EmailKind.DecisionsReminder => new("Herinnering beslissingen", "Rappel des décisions", "Decisions reminder"),
        EmailKind.LeadershipSummary => new("Samenvatting voor de directie", "Synthèse pour la direction", "Leadership summary"),
        EmailKind.ManagerRelease => new("Resultaten voor de leidinggevende", "Résultats pour le responsable", "Results for the manager"),
        EmailKind.EmployeeRelease => new("Resultaat voor de medewerker", "Résultat pour le collaborateur", "Outcome for the employee"),
        EmailKind.FollowUpReminder => new("Herinnering opvolging", "Rappel de suivi", "Follow-up reminder"),
        EmailKind.ManagerReassigned => new("Nieuwe leidinggevende", "Nouveau responsable", "New manager"),
        _ => new("Cyclus geannuleerd", "Cycle annulé", "Cycle cancelled"),
    };
}
