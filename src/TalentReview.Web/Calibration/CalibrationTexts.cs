using TalentReview.Web.Localization;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Calibration;

internal static class CalibrationTexts
{
    public static readonly Phrase Title = new("Kalibratie: {0}", "Calibrage : {0}", "Calibration: {0}");
    public static readonly Phrase Intro = new(
        "Elke naam is een medewerker, geplaatst volgens de input van de leidinggevende. Klik op een naam voor de scores, de onderbouwing en 'Verplaatsen'; of sleep de naam naar een ander vak. Elke verplaatsing vraagt een reden en wordt bijgehouden.",
        "Chaque nom est un collaborateur, placé selon la contribution de son responsable. Cliquez sur un nom pour voir les scores, la justification et « Déplacer » ; ou glissez le nom vers une autre case. Chaque déplacement exige une raison et est consigné.",
        "Each name is an employee, placed from their manager's input. Open a name for the ratings, the evidence and 'Move'; or drag the name to another box. Every move needs a reason and is recorded.");
    public static readonly Phrase Overdue = new(
        "Deze kalibratie is te laat: ze moest goedgekeurd zijn op {0}.",
        "Ce calibrage est en retard : il devait être approuvé le {0}.",
        "This calibration is overdue: it was due for approval on {0}.");
    public static readonly Phrase OverdueCommitteeTold = new(
        "Het comité werd verwittigd; daarna volgen HR en de directie.",
        "Le comité a été prévenu ; viendront ensuite les RH puis la direction.",
        "The committee was told; HR and then leadership follow.");
    public static readonly Phrase OverdueHrTold = new("HR werd verwittigd op {0}; daarna volgt de directie.", "Les RH ont été prévenus le {0} ; la direction suivra.", "HR was told on {0}; leadership follows.");
    public static readonly Phrase OverdueLeadershipTold = new("De directie werd verwittigd op {0}.", "La direction a été prévenue le {0}.", "Leadership was told on {0}.");
    public static readonly Phrase NotOpen = new(
        "Het kalibratiebord is nog niet open: de input van de leidinggevenden wordt nog verzameld.",
        "Le tableau de calibrage n'est pas encore ouvert : les contributions des responsables sont en cours de collecte.",
        "The calibration board is not open yet: managers' input is still being collected.");
    public static readonly Phrase Approved = new("Deze kalibratie is goedgekeurd door {0} op {1}.", "Ce calibrage a été approuvé par {0} le {1}.", "This calibration was approved by {0} on {1}.");
    public static readonly Phrase ApprovalSent = new(
        "Uw goedkeuring is doorgegeven. Het bord wordt afgesloten zodra ze verwerkt is.",
        "Votre approbation a été transmise. Le tableau sera clôturé dès qu'elle aura été traitée.",
        "Your approval has been passed on. The board closes as soon as it has been processed.");
    public static readonly Phrase Moved = new("{0} is verplaatst.", "{0} a été déplacé(e).", "{0} has been moved.");
    public static readonly Phrase PreviousCycles = new("Vorige cycli", "Cycles précédents", "Previous cycles");
    public static readonly Phrase NoHistory = new("Geen eerdere cyclus bewaard.", "Aucun cycle précédent conservé.", "No earlier cycle on record.");
    public static readonly Phrase NotKept = new("vak niet bewaard", "case non conservée", "box not kept");
    public static readonly Phrase NoDecisionKept = new("beslissing niet bewaard", "décision non conservée", "decision not kept");
    public static readonly Phrase Filters = new("Filters", "Filtres", "Filters");
    public static readonly Phrase Filter = new("Filteren", "Filtrer", "Filter");
    public static readonly Phrase FilterAll = new("Alle", "Tous", "All");
    public static readonly Phrase FilterManager = new("Leidinggevende", "Responsable", "Manager");
    public static readonly Phrase FilterDepartment = new("Afdeling", "Département", "Department");
    public static readonly Phrase FilterLevel = new("Niveau", "Niveau", "Level");
    public static readonly Phrase FilterFlag = new("Signaal", "Signal", "Flag");
    public static readonly Phrase FilterAnyFlag = new("Eender welk signaal", "Un signal quelconque", "Any flag");
    public static readonly Phrase FilterShowing = new("{0} van {1} personen getoond.", "{0} personnes affichées sur {1}.", "Showing {0} of {1} people.");
    public static readonly Phrase Grid = new("Negenvakmatrix", "Grille à neuf cases", "Nine-box grid");
    public static readonly Phrase PerformanceAxis = new("Prestaties →", "Performance →", "Performance →");
    public static readonly Phrase PotentialAxis = new("Potentieel →", "Potentiel →", "Potential →");
    public static readonly Plural Share = new(
        new("{0} pers. · {1:0}% (richtwaarde {2:0}%)", "{0} pers. · {1:0} % (référence {2:0} %)", "{0} person · {1:0}% (guidance {2:0}%)"),
        new("{0} pers. · {1:0}% (richtwaarde {2:0}%)", "{0} pers. · {1:0} % (référence {2:0} %)", "{0} people · {1:0}% (guidance {2:0}%)"));
    public static readonly Phrase HeatOver = new("meer dan de richtwaarde", "au-dessus de la référence", "above guidance");
    public static readonly Phrase HeatUnder = new("minder dan de richtwaarde", "en dessous de la référence", "below guidance");
    public static readonly Phrase HeatOk = new("binnen de richtwaarde", "conforme à la référence", "within guidance");
    public static readonly Phrase Levels = new("Prestaties {0} · potentieel {1}", "Performance {0} · potentiel {1}", "Performance {0} · potential {1}");
    public static readonly Phrase ManagerRating = new("Prestaties volgens leidinggevende", "Performance selon le responsable", "Manager's performance rating");
    public static readonly Phrase SelfRating = new("Zelfevaluatie", "Auto-évaluation", "Self rating");
    public static readonly Phrase NoInput = new("Nog geen input van de leidinggevende", "Pas encore de contribution du responsable", "No manager input yet");
    public static readonly Phrase NoSelfRating = new("Geen zelfevaluatie", "Pas d'auto-évaluation", "No self-assessment");
    public static readonly Phrase OutOfFive = new("{0}/5", "{0}/5", "{0}/5");
    public static readonly Phrase PotentialScores = new("ambitie {0}, vermogen {1}, betrokkenheid {2}", "ambition {0}, capacité {1}, engagement {2}", "aspiration {0}, ability {1}, engagement {2}");
    public static readonly Phrase Readiness = new("Klaar voor promotie", "Prêt pour une promotion", "Promotion readiness");
    public static readonly Phrase FlightRisk = new("Vertrekrisico", "Risque de départ", "Flight risk");
    public static readonly Phrase Evidence = new("Onderbouwing", "Justification", "Evidence");
    public static readonly Phrase HoldingArea = new("Wachtruimte", "Zone d'attente", "Holding area");
    public static readonly Phrase HoldingHint = new(
        "Deze medewerkers hebben (nog) geen input van hun leidinggevende. Plaats ze zelf in een vak.",
        "Ces collaborateurs n'ont pas (encore) de contribution de leur responsable. Placez-les vous-même dans une case.",
        "These employees have no manager input (yet). Place them in a box yourselves.");
    public static readonly Phrase Move = new("Verplaatsen", "Déplacer", "Move");
    public static readonly Phrase MoveCard = new("{0} verplaatsen", "Déplacer {0}", "Move {0}");
    public static readonly Phrase Place = new("Plaatsen", "Placer", "Place");
    public static readonly Phrase TargetBox = new("Naar vak", "Vers la case", "To box");
    public static readonly Phrase Reason = new("Reden (minstens 10 tekens)", "Raison (au moins 10 caractères)", "Reason (at least 10 characters)");
    public static readonly Phrase ReasonRequired = new(
        "Geef een reden van minstens 10 tekens.", "Indiquez une raison d'au moins 10 caractères.", "Give a reason of at least 10 characters.");
    public static readonly Phrase Proposed = new("Voorstel: {0}", "Proposition : {0}", "Proposed: {0}");
    public static readonly Phrase ManagerOf = new("Leidinggevende: {0}", "Responsable : {0}", "Manager: {0}");
    public static readonly Phrase Flags = new("Aandachtspunten", "Points d'attention", "Points of attention");
    public static readonly Phrase LenientManagers = new("Milde beoordelaars", "Évaluateurs indulgents", "Lenient raters");
    public static readonly Phrase SevereManagers = new("Strenge beoordelaars", "Évaluateurs sévères", "Severe raters");
    public static readonly Phrase NoFlags = new("Geen bijzondere aandachtspunten.", "Aucun point d'attention particulier.", "No particular points of attention.");
    public static readonly Phrase Distribution = new("Verdeling ten opzichte van de richtwaarden", "Répartition par rapport aux références", "Distribution against guidance");
    public static readonly Phrase Box = new("Vak", "Case", "Box");
    public static readonly Phrase Actual = new("Werkelijk", "Réel", "Actual");
    public static readonly Phrase Guidance = new("Richtwaarde", "Référence", "Guidance");
    public static readonly Phrase Audit = new("Audittrail: plaatsingen, verplaatsingen en beslissingen", "Piste d'audit : placements, déplacements et décisions", "Audit trail: placements, moves and decisions");
    public static readonly Phrase AuditCounts = new(
        "{0} plaatsing(en) uit de wachtruimte, {1} verplaatsing(en) voor {2} persoon/personen, {3} gewijzigde beslissing(en).",
        "{0} placement(s) depuis la zone d'attente, {1} déplacement(s) pour {2} personne(s), {3} décision(s) modifiée(s).",
        "{0} placement(s) from the holding area, {1} move(s) for {2} people, {3} decision change(s).");
    public static readonly Phrase AuditHidden = new(
        "{0} wijziging(en) over kaarten die het niveau erboven beslist, worden u niet getoond.",
        "{0} modification(s) concernant des cartes décidées par le niveau supérieur ne vous sont pas montrées.",
        "{0} change(s) about cards decided by the level above are not shown to you.");
    public static readonly Phrase NoMoves = new("Nog geen wijzigingen.", "Aucune modification pour l'instant.", "No changes yet.");
    public static readonly Phrase When = new("Wanneer", "Quand", "When");
    public static readonly Phrase Change = new("Wijziging", "Modification", "Change");
    public static readonly Phrase Before = new("Voordien", "Avant", "Before");
    public static readonly Phrase After = new("Nadien", "Après", "After");
    public static readonly Phrase By = new("Door", "Par", "By");
    public static readonly Phrase Why = new("Reden", "Raison", "Reason");
    public static readonly Phrase Approve = new("Kalibratie goedkeuren", "Approuver le calibrage", "Approve the calibration");
    public static readonly Phrase ApproveHint = new(
        "Keur goed wanneer het comité akkoord is over alle plaatsingen. Daarna kan het bord niet meer gewijzigd worden.",
        "Approuvez lorsque le comité est d'accord sur tous les placements. Le tableau ne pourra plus être modifié ensuite.",
        "Approve once the committee agrees on every placement. After that the board can no longer be changed.");
    public static readonly Plural HoldingNotEmpty = new(
        new(
            "Er staat nog {0} kaart in de wachtruimte; plaats ze voor u goedkeurt.",
            "Il reste {0} carte dans la zone d'attente ; placez-la avant d'approuver.",
            "{0} card is still in the holding area; place it before approving."),
        new(
            "Er staan nog {0} kaarten in de wachtruimte; plaats ze voor u goedkeurt.",
            "Il reste {0} cartes dans la zone d'attente ; placez-les avant d'approuver.",
            "{0} cards are still in the holding area; place them before approving."));
    public static readonly Phrase Excluded = new(
        "Beslist door het niveau erboven: uw eigen kaart of die van iemand boven u.",
        "Décidé par le niveau supérieur : votre propre carte ou celle d'une personne au-dessus de vous.",
        "Decided by the level above: your own card or that of someone above you.");
    public static readonly Phrase QuorumRule = new(
        "Het bord sluit wanneer {0} begeleider(s) van HR en {1} lid/leden van het comité goedgekeurd hebben.",
        "Le tableau se clôture lorsque {0} animateur(s) RH et {1} membre(s) du comité ont approuvé.",
        "The board closes once {0} HR facilitator(s) and {1} committee member(s) have approved.");
    public static readonly Phrase NoApprovals = new("Nog niemand keurde goed.", "Personne n'a encore approuvé.", "Nobody has approved yet.");
    public static readonly Phrase ApprovedSoFar = new("Goedgekeurd door: {0}.", "Approuvé par : {0}.", "Approved by: {0}.");
    public static readonly Phrase ConfirmApproval = new(
        "Ik bevestig dat het comité akkoord is over alle plaatsingen.",
        "Je confirme que le comité est d'accord sur tous les placements.",
        "I confirm the committee agrees on every placement.");
    public static readonly Phrase ApprovalRecorded = new(
        "Uw goedkeuring is genoteerd. Nog nodig: {0} begeleider(s) van HR en {1} lid/leden van het comité.",
        "Votre approbation est enregistrée. Il faut encore : {0} animateur(s) RH et {1} membre(s) du comité.",
        "Your approval is recorded. Still needed: {0} HR facilitator(s) and {1} committee member(s).");

