using TalentReview.Domain;
using TalentReview.Domain.Forms;
using TalentReview.Domain.Talent.Succession;
using TalentReview.Web.Localization;
using TalentReview.Workflow.Talent.Pools;
using TalentReview.Workflow.Talent.Succession;

namespace TalentReview.Web.Talent.Succession;

/// <summary>The words of the critical roles and talent pool pages and exports, in nl, fr and en.</summary>
internal static class SuccessionTexts
{
    public static readonly Phrase RolesTitle = new("Kritieke functies", "Postes critiques", "Critical roles");
    public static readonly Phrase RolesIntro = new(
        "Functies waarvan het verlies de organisatie zwaar zou treffen, met hun opvolgers. Opvolgers worden voorgesteld uit de laatste kalibratie en door HR bevestigd.",
        "Les postes dont la perte pèserait lourd sur l'organisation, avec leurs successeurs. Les successeurs sont proposés à partir du dernier calibrage et confirmés par les RH.",
        "Roles the organisation could ill afford to lose, with their successors. Successors are suggested from the latest calibration and confirmed by HR.");
    public static readonly Phrase RoleTitle = new("{0}: opvolging", "{0} : succession", "{0}: succession");
    public static readonly Phrase Role = new("Functie", "Poste", "Role");
    public static readonly Phrase Department = new("Afdeling", "Département", "Department");
    public static readonly Phrase Level = new("Niveau", "Niveau", "Level");
    public static readonly Phrase Incumbent = new("Huidige titularis", "Titulaire actuel", "Incumbent");
    public static readonly Phrase RiskOfLoss = new("Risico op verlies", "Risque de perte", "Risk of loss");
    public static readonly Phrase ImpactOfLoss = new("Impact van verlies", "Impact de la perte", "Impact of loss");
    public static readonly Phrase Bench = new("Opvolgingssterkte", "Solidité de la relève", "Bench strength");
    public static readonly Phrase BenchCounts = new(
        "{0} nu klaar, {1} binnen 1 à 2 jaar, {2} binnen 3 jaar of meer",
        "{0} prêt(s) maintenant, {1} d'ici 1 à 2 ans, {2} d'ici 3 ans ou plus",
        "{0} ready now, {1} in 1–2 years, {2} in 3 years or more");
    /// <summary>A label and its value, with the colon each language writes ("Motif : …" in French).</summary>
    public static readonly Phrase Labelled = new("{0}: {1}", "{0} : {1}", "{0}: {1}");
    public static readonly Phrase NobodyReady = new("Niemand is nu klaar om deze functie over te nemen.", "Personne n'est prêt maintenant à reprendre ce poste.", "Nobody is ready now to take over this role.");
    public static readonly Phrase NobodyReadyShort = new("Niemand nu klaar", "Personne de prêt", "Nobody ready now");
    public static readonly Phrase Coverage = new(
        "{0} van de {1} kritieke functies hebben een opvolger die nu klaar is ({2}).",
        "{0} des {1} postes critiques ont un successeur prêt maintenant ({2}).",
        "{0} of {1} critical roles have a successor ready now ({2}).");
    public static readonly Phrase NoRoles = new("Nog geen kritieke functies.", "Aucun poste critique pour l'instant.", "No critical roles yet.");
    public static readonly Phrase Successors = new("Opvolgers", "Successeurs", "Successors");
    public static readonly Phrase NoSuccessors = new("Nog geen opvolgers bevestigd.", "Aucun successeur confirmé pour l'instant.", "No successors confirmed yet.");
    public static readonly Phrase Name = new("Naam", "Nom", "Name");
    public static readonly Phrase Readiness = new("Klaar", "Disponibilité", "Readiness");
    public static readonly Phrase ConfirmedBy = new("Bevestigd door", "Confirmé par", "Confirmed by");
    public static readonly Phrase ConfirmedOn = new("Op", "Le", "On");
    public static readonly Phrase Note = new("Toelichting", "Commentaire", "Note");
    public static readonly Phrase Suggestions = new("Voorgesteld uit de kalibratie van {0}", "Proposés à partir du calibrage de {0}", "Suggested from the calibration of {0}");
    public static readonly Phrase SuggestionsIntro = new(
        "Mensen met een hoog potentieel of hoge prestaties die verder willen groeien, behalve de titularis en wie al opvolger is. De voorgestelde termijn volgt de inschatting van de leidinggevende.",
        "Personnes à haut potentiel ou haute performance qui souhaitent évoluer, hors titulaire et successeurs déjà confirmés. Le délai proposé suit l'avis du responsable.",
        "People with high potential or high performance who want to grow, except the incumbent and those already on the bench. The suggested readiness follows their manager's.");
    public static readonly Phrase NoSuggestions = new("Geen voorstellen.", "Aucune proposition.", "No suggestions.");
    public static readonly Phrase NoCalibration = new(
        "Er is nog geen cyclus met bekendgemaakte resultaten: er zijn nog geen voorstellen.",
        "Aucun cycle n'a encore publié ses résultats : pas encore de propositions.",
        "No cycle has released its results yet, so there are no suggestions.");
    public static readonly Phrase Box = new("Plaats in het raster", "Case de la grille", "Box");
    public static readonly Phrase Aspiration = new("Loopbaanwens", "Souhait de carrière", "Career aspiration");
    public static readonly Phrase Function = new("Functie", "Fonction", "Job");
    public static readonly Phrase Confirm = new("Bevestigen als opvolger", "Confirmer comme successeur", "Confirm as successor");
    public static readonly Phrase ConfirmName = new("{0} bevestigen als opvolger", "Confirmer {0} comme successeur", "Confirm {0} as successor");
    public static readonly Phrase Remove = new("Verwijderen", "Retirer", "Remove");
    public static readonly Phrase RemoveName = new("{0} verwijderen", "Retirer {0}", "Remove {0}");
    public static readonly Phrase Reason = new("Reden", "Motif", "Reason");
    public static readonly Phrase NominateOther = new("Iemand anders voordragen", "Proposer une autre personne", "Nominate someone else");
    public static readonly Phrase EmployeeId = new("Personeelsnummer", "Matricule", "Employee id");
    public static readonly Phrase Nominate = new("Voordragen", "Proposer", "Nominate");
    public static readonly Phrase ChangeRole = new("Functie wijzigen", "Modifier le poste", "Change the role");
    public static readonly Phrase Save = new("Opslaan", "Enregistrer", "Save");
    public static readonly Phrase MarkRole = new("Een functie als kritiek markeren", "Marquer un poste comme critique", "Mark a role as critical");
    public static readonly Phrase MarkIntro = new(
        "Kies de titularis: de functie is zijn of haar functie, afdeling en niveau in het laatste personeelsbestand.",
        "Choisissez le titulaire : le poste est sa fonction, son département et son niveau dans le dernier fichier du personnel.",
        "Choose the incumbent: the role is their job title, department and level on the latest roster.");
    public static readonly Phrase TitleOptional = new("Naam van de functie (leeg: de functietitel)", "Intitulé du poste (vide : la fonction)", "Role name (empty: the job title)");
    public static readonly Phrase Mark = new("Markeren als kritiek", "Marquer comme critique", "Mark as critical");
    public static readonly Phrase History = new("Geschiedenis", "Historique", "History");
    public static readonly Phrase When = new("Wanneer", "Quand", "When");
    public static readonly Phrase Who = new("Wie", "Qui", "Who");
    public static readonly Phrase What = new("Wat", "Quoi", "What");
    public static readonly Phrase Export = new("Kritieke functies en opvolgers (Excel)", "Postes critiques et successeurs (Excel)", "Critical roles and successors (Excel)");
    public static readonly Phrase PoolsLink = new("Talentpools", "Viviers de talents", "Talent pools");
    public static readonly Phrase RolesLink = new("Kritieke functies", "Postes critiques", "Critical roles");
    public static readonly Phrase ReadOnly = new(
        "U kunt deze pagina lezen; alleen HR kan ze wijzigen.",
        "Vous pouvez consulter cette page ; seuls les RH peuvent la modifier.",
        "You can read this page; only HR can change it.");
    public static readonly Phrase RoleNotFound = new("Deze kritieke functie bestaat niet.", "Ce poste critique n'existe pas.", "No such critical role.");
    public static readonly Phrase Done = new("De wijziging is bewaard.", "La modification est enregistrée.", "The change was saved.");
    public static readonly Phrase Unmark = new("Niet langer kritiek", "N'est plus critique", "No longer critical");
    public static readonly Phrase UnmarkIntro = new(
        "Hef de markering op wanneer deze functie niet langer kritiek is. De voordrachten van de opvolgers ({0}) worden afgesloten, niet gewist: de geschiedenis van de functie bewaart ze.",
        "Retirez le marquage lorsque ce poste n'est plus critique. Les nominations des successeurs ({0}) sont clôturées, pas effacées : l'historique du poste les conserve.",
        "Unmark the role when it is no longer critical. The nominations of its successors ({0}) are closed, not deleted: the role's history keeps them.");
    public static readonly Phrase UnmarkConfirmation = new("Bevestiging", "Confirmation", "Confirmation");
    public static readonly Phrase UnmarkConfirm = new(
        "Ik bevestig dat deze functie niet langer kritiek is en dat de voordrachten van haar opvolgers worden afgesloten.",
        "Je confirme que ce poste n'est plus critique et que les nominations de ses successeurs sont clôturées.",
        "I confirm that this role is no longer critical and that the nominations of its successors are closed.");
    public static readonly Phrase UnmarkButton = new("Markering opheffen", "Retirer le marquage", "Unmark the role");
    public static readonly Phrase Unmarked = new(
        "Deze functie is niet langer kritiek: de markering werd op {0} opgeheven door {1}. Reden: {2}",
        "Ce poste n'est plus critique : le marquage a été retiré le {0} par {1}. Motif : {2}",
        "This role is no longer critical: it was unmarked on {0} by {1}. Reason: {2}");
    public static readonly Phrase ClosedNominations = new("Afgesloten voordrachten", "Nominations clôturées", "Closed nominations");
    public static readonly Phrase MarkAgain = new(
        "Om ze opnieuw als kritiek te markeren, kies de titularis op de lijst van kritieke functies.",
        "Pour le marquer à nouveau comme critique, choisissez le titulaire sur la liste des postes critiques.",
        "To mark it as critical again, choose the incumbent on the list of critical roles.");
    public static readonly Phrase NotConfirmed = new(
        "{0}: vink aan dat de functie niet langer kritiek is; er is niets gewijzigd.",
        "{0} : cochez pour confirmer que le poste n'est plus critique ; rien n'a été modifié.",
        "{0}: tick to confirm that the role is no longer critical; nothing was changed.");
    public static readonly Phrase NoLongerCritical = new(
        "Deze functie is niet langer kritiek; markeer ze opnieuw voor u ze wijzigt.",
        "Ce poste n'est plus critique ; marquez-le à nouveau avant de le modifier.",
        "This role is no longer critical; mark it again before changing it.");
    public static readonly Phrase ChooseLevel = new("Kies laag, gemiddeld of hoog.", "Choisissez faible, moyen ou élevé.", "Choose low, medium or high.");

