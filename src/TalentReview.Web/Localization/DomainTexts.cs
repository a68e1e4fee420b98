using TalentReview.Domain;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Web.Html;

namespace TalentReview.Web.Localization;

/// <summary>The domain's options in the recipient's language.</summary>
public static class DomainTexts
{
    public static Phrase Of(DecisionType type) => type switch
    {
        DecisionType.NoChange => new("Geen wijziging", "Pas de changement", "No change"),
        DecisionType.Promotion => new("Promotie", "Promotion", "Promotion"),
        DecisionType.MeritIncrease => new("Verdienstelijke loonsverhoging", "Augmentation au mérite", "Merit increase"),
        DecisionType.LateralMove => new("Horizontale overstap", "Mobilité horizontale", "Lateral move"),
        DecisionType.JobRotation => new("Jobrotatie", "Rotation de poste", "Job rotation"),
        DecisionType.DevelopmentPlan => new("Persoonlijk ontwikkelingsplan (POP)", "Plan de développement personnel", "Personal development plan"),
        DecisionType.PerformanceImprovementPlan => new("Verbeterplan", "Plan d'amélioration des performances", "Performance improvement plan"),
        DecisionType.StepBack => new("Stap terug (remotie)", "Rétrogradation volontaire", "Step back to a lighter role"),
        _ => new("Begeleiding naar een loopbaan buiten de organisatie", "Accompagnement vers une carrière externe", "Support towards a career elsewhere"),
    };

    public static Phrase Of(StepKind step) => step switch
    {
        StepKind.SelfAssessment => new("Zelfevaluatie", "Auto-évaluation", "Self-assessment"),
        StepKind.ManagerInput => new("Input van de leidinggevende", "Contribution du manager", "Manager input"),
        StepKind.Calibration => new("Kalibratie", "Calibrage", "Calibration"),
        StepKind.Decisions => new("Beslissingen", "Décisions", "Decisions"),
        _ => new("Bekendmaking", "Communication des résultats", "Release"),
    };

    public static Phrase Of(PromotionReadiness readiness) => readiness switch
    {
        PromotionReadiness.ReadyNow => new("Nu klaar voor een volgende stap", "Prêt dès maintenant pour l'étape suivante", "Ready now for a next step"),
        PromotionReadiness.InOneToTwoYears => new("Klaar binnen één à twee jaar", "Prêt d'ici un à deux ans", "Ready in one to two years"),
        _ => new("Nog niet klaar", "Pas encore prêt", "Not ready yet"),
    };

    public static Phrase Of(FlightRisk risk) => risk switch
    {
        FlightRisk.Low => new("Laag", "Faible", "Low"),
        FlightRisk.Medium => new("Gemiddeld", "Moyen", "Medium"),
        _ => new("Hoog", "Élevé", "High"),
    };

    public static Phrase Of(RatingLevel level) => level switch
    {
        RatingLevel.Low => Texts.Low,
        RatingLevel.Moderate => Texts.Moderate,
        _ => Texts.High,
    };

    public static string BoxName(GridBox box, Language language) => BoxLabels.Default.For(box, language).Name;

    public static IEnumerable<Choice> Choices<TEnum>(Func<TEnum, Phrase> label, Language language)
        where TEnum : struct, Enum
        => Enum.GetValues<TEnum>().Select(v => new Choice(v.ToString(), label(v)[language]));
}
