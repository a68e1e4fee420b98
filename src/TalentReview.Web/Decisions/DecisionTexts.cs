using TalentReview.Web.Localization;

namespace TalentReview.Web.Decisions;

internal static class DecisionTexts
{
    public static readonly Phrase Title = new("Beslissingen voor {0}", "Décisions pour {0}", "Decisions for {0}");
    public static readonly Phrase Intro = new(
        "Na de kalibratie is voor iedereen een beslissing voorgesteld op basis van het vak in de negenvakmatrix. Pas aan wat nodig is, met een reden, en bevestig daarna alle beslissingen.",
        "Après le calibrage, une décision a été proposée pour chacun sur la base de sa case dans la grille. Modifiez ce qui doit l'être, avec une raison, puis confirmez toutes les décisions.",
        "After calibration, a decision was proposed for everyone from their box on the nine-box grid. Amend what needs amending, with a reason, then confirm all decisions.");
    public static readonly Phrase NotProposed = new(
        "De beslissingen worden voorgesteld zodra de kalibratie van deze groep is goedgekeurd.",
        "Les décisions seront proposées dès que le calibrage de ce groupe aura été approuvé.",
        "Decisions are proposed once this group's calibration has been approved.");
    public static readonly Phrase Employee = new("Medewerker", "Collaborateur", "Employee");
    public static readonly Phrase Box = new("Vak", "Case", "Box");
    public static readonly Phrase Decision = new("Beslissing", "Décision", "Decision");
    public static readonly Phrase Decisions = new("Beslissingen", "Décisions", "Decisions");
    public static readonly Phrase Details = new("Details", "Détails", "Details");
    public static readonly Phrase Note = new("Reden of toelichting", "Raison ou commentaire", "Reason or note");
    public static readonly Phrase HoldingArea = new("Niet geplaatst", "Non placé", "Not placed");
    public static readonly Phrase Proposed = new(
        "Voorstel op basis van het vak in het raster.", "Proposition d'après la case dans la grille.", "Proposed from the box on the grid.");
    public static readonly Phrase ProposedPromotion = new(
        "Voorstel op basis van het vak in het raster. Vul het nieuwe niveau en de nieuwe functie in.",
        "Proposition d'après la case dans la grille. Indiquez le nouveau niveau et la nouvelle fonction.",
        "Proposed from the box on the grid. Fill in the new level and job title.");
    public static readonly Phrase Recommended = new("Aanbeveling leidinggevende", "Recommandation du responsable", "Manager recommends");
    public static readonly Phrase NoRecommendation = new("Geen input", "Pas de contribution", "No input");
    public static readonly Phrase Differs = new("Wijkt af van de aanbeveling", "Diffère de la recommandation", "Differs from the recommendation");
    public static readonly Phrase Incomplete = new(
        "Deze beslissingen zijn nog onvolledig; vul ze aan voor u alles bevestigt:",
        "Ces décisions sont encore incomplètes ; complétez-les avant de tout confirmer :",
        "These decisions are still incomplete; complete them before confirming all:");
    public static Phrase? FieldLabel(string field) => field switch
    {
        "type" => Type,
        "percent" => Percent,
        "newLevel" => NewLevel,
        "newJobTitle" => NewJobTitle,
        "targetDepartment" => TargetDepartment,
        "targetJobTitle" => TargetJobTitle,
        "returnsOn" => ReturnsOn,
        "goals" => Goals,
        "followUps" => FollowUps,
        "support" => Support,
        "reason" => Reason,
        _ => null,
    };