    public static readonly Phrase Required = new("{0}: vul dit in.", "{0} : veuillez remplir ce champ.", "{0}: please fill this in.");
    public static readonly Phrase TooLong = new("{0}: hoogstens {1} tekens.", "{0} : {1} caractères au maximum.", "{0}: at most {1} characters.");
    public static readonly Phrase NotInRoster = new("{0}: niemand met dit personeelsnummer staat in het laatste personeelsbestand.", "{0} : personne avec ce matricule dans le dernier fichier du personnel.", "{0}: nobody with this employee id is on the latest roster.");
    public static readonly Phrase OwnSuccessor = new("{0}: de titularis kan niet zijn of haar eigen opvolger zijn.", "{0} : le titulaire ne peut pas être son propre successeur.", "{0}: the incumbent cannot be their own successor.");
    public static readonly Phrase AlreadyCritical = new("{0}: deze functie is al als kritiek gemarkeerd.", "{0} : ce poste est déjà marqué comme critique.", "{0}: this role is already marked as critical.");
    public static readonly Phrase ChangedMeanwhile = new(
        "Iemand anders heeft deze functie intussen gewijzigd; er is niets bewaard. Hieronder staat hun wijziging.",
        "Quelqu'un d'autre a modifié ce poste entre-temps ; rien n'a été enregistré. Sa modification est affichée ci-dessous.",
        "Someone else changed this role meanwhile; nothing was saved. Their change is shown below.");
    public static readonly Phrase BenchFull = new("{0}: een functie heeft hoogstens {1} opvolgers; verwijder er eerst een.", "{0} : un poste a au plus {1} successeurs ; retirez-en d'abord un.", "{0}: a role keeps at most {1} successors; remove one first.");
    public static readonly Phrase NotOnBench = new("{0}: deze persoon is geen opvolger voor deze functie.", "{0} : cette personne n'est pas successeur pour ce poste.", "{0}: this person is not a successor for this role.");
    public static readonly Phrase Invalid = new("{0}: deze waarde is niet geldig.", "{0} : cette valeur n'est pas valide.", "{0}: this value is not valid.");

