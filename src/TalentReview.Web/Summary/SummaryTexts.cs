using TalentReview.Web.Localization;

namespace TalentReview.Web.Summary;

internal static class SummaryTexts
{
    public static readonly Phrase Title = new("Samenvatting voor de directie: {0}", "Synthèse pour la direction : {0}", "Leadership summary: {0}");
    public static readonly Phrase NotReady = new(
        "De samenvatting is nog niet beschikbaar; ze volgt wanneer alle groepen gekalibreerd zijn.",
        "La synthèse n'est pas encore disponible ; elle suivra lorsque tous les groupes auront été calibrés.",
        "The summary is not available yet; it follows once every group has been calibrated.");
    public static readonly Phrase Population = new(
        "{0} medewerkers geplaatst; {1} verplaatsingen bij de kalibratie ({2} medewerkers); {3} plaatsingen uit de wachtruimte.",
        "{0} collaborateurs placés ; {1} déplacements lors du calibrage ({2} collaborateurs) ; {3} placements depuis la zone d'attente.",
        "{0} employees placed; {1} moves during calibration ({2} employees); {3} placements from the holding area.");
    public static readonly Phrase Grid = new("Verdeling over de negenvakmatrix", "Répartition sur la grille à neuf cases", "Distribution over the nine-box grid");
    public static readonly Phrase Decisions = new("Beslissingen", "Décisions", "Decisions");
    public static readonly Phrase AtRisk = new("Sterke presteerders met vertrekrisico", "Talents performants à risque de départ", "High performers at risk of leaving");
    public static readonly Phrase Completion = new("Voltooiing per stap", "Taux de complétion par étape", "Completion per step");
    public static readonly Phrase None = new("Geen.", "Aucun.", "None.");
    public static readonly Phrase Step = new("Stap", "Étape", "Step");
    public static readonly Phrase Completed = new("Voltooid", "Complété", "Completed");
    public static readonly Phrase Count = new("Aantal", "Nombre", "Count");
    public static readonly Phrase Organisation = new("hele organisatie", "toute l'organisation", "whole organisation");
    public static readonly Phrase GridTitle = new("Negenvakmatrix: {0}", "Grille à neuf cases : {0}", "Nine-box grid: {0}");
    public static readonly Phrase GridDescription = new(
        "{0} medewerkers: prestaties horizontaal (laag tot hoog), potentieel verticaal (laag tot hoog); elk vak toont het aantal, het aandeel en de richtwaarde, en is donkerder naarmate het aandeel groter is.",
        "{0} collaborateurs : performance à l'horizontale (de faible à élevé), potentiel à la verticale (de faible à élevé) ; chaque case indique le nombre, la part et la référence, et est d'autant plus foncée que la part est grande.",
        "{0} employees: performance across (low to high), potential up (low to high); each box gives the count, the share and the guidance, and is darker the larger its share.");
    public static readonly Phrase ShareLegend = new("Aandeel:", "Part :", "Share:");
    public static readonly Phrase DrillDownHint = new(
        "Kies een vak om te zien wie erin staat.",
        "Choisissez une case pour voir qui s'y trouve.",
        "Choose a box to see who is in it.");
    public static readonly Phrase PerGroup = new("Per kalibratiegroep", "Par groupe de calibrage", "Per calibration group");
    public static readonly Phrase GroupPopulation = new("{0} medewerkers geplaatst.", "{0} collaborateurs placés.", "{0} employees placed.");
    public static readonly Phrase PeopleIn = new("In het vak {0}: {1}", "Dans la case {0} : {1}", "In the box {0}: {1}");
    public static readonly Phrase UnknownBox = new(
        "\"{0}\" is geen vak van de matrix; kies een vak in de matrix.",
        "« {0} » n'est pas une case de la grille ; choisissez une case dans la grille.",
        "\"{0}\" is not a box of the grid; choose a box in the grid.");
    public static readonly Phrase Name = new("Naam", "Nom", "Name");
    public static readonly Phrase Group = new("Groep", "Groupe", "Group");
    public static readonly Phrase Decision = new("Beslissing", "Décision", "Decision");
    public static readonly Phrase NoDecision = new("Nog geen beslissing", "Pas encore de décision", "No decision yet");
    public static readonly Phrase CloseList = new("Lijst sluiten", "Fermer la liste", "Close the list");
}