    public static readonly Phrase Decisions = new("Voorgestelde beslissingen", "Décisions proposées", "Proposed decisions");
    public static readonly Phrase Employee = new("Medewerker", "Collaborateur", "Employee");
    public static readonly Phrase Decision = new("Beslissing", "Décision", "Decision");
    public static readonly Phrase ConfirmDecisions = new("Beslissingen bevestigen", "Confirmer les décisions", "Confirm the decisions");
    public static readonly Phrase AmendDecisions = new(
        "Beslissingen bekijken en aanpassen", "Consulter et modifier les décisions", "Review and amend the decisions");
    public static readonly Phrase SeeDecisions = new("De beslissingen in detail", "Les décisions en détail", "The decisions in detail");
    public static readonly Phrase DecisionsIncomplete = new(
        "De beslissingen van {0} persoon/personen zijn onvolledig (bv. een promotie zonder nieuw niveau en functie). Vul ze aan op de beslissingspagina.",
        "Les décisions de {0} personne(s) sont incomplètes (p. ex. une promotion sans nouveau niveau ni fonction). Complétez-les sur la page des décisions.",
        "The decisions of {0} people are incomplete (e.g. a promotion without its new level and title). Complete them on the decisions page.");
    public static readonly Phrase DecisionsConfirmed = new("De beslissingen zijn bevestigd.", "Les décisions ont été confirmées.", "The decisions have been confirmed.");
    public static readonly Phrase DecisionsSent = new(
        "Uw bevestiging is doorgegeven.", "Votre confirmation a été transmise.", "Your confirmation has been passed on.");

    public static Phrase Of(ChangeKind kind) => kind switch
    {
        ChangeKind.Placement => new("Plaatsing", "Placement", "Placement"),
        ChangeKind.Move => new("Verplaatsing", "Déplacement", "Move"),
        _ => new("Beslissing", "Décision", "Decision"),
    };

    public static Phrase Of(CardFlag flag) => flag switch
    {
        CardFlag.SelfManagerGap => new("Groot verschil met zelfevaluatie", "Écart important avec l'auto-évaluation", "Large gap with self-assessment"),
        CardFlag.ExtremeRatingWithoutEvidence => new("Uiterste score zonder onderbouwing", "Score extrême sans justification", "Extreme score without evidence"),
        CardFlag.MissingSelfAssessment => new("Geen zelfevaluatie", "Pas d'auto-évaluation", "No self-assessment"),
        CardFlag.LenientManager => new("Milde beoordelaar", "Évaluateur indulgent", "Lenient rater"),
        _ => new("Strenge beoordelaar", "Évaluateur sévère", "Severe rater"),
    };
}
