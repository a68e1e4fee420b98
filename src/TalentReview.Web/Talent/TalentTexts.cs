using TalentReview.Domain.Forms;
using TalentReview.Domain.Talent.Careers;
using TalentReview.Domain.Talent.History;
using TalentReview.Web.Localization;

namespace TalentReview.Web.Talent;

/// <summary>The texts of the talent pages (profiles, career paths, indicators).</summary>
internal static class TalentTexts
{
    public static readonly Phrase PeopleTitle = new("Talentprofielen", "Profils de talent", "Talent profiles");
    public static readonly Phrase PeopleIntro = new(
        "Iedereen met een bekendgemaakt resultaat, met het laatste vak en de laatste beslissing. Kies een naam voor het verloop over de cycli.",
        "Toutes les personnes ayant un résultat communiqué, avec la dernière case et la dernière décision. Choisissez un nom pour l'évolution au fil des cycles.",
        "Everyone with a released outcome, with their latest box and decision. Choose a name for the trend across cycles.");
    public static readonly Phrase NoHistory = new(
        "Er zijn nog geen bekendgemaakte resultaten bewaard.",
        "Aucun résultat communiqué n'est encore conservé.",
        "No released outcomes are kept yet.");
    public static readonly Phrase ProfileTitle = new("Talentprofiel van {0}", "Profil de talent de {0}", "Talent profile of {0}");
    public static readonly Phrase ProfileNotFound = new("Dit profiel bestaat niet (meer).", "Ce profil n'existe pas (ou plus).", "This profile does not exist (any more).");
    public static readonly Phrase NotInYourLine = new(
        "Deze persoon hoort niet (meer) bij uw lijn; u kunt het profiel niet inzien.",
        "Cette personne ne fait pas (ou plus) partie de votre ligne ; vous ne pouvez pas consulter son profil.",
        "This person is not (or no longer) in your reporting line; you cannot see their profile.");
    public static readonly Phrase Now = new("Nu", "Actuellement", "Now");
    public static readonly Phrase Trend = new("Verloop over de cycli", "Évolution au fil des cycles", "Trend over the cycles");
    public static readonly Phrase Cycle = new("Cyclus", "Cycle", "Cycle");
    public static readonly Phrase ReleasedOn = new("Bekendgemaakt op", "Communiqué le", "Released on");
    public static readonly Phrase Box = new("Vak in de 9-box", "Case de la grille 9-box", "Box on the 9-box grid");
    public static readonly Phrase Movement = new("Beweging", "Mouvement", "Movement");
    public static readonly Phrase Decision = new("Beslissing", "Décision", "Decision");
    public static readonly Phrase FollowUps = new("Opvolgingsgesprekken", "Entretiens de suivi", "Follow-up conversations");
    public static readonly Phrase NotPlaced = new("Niet geplaatst", "Non placé", "Not placed");
    public static readonly Phrase NoDecision = new("Geen beslissing", "Pas de décision", "No decision");
    public static readonly Phrase None = new("Geen", "Aucun", "None");
    public static readonly Phrase Function = new("Functie", "Fonction", "Function");
    public static readonly Phrase Department = new("Afdeling", "Département", "Department");
    public static readonly Phrase Level = new("Niveau", "Niveau", "Level");
    public static readonly Phrase FunctionAt = new("{0}, niveau {1} ({2})", "{0}, niveau {1} ({2})", "{0}, level {1} ({2})");
    public static readonly Phrase ManagerRatings = new("Beoordeling van de leidinggevende", "Évaluation du manager", "Manager's ratings");
    public static readonly Phrase SelfRatings = new("Eigen beoordeling", "Auto-évaluation", "Own ratings");
    public static readonly Phrase PerformanceScore = new("Prestaties: {0} op 5", "Performance : {0} sur 5", "Performance: {0} out of 5");
    public static readonly Phrase PotentialLevel = new("Potentieel: {0}", "Potentiel : {0}", "Potential: {0}");
    public static readonly Phrase ReadinessIs = new("Klaar voor een volgende stap: {0}", "Prêt pour l'étape suivante : {0}", "Readiness: {0}");
    public static readonly Phrase FlightRiskIs = new("Vertrekrisico: {0}", "Risque de départ : {0}", "Flight risk: {0}");
    public static readonly Phrase OverallSelf = new("Eigen totaalscore: {0} op 5", "Note globale : {0} sur 5", "Overall self-rating: {0} out of 5");
    public static readonly Phrase AspirationIs = new("Loopbaanwens: {0}", "Souhait de carrière : {0}", "Career aspiration: {0}");
    public static readonly Phrase NotGiven = new("Niet ingediend", "Non transmis", "Not submitted");
    public static readonly Phrase NewFunction = new("Nieuwe functie: {0}", "Nouvelle fonction : {0}", "New function: {0}");
    public static readonly Phrase MoveTo = new("Naar {0}", "Vers {0}", "To {0}");
    public static readonly Phrase RotationUntil = new("Rotatie naar {0} tot {1}", "Rotation vers {0} jusqu'au {1}", "Rotation to {0} until {1}");
    public static readonly Phrase MeritOf = new("Loonsverhoging van {0} %", "Augmentation de {0} %", "Increase of {0} %");
    public static readonly Phrase Goals = new("Doelen: {0}", "Objectifs : {0}", "Goals: {0}");
    public static readonly Phrase HeldOn = new("{0}: gehouden op {1}", "{0} : tenu le {1}", "{0}: held on {1}");
    public static readonly Phrase Planned = new("{0}: gepland", "{0} : prévu", "{0}: planned");
    public static readonly Phrase Overdue = new("{0}: nog niet als gehouden geregistreerd", "{0} : pas encore enregistré comme tenu", "{0}: not yet recorded as held");
    public static readonly Phrase FollowUpSummary = new("{0} van {1} gehouden", "{0} sur {1} tenus", "{0} of {1} held");
    public static readonly Phrase Details = new("Per cyclus", "Par cycle", "Per cycle");
    public static readonly Phrase Confidential = new(
        "Vertrouwelijk: alleen voor HR en de leidinggevenden van deze persoon.",
        "Confidentiel : réservé aux RH et à la ligne hiérarchique de cette personne.",
        "Confidential: for HR and this person's reporting line only.");
    public static readonly Phrase Profiles = new("Talentprofielen van uw lijn", "Profils de talent de votre ligne", "Talent profiles in your line");
    public static readonly Phrase ProfilesIntro = new(
        "Het verloop over de cycli van iedereen onder u, rechtstreeks of via hun leidinggevenden.",
        "L'évolution au fil des cycles de chaque personne sous votre responsabilité, directement ou via leurs managers.",
        "The trend over the cycles of everyone below you, directly or through their managers.");
    public static readonly Phrase OpenProfile = new("Profiel van {0}", "Profil de {0}", "Profile of {0}");
    public static readonly Phrase Name = new("Naam", "Nom", "Name");
    public static readonly Phrase LatestBox = new("Laatste vak", "Dernière case", "Latest box");
    public static readonly Phrase LatestDecision = new("Laatste beslissing", "Dernière décision", "Latest decision");
    public static readonly Phrase CareersLink = new("Loopbaanpaden", "Parcours de carrière", "Career paths");
    public static readonly Phrase IndicatorsLink = new("Indicatoren", "Indicateurs", "Indicators");

