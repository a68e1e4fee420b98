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
}