    public static Phrase Of(SuccessorReadiness readiness) => readiness switch
    {
        SuccessorReadiness.ReadyNow => new("Nu klaar", "Prêt maintenant", "Ready now"),
        SuccessorReadiness.InOneToTwoYears => new("Klaar binnen 1 à 2 jaar", "Prêt d'ici 1 à 2 ans", "Ready in 1–2 years"),
        _ => new("Klaar binnen 3 jaar of meer", "Prêt d'ici 3 ans ou plus", "Ready in 3 years or more"),
    };

    public static Phrase Of(LossLevel level) => level switch
    {
        LossLevel.Low => new("Laag", "Faible", "Low"),
        LossLevel.Medium => new("Gemiddeld", "Moyen", "Medium"),
        _ => new("Hoog", "Élevé", "High"),
    };

    public static Phrase Of(BenchRating rating) => rating switch
    {
        BenchRating.Strong => new("Sterk", "Solide", "Strong"),
        BenchRating.Adequate => new("Voldoende", "Suffisante", "Adequate"),
        BenchRating.Weak => new("Zwak", "Faible", "Weak"),
        _ => new("Geen opvolgers", "Aucun successeur", "No successors"),
    };

    public static Phrase Of(CareerAspiration aspiration) => aspiration switch
    {
        CareerAspiration.Promotion => new("Promotie", "Promotion", "Promotion"),
        CareerAspiration.HorizontalMove => new("Horizontale overstap", "Mobilité horizontale", "A move sideways"),
        CareerAspiration.Specialisation => new("Specialisatie", "Spécialisation", "Specialisation"),
        CareerAspiration.JobRotation => new("Jobrotatie", "Rotation de poste", "Job rotation"),
        CareerAspiration.JobCrafting => new("Job crafting", "Enrichissement du poste", "Job crafting"),
        CareerAspiration.StepBack => new("Een stap terug", "Un pas en arrière", "A step back"),
        CareerAspiration.ExternalMove => new("Een loopbaan buiten de organisatie", "Une carrière ailleurs", "A career elsewhere"),
        _ => new("Blijven in de huidige functie", "Rester dans le poste actuel", "Stay in the current role"),
    };

