using TalentReview.Domain.Calibration;
using TalentReview.Web.Localization;

namespace TalentReview.Web.Calibration;

internal static class FairnessTexts
{
    public static readonly Phrase Title = new("Eerlijkheid: verdeling per groep", "Équité : répartition par groupe", "Fairness: distribution by group");
    public static readonly Phrase Intro = new(
        "Vertrouwelijk, enkel voor het comité en HR. Toont groepen, nooit personen: elk aandeel ligt naast dat van de hele groep (verschil in procentpunten). Een aantal onder {0} personen is verborgen (—), net als elk aantal waaruit zo'n aantal af te leiden is. Leeftijd in {1}.",
        "Confidentiel, réservé au comité et aux RH. Montre des groupes, jamais des personnes : chaque part est comparée à celle de tout le groupe (écart en points). Un nombre inférieur à {0} personnes est masqué (—), comme tout nombre qui permettrait de le retrouver. Âge en {1}.",
        "Confidential, for the committee and HR only. It shows groups, never people: each share stands next to the whole group's (difference in points). A number under {0} people is hidden (—), and so is any number it could be worked out from. Ages in {1}.");
    public static readonly Phrase People = new("Personen", "Personnes", "People");
    public static readonly Phrase WholeGroup = new("Hele groep", "Tout le groupe", "Whole group");
    public static readonly Phrase Hidden = new("verborgen", "masqué", "hidden");
    public static readonly Phrase NothingGiven = new(
        "De personeelslijst vermeldt dit voor niemand in deze groep.",
        "La liste du personnel ne l'indique pour personne de ce groupe.",
        "The roster gives this for nobody in this group.");
    public static readonly Phrase NonePlaced = new("Nog niemand is geplaatst.", "Personne n'est encore placé.", "Nobody is placed yet.");

    public static Phrase Of(FairnessDimension dimension) => dimension switch
    {
        FairnessDimension.AgeBand => new("Leeftijd", "Âge", "Age band"),
        FairnessDimension.Gender => new("Gender", "Genre", "Gender"),
        FairnessDimension.WorkingTime => new("Arbeidsduur", "Temps de travail", "Working time"),
        _ => new("Contracttype", "Type de contrat", "Contract type"),
    };

    public static Phrase Of(FairnessCategory category) => category switch
    {
        FairnessCategory.Under30 => new("Jonger dan 30", "Moins de 30 ans", "Under 30"),
        FairnessCategory.From30To44 => new("30 tot 44", "30 à 44 ans", "30 to 44"),
        FairnessCategory.From45 => new("45 en ouder", "45 ans et plus", "45 and over"),
        FairnessCategory.Female => new("Vrouw", "Femme", "Female"),
        FairnessCategory.Male => new("Man", "Homme", "Male"),
        FairnessCategory.OtherGender => new("X (anders)", "X (autre)", "X (other)"),
        FairnessCategory.FullTime => new("Voltijds", "Temps plein", "Full-time"),
        FairnessCategory.PartTime => new("Deeltijds", "Temps partiel", "Part-time"),
        FairnessCategory.Permanent => new("Vast", "CDI", "Permanent"),
        FairnessCategory.FixedTerm => new("Bepaalde duur", "CDD", "Fixed-term"),
        FairnessCategory.Interim => new("Interim", "Intérim", "Interim"),
        FairnessCategory.Student => new("Student", "Étudiant", "Student"),
        FairnessCategory.Trainee => new("Stagiair", "Stagiaire", "Trainee"),
        FairnessCategory.Freelance => new("Zelfstandige", "Indépendant", "Freelance"),
        _ => new("Niet vermeld", "Non précisé", "Not given"),
    };
}
