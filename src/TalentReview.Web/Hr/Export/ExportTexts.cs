using TalentReview.Web.Localization;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Hr.Export;

/// <summary>Sheet names, headers and values of the results export in the reader's language.</summary>
internal static class ExportTexts
{
    public static readonly Phrase ResultsSheet = new("Resultaten", "Résultats", "Results");
    public static readonly Phrase MovesSheet = new("Kalibratiewijzigingen", "Déplacements en calibrage", "Calibration moves");

    public static readonly Phrase EmployeeId = new("Personeelsnummer", "Matricule", "Employee id");
    public static readonly Phrase Name = new("Naam", "Nom", "Name");
    public static readonly Phrase Department = new("Afdeling", "Département", "Department");
    public static readonly Phrase JobTitle = new("Functie", "Fonction", "Job title");
    public static readonly Phrase Level = new("Niveau", "Niveau", "Level");
    public static readonly Phrase Group = new("Kalibratiegroep", "Groupe de calibrage", "Calibration group");
    public static readonly Phrase Manager = new("Leidinggevende", "Responsable", "Manager");
    public static readonly Phrase SelfAssessment = new("Zelfevaluatie", "Auto-évaluation", "Self-assessment");
    public static readonly Phrase ManagerInput = new("Input van de leidinggevende", "Contribution du responsable", "Manager input");
    public static readonly Phrase PerformanceScore = new("Prestaties (1-5)", "Performance (1-5)", "Performance (1-5)");
    public static readonly Phrase Potential = new("Potentieel", "Potentiel", "Potential");
    public static readonly Phrase Readiness = new("Klaar voor een volgende stap", "Prêt pour l'étape suivante", "Readiness for a next step");
    public static readonly Phrase ProposedBox = new("Vak volgens de leidinggevende", "Case selon le responsable", "Box proposed by the manager");
    public static readonly Phrase CalibratedBox = new("Vak na kalibratie", "Case après calibrage", "Box after calibration");
    public static readonly Phrase Moved = new("Verplaatst in de kalibratie", "Déplacé en calibrage", "Moved in calibration");
    public static readonly Phrase Decision = new("Beslissing", "Décision", "Decision");
    public static readonly Phrase NewLevel = new("Nieuw niveau", "Nouveau niveau", "New level");
    public static readonly Phrase NewJobTitle = new("Nieuwe functie", "Nouvelle fonction", "New job title");
    public static readonly Phrase MeritPercent = new("Loonsverhoging (%)", "Augmentation (%)", "Merit increase (%)");
    public static readonly Phrase TargetDepartment = new("Naar afdeling", "Vers le département", "To department");
    public static readonly Phrase ReturnsOn = new("Terug op", "Retour le", "Returns on");
    public static readonly Phrase Goals = new("Doelen", "Objectifs", "Goals");
    public static readonly Phrase FollowUp = new("Opvolggesprek {0}", "Suivi {0}", "Follow-up {0}");
    public static readonly Phrase Reason = new("Reden", "Motif", "Reason");
    public static readonly Phrase Note = new("Opmerking", "Remarque", "Note");
    public static readonly Phrase DecidedOn = new("Beslist op", "Décidé le", "Decided on");
    public static readonly Phrase DecisionFinal = new("Beslissing definitief", "Décision définitive", "Decision final");
    public static readonly Phrase AcknowledgedAt = new("Voor gezien getekend op", "Pris connaissance le", "Acknowledged on");
    public static readonly Phrase AcknowledgementComment = new("Opmerking van de medewerker", "Commentaire du collaborateur", "Employee's comment");

    public static readonly Phrase From = new("Van", "De", "From");
    public static readonly Phrase To = new("Naar", "Vers", "To");
    public static readonly Phrase MovedBy = new("Verplaatst door", "Déplacé par", "Moved by");
    public static readonly Phrase MovedAt = new("Verplaatst op", "Déplacé le", "Moved on");

    public static readonly Phrase Yes = new("Ja", "Oui", "Yes");
    public static readonly Phrase No = new("Nee", "Non", "No");
    public static readonly Phrase HoldingArea = new("Nog niet geplaatst", "Pas encore placé", "Not placed yet");

    public static Phrase Of(StepState state) => state switch
    {
        StepState.Submitted => new("Ingediend", "Envoyée", "Submitted"),
        StepState.Missing => new("Niet ingediend voor de deadline", "Non envoyée avant la date limite", "Not submitted by the deadline"),
        StepState.NotApplicable => new("Niet van toepassing (geen leidinggevende)", "Sans objet (pas de responsable)", "Not applicable (no manager)"),
        _ => new("Nog niet ingediend", "Pas encore envoyée", "Not submitted yet"),
    };
}