    public static Phrase Of(TalentChange change) => change switch
    {
        TalentChange.RoleMarked => new("Als kritiek gemarkeerd", "Marqué comme critique", "Marked as critical"),
        TalentChange.RoleChanged => new("Functie gewijzigd", "Poste modifié", "Role changed"),
        TalentChange.SuccessorConfirmed => new("Opvolger bevestigd", "Successeur confirmé", "Successor confirmed"),
        TalentChange.SuccessorRemoved => new("Opvolger verwijderd", "Successeur retiré", "Successor removed"),
        TalentChange.PoolCreated => new("Pool aangemaakt", "Vivier créé", "Pool created"),
        TalentChange.PoolFilled => new("Gevuld uit de kalibratie", "Rempli à partir du calibrage", "Filled from the calibration"),
        TalentChange.MemberAdded => new("Toegevoegd door HR", "Ajouté par les RH", "Added by HR"),
        TalentChange.RoleUnmarked => new("Niet langer kritiek", "N'est plus critique", "No longer critical"),
        TalentChange.NominationClosed => new("Voordracht afgesloten", "Nomination clôturée", "Nomination closed"),
        _ => new("Verwijderd door HR", "Retiré par les RH", "Removed by HR"),
    };

    /// <summary>An error of a use case in the reader's language, naming the field as the form labels it.</summary>
    public static string ErrorText(Domain.ValidationError error, Language language, Func<string, Phrase?> fieldLabel)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(fieldLabel);
        var field = fieldLabel(error.Field.Split('[')[0])?[language] ?? error.Field;
        return error.Code switch
        {
            "required" => Required.Format(language, field),
            TextLimits.TooLongCode => TooLong.Format(language, field, error.Limit),
            CriticalRoleCommands.NotInRosterCode => NotInRoster.Format(language, field),
            CriticalRoleCommands.OwnSuccessorCode => OwnSuccessor.Format(language, field),
            CriticalRoleCommands.AlreadyCriticalCode => AlreadyCritical.Format(language, field),
            CriticalRoleCommands.ChangedMeanwhileCode => ChangedMeanwhile[language],
            CriticalRoleCommands.BenchFullCode => BenchFull.Format(language, field, CriticalRole.MaxSuccessors),
            CriticalRoleCommands.NotOnBenchCode => NotOnBench.Format(language, field),
            CriticalRoleCommands.NotConfirmedCode => NotConfirmed.Format(language, field),
            CriticalRoleCommands.NoLongerCriticalCode => NoLongerCritical[language],
            TalentPoolCommands.NameTakenCode => Pools.PoolTexts.NameTaken.Format(language, field),
            TalentPoolCommands.NoCriteriaCode => Pools.PoolTexts.NoCriteria[language],
            TalentPoolCommands.NoCalibrationCode => NoCalibration[language],
            TalentPoolCommands.NotMemberCode => Pools.PoolTexts.NotMember.Format(language, field),
            _ => Invalid.Format(language, field),
        };
    }
}
