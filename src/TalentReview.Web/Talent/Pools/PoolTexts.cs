using TalentReview.Domain.Talent.Pools;
using TalentReview.Web.Localization;

namespace TalentReview.Web.Talent.Pools;

/// <summary>The words of the talent pool pages and export, in nl, fr and en.</summary>
internal static class PoolTexts
{
    public static readonly Phrase Title = new("Talentpools", "Viviers de talents", "Talent pools");
    public static readonly Phrase Intro = new(
        "Groepen mensen om te ontwikkelen (toekomstige leiders, sleutelspecialisten), gevuld uit de laatste kalibratie volgens hun criteria en door HR nagekeken. Iemand kan in meerdere pools zitten.",
        "Des groupes de personnes à développer (futurs dirigeants, spécialistes clés), remplis à partir du dernier calibrage selon leurs critères et revus par les RH. Une personne peut faire partie de plusieurs viviers.",
        "Groups of people to develop (future leaders, key specialists), filled from the latest calibration by their criteria and reviewed by HR. A person can be in several pools.");
    public static readonly Phrase PoolTitle = new("Talentpool: {0}", "Vivier : {0}", "Talent pool: {0}");
    public static readonly Phrase Name = new("Naam", "Nom", "Name");
    public static readonly Phrase Description = new("Omschrijving", "Description", "Description");
    public static readonly Phrase Criteria = new("Criteria", "Critères", "Criteria");
    public static readonly Phrase Boxes = new("Plaatsen in het raster", "Cases de la grille", "Boxes");
    public static readonly Phrase Aspirations = new("Loopbaanwensen", "Souhaits de carrière", "Career aspirations");
    public static readonly Phrase Readiness = new("Klaar voor een volgende stap", "Prêt pour l'étape suivante", "Readiness for a next step");
    public static readonly Phrase Any = new("alle", "tous", "any");
    public static readonly Phrase Members = new("Leden", "Membres", "Members");
    public static readonly Phrase MemberCount = new("{0} leden", "{0} membres", "{0} members");
    public static readonly Phrase NoMembers = new("Nog geen leden.", "Aucun membre pour l'instant.", "No members yet.");
    public static readonly Phrase NoPools = new("Nog geen talentpools.", "Aucun vivier pour l'instant.", "No talent pools yet.");
    public static readonly Phrase Source = new("Waarom", "Pourquoi", "Why");
    public static readonly Phrase Since = new("Sinds", "Depuis", "Since");
    public static readonly Phrase FilledFrom = new("Gevuld uit de kalibratie van {0} op {1}.", "Rempli à partir du calibrage de {0} le {1}.", "Filled from the calibration of {0} on {1}.");
    public static readonly Phrase NeverFilled = new("Nog niet gevuld.", "Pas encore rempli.", "Not filled yet.");
    public static readonly Phrase Fill = new("Vullen uit de laatste kalibratie", "Remplir à partir du dernier calibrage", "Fill from the latest calibration");
    public static readonly Phrase FillHint = new(
        "Wie aan de criteria voldoet komt erbij, wie er niet meer aan voldoet valt af; wie HR toevoegde blijft, wie HR verwijderde komt niet terug.",
        "Ceux qui remplissent les critères entrent, ceux qui ne les remplissent plus sortent ; ceux que les RH ont ajoutés restent, ceux qu'elles ont retirés ne reviennent pas.",
        "Whoever meets the criteria joins, whoever no longer does leaves; people HR added stay, people HR removed do not come back.");
    public static readonly Phrase Create = new("Een talentpool aanmaken", "Créer un vivier", "Create a talent pool");
    public static readonly Phrase CreateButton = new("Aanmaken", "Créer", "Create");
    public static readonly Phrase Add = new("Iemand toevoegen", "Ajouter une personne", "Add someone");
    public static readonly Phrase AddButton = new("Toevoegen", "Ajouter", "Add");
    public static readonly Phrase Remove = new("Verwijderen", "Retirer", "Remove");
    public static readonly Phrase RemoveName = new("{0} verwijderen", "Retirer {0}", "Remove {0}");
    public static readonly Phrase Reason = new("Reden", "Motif", "Reason");
    public static readonly Phrase EmployeeId = new("Personeelsnummer", "Matricule", "Employee id");
    public static readonly Phrase Excluded = new("Door HR verwijderd", "Retirés par les RH", "Removed by HR");
    public static readonly Phrase Export = new("Talentpools en leden (Excel)", "Viviers et membres (Excel)", "Talent pools and members (Excel)");
    public static readonly Phrase NotFound = new("Deze talentpool bestaat niet.", "Ce vivier n'existe pas.", "No such talent pool.");
    public static readonly Phrase Pool = new("Pool", "Vivier", "Pool");
    public static readonly Phrase NameTaken = new("{0}: er bestaat al een pool met deze naam.", "{0} : un vivier porte déjà ce nom.", "{0}: a pool with this name exists already.");
    public static readonly Phrase NoCriteria = new(
        "Kies minstens één plaats, loopbaanwens of termijn; anders zou de pool iedereen bevatten.",
        "Choisissez au moins une case, un souhait ou un délai ; sinon le vivier contiendrait tout le monde.",
        "Choose at least one box, aspiration or readiness, or the pool would hold everyone.");
    public static readonly Phrase NotMember = new("{0}: deze persoon zit niet in deze pool.", "{0} : cette personne ne fait pas partie de ce vivier.", "{0}: this person is not in this pool.");

    public static Phrase Of(PoolMembershipSource source) => source switch
    {
        PoolMembershipSource.Calibration => new("Voldoet aan de criteria", "Remplit les critères", "Meets the criteria"),
        _ => new("Toegevoegd door HR", "Ajouté par les RH", "Added by HR"),
    };
}

/// <summary>Where the pool pages are.</summary>
internal static class PoolPaths
{
    public const string List = "/hr/talent/pools";

    public static string Pool(string poolId) => $"{List}/{Uri.EscapeDataString(poolId)}";
}