    public static Phrase Of(BoxMove move) => move switch
    {
        BoxMove.First => new("Eerste plaatsing", "Premier placement", "First placement"),
        BoxMove.Up => new("Omhoog", "En hausse", "Up"),
        BoxMove.Down => new("Omlaag", "En baisse", "Down"),
        BoxMove.Sideways => new("Zijwaarts", "Latéral", "Sideways"),
        BoxMove.NotPlaced => new("Niet geplaatst", "Non placé", "Not placed"),
        _ => new("Gelijk", "Stable", "Same"),
    };

    public static Phrase Of(MoveKind kind) => kind switch
    {
        MoveKind.Promotion => new("Promotie", "Promotion", "Promotion"),
        MoveKind.LateralMove => new("Horizontale overstap", "Mobilité horizontale", "Lateral move"),
        MoveKind.Rotation => new("Jobrotatie", "Rotation de poste", "Job rotation"),
        _ => new("Stap terug", "Pas en arrière", "Step back"),
    };

    public static Phrase Of(CareerAspiration aspiration) => aspiration switch
    {
        CareerAspiration.Promotion => new("Promotie", "Promotion", "Promotion"),
        CareerAspiration.HorizontalMove => new("Horizontale overstap", "Mobilité horizontale", "Horizontal move"),
        CareerAspiration.Specialisation => new("Specialisatie", "Spécialisation", "Specialisation"),
        CareerAspiration.JobRotation => new("Jobrotatie", "Rotation de poste", "Job rotation"),
        CareerAspiration.JobCrafting => new("Jobcrafting", "Job crafting", "Job crafting"),
        CareerAspiration.StepBack => new("Stap terug", "Pas en arrière", "Step back"),
        CareerAspiration.ExternalMove => new("Loopbaan buiten de organisatie", "Carrière hors de l'organisation", "Career elsewhere"),
        _ => new("Blijven in de huidige rol", "Rester dans le rôle actuel", "Stay in the current role"),
    };
}