    public static readonly Phrase AmendLink = new("Aanpassen", "Modifier", "Amend");
    public static readonly Phrase AmendLinkFor = new("Beslissing voor {0} aanpassen", "Modifier la décision pour {0}", "Amend the decision for {0}");
    public static readonly Phrase AmendTitle = new("Een beslissing aanpassen", "Modifier une décision", "Amend a decision");
    public static readonly Phrase AmendHint = new(
        "Vul enkel de velden in die het gekozen type nodig heeft; de andere worden genegeerd.",
        "Ne remplissez que les champs nécessaires au type choisi ; les autres sont ignorés.",
        "Fill in only the fields the chosen type needs; the others are ignored.");
    public static readonly Phrase Type = new("Type beslissing", "Type de décision", "Type of decision");
    public static readonly Phrase Percent = new("Verhoging (%)", "Augmentation (%)", "Increase (%)");
    public static readonly Phrase PercentHint = new("Voor een verdienstelijke loonsverhoging.", "Pour une augmentation au mérite.", "For a merit increase.");
    public static readonly Phrase NewLevel = new("Nieuw niveau", "Nouveau niveau", "New level");
    public static readonly Phrase NewJobTitle = new("Nieuwe functietitel", "Nouvel intitulé de fonction", "New job title");
    public static readonly Phrase NewRoleHint = new("Voor een promotie of een stap terug.", "Pour une promotion ou une rétrogradation volontaire.", "For a promotion or a step back.");
    public static readonly Phrase TargetDepartment = new("Doelafdeling", "Département cible", "Target department");
    public static readonly Phrase TargetJobTitle = new("Doelfunctie", "Fonction cible", "Target job title");
    public static readonly Phrase MoveHint = new("Voor een horizontale overstap of een jobrotatie.", "Pour une mobilité horizontale ou une rotation de poste.", "For a lateral move or a job rotation.");
    public static readonly Phrase RotationHint = new("Voor een jobrotatie.", "Pour une rotation de poste.", "For a job rotation.");
    public static readonly Phrase ReturnsOn = new("Einde van de rotatie (jjjj-mm-dd)", "Fin de la rotation (aaaa-mm-jj)", "End of the rotation (yyyy-mm-dd)");
    public static readonly Phrase Goals = new("Doelen (één per regel)", "Objectifs (un par ligne)", "Goals (one per line)");
    public static readonly Phrase FollowUps = new("Opvolgingsdata (jjjj-mm-dd, gescheiden door komma's)", "Dates de suivi (aaaa-mm-jj, séparées par des virgules)", "Follow-up dates (yyyy-mm-dd, separated by commas)");
    public static readonly Phrase PlanHint = new("Voor een ontwikkel- of verbeterplan.", "Pour un plan de développement ou d'amélioration.", "For a development or improvement plan.");
    public static readonly Phrase Support = new("Geboden ondersteuning", "Accompagnement proposé", "Support offered");
    public static readonly Phrase SupportHint = new("Voor begeleiding naar een loopbaan buiten de organisatie.", "Pour un accompagnement vers une carrière externe.", "For support towards a career elsewhere.");
    public static readonly Phrase Reason = new("Reden van de aanpassing", "Raison de la modification", "Reason for the amendment");
    public static readonly Phrase ReasonHint = new("Minstens {0} tekens.", "Au moins {0} caractères.", "At least {0} characters.");
    public static readonly Phrase ReasonRequired = new("Geef een reden van minstens {0} tekens.", "Indiquez une raison d'au moins {0} caractères.", "Give a reason of at least {0} characters.");
    public static readonly Phrase TypeRequired = new("Kies een type beslissing.", "Choisissez un type de décision.", "Choose a type of decision.");
    public static readonly Phrase NotANumber = new("Geef een getal, bijvoorbeeld 3,5.", "Indiquez un nombre, par exemple 3,5.", "Give a number, for example 3.5.");
    public static readonly Phrase NotADate = new("Geef data als jjjj-mm-dd.", "Indiquez les dates au format aaaa-mm-jj.", "Give dates as yyyy-mm-dd.");
    public static readonly Phrase Save = new("Aanpassing opslaan", "Enregistrer la modification", "Save the amendment");
    public static readonly Phrase Amended = new("De beslissing voor {0} is aangepast.", "La décision pour {0} a été modifiée.", "The decision for {0} has been amended.");
    public static readonly Phrase Confirm = new("Alle beslissingen bevestigen", "Confirmer toutes les décisions", "Confirm all decisions");
    public static readonly Phrase ConfirmHint = new(
        "Na de bevestiging liggen de beslissingen vast; ze worden bij de bekendmaking gedeeld.",
        "Après confirmation, les décisions sont définitives ; elles seront communiquées lors de la publication.",
        "Once confirmed the decisions are final; they are shared at the release.");
    public static readonly Phrase ConfirmationSent = new(
        "Uw bevestiging is doorgegeven. Dit zijn de bevestigde beslissingen.",
        "Votre confirmation a été transmise. Voici les décisions confirmées.",
        "Your confirmation has been passed on. These are the decisions confirmed.");
    public static readonly Phrase Confirmed = new("Bevestigd door {0} op {1}. Dit zijn de beslissingen.", "Confirmées par {0} le {1}. Voici les décisions.", "Confirmed by {0} on {1}. These are the decisions.");
    public static readonly Phrase Until = new("tot {0}", "jusqu'au {0}", "until {0}");
    public static readonly Phrase FollowUpsOn = new("opvolging: {0}", "suivi : {0}", "follow-ups: {0}");
}
