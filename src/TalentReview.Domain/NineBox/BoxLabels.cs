namespace TalentReview.Domain.NineBox;

/// <summary>The name of a box and what to do with the people in it, in one language.</summary>
public sealed record BoxLabel(string Name, string SuggestedAction);

/// <summary>An organisation's own wording for a box in a language; a null part keeps the default.</summary>
public sealed record BoxLabelOverride(GridBox Box, Language Language, string? Name, string? SuggestedAction);

/// <summary>Box names and suggested actions in nl, fr and en, with organisation overrides on top.</summary>
public sealed class BoxLabels
{
    private static readonly Dictionary<(GridBox, Language), BoxLabel> Defaults = new()
    {
        [(GridBox.TalentRisk, Language.En)] = new("Talent risk", "Discuss the fit with the role openly; agree an improvement plan with clear goals, or look together for a better-suited role."),
        [(GridBox.TalentRisk, Language.Nl)] = new("Talentrisico", "Bespreek openlijk of de functie past; spreek een verbeterplan met duidelijke doelen af, of zoek samen naar een rol die beter aansluit."),
        [(GridBox.TalentRisk, Language.Fr)] = new("Talent à risque", "Discuter ouvertement de l'adéquation au poste ; convenir d'un plan d'amélioration aux objectifs clairs, ou chercher ensemble un rôle mieux adapté."),

        [(GridBox.SolidProfessional, Language.En)] = new("Solid professional", "Keep expectations clear and recognise reliable work; offer targeted training where results can improve."),
        [(GridBox.SolidProfessional, Language.Nl)] = new("Degelijke professional", "Houd de verwachtingen helder en waardeer betrouwbaar werk; bied gerichte opleiding aan waar de resultaten beter kunnen."),
        [(GridBox.SolidProfessional, Language.Fr)] = new("Professionnel solide", "Garder des attentes claires et reconnaître un travail fiable ; proposer une formation ciblée là où les résultats peuvent progresser."),

        [(GridBox.TrustedExpert, Language.En)] = new("Trusted expert", "Retain and recognise; deepen the expertise (specialisation) and let them pass it on as a coach or mentor."),
        [(GridBox.TrustedExpert, Language.Nl)] = new("Vertrouwde expert", "Behouden en erkennen; verdiep de expertise (specialisatie) en laat die doorgeven als coach of mentor."),
        [(GridBox.TrustedExpert, Language.Fr)] = new("Expert de confiance", "Fidéliser et reconnaître ; approfondir l'expertise (spécialisation) et la faire transmettre comme coach ou mentor."),

        [(GridBox.Dilemma, Language.En)] = new("Dilemma", "Find out what holds performance back; set short-term goals with close follow-up, and consider job crafting or another role."),
        [(GridBox.Dilemma, Language.Nl)] = new("Dilemma", "Zoek uit wat de prestaties afremt; leg doelen op korte termijn vast met nauwe opvolging, en denk aan jobcrafting of een andere rol."),
        [(GridBox.Dilemma, Language.Fr)] = new("Dilemme", "Comprendre ce qui freine la performance ; fixer des objectifs à court terme avec un suivi rapproché, et envisager le job crafting ou un autre rôle."),

        [(GridBox.CorePlayer, Language.En)] = new("Core player", "The backbone of the team: keep them engaged with a development plan, stretch assignments and job rotation."),
        [(GridBox.CorePlayer, Language.Nl)] = new("Kernspeler", "De ruggengraat van het team: houd hen betrokken met een ontwikkelplan (POP), uitdagende opdrachten en jobrotatie."),
        [(GridBox.CorePlayer, Language.Fr)] = new("Pilier", "La colonne vertébrale de l'équipe : maintenir l'engagement par un plan de développement, des missions stimulantes et la rotation de postes."),

        [(GridBox.HighPerformer, Language.En)] = new("High performer", "Reward the results; widen the scope of the role and prepare for a next step through a horizontal move or more responsibility."),
        [(GridBox.HighPerformer, Language.Nl)] = new("Sterke presteerder", "Beloon de resultaten; verbreed de rol en bereid een volgende stap voor via een horizontale move of meer verantwoordelijkheid."),
        [(GridBox.HighPerformer, Language.Fr)] = new("Très performant", "Récompenser les résultats ; élargir le rôle et préparer une prochaine étape par une mobilité horizontale ou plus de responsabilités."),

        [(GridBox.RoughDiamond, Language.En)] = new("Rough diamond", "Strong potential not yet showing in results: coach closely, clarify expectations and check the role fits."),
        [(GridBox.RoughDiamond, Language.Nl)] = new("Ruwe diamant", "Sterk potentieel dat nog niet in de resultaten zichtbaar is: coach van dichtbij, verduidelijk de verwachtingen en ga na of de rol past."),
        [(GridBox.RoughDiamond, Language.Fr)] = new("Diamant brut", "Un fort potentiel qui ne se voit pas encore dans les résultats : accompagner de près, clarifier les attentes et vérifier l'adéquation du rôle."),

        [(GridBox.EmergingTalent, Language.En)] = new("Emerging talent", "Invest in growth: a development plan with stretch goals, a mentor and visibility on cross-department projects."),
        [(GridBox.EmergingTalent, Language.Nl)] = new("Opkomend talent", "Investeer in groei: een ontwikkelplan met uitdagende doelen, een mentor en zichtbaarheid in projecten over afdelingen heen."),
        [(GridBox.EmergingTalent, Language.Fr)] = new("Talent émergent", "Investir dans la croissance : un plan de développement ambitieux, un mentor et de la visibilité dans des projets transversaux."),

        [(GridBox.Star, Language.En)] = new("Star", "Plan the next role now (promotion or succession); give sponsorship and keep an eye on flight risk."),
        [(GridBox.Star, Language.Nl)] = new("Ster", "Plan nu de volgende rol (promotie of opvolging); zorg voor een sponsor en let op het vertrekrisico."),
        [(GridBox.Star, Language.Fr)] = new("Étoile", "Préparer dès maintenant le rôle suivant (promotion ou succession) ; assurer un parrainage et surveiller le risque de départ."),
    };

    private readonly Dictionary<(GridBox, Language), BoxLabel> labels;

    public BoxLabels(IEnumerable<BoxLabelOverride>? overrides = null)
    {
        labels = new Dictionary<(GridBox, Language), BoxLabel>(Defaults);
        foreach (var custom in overrides ?? [])
        {
            var key = (custom.Box, custom.Language);
            if (!labels.TryGetValue(key, out var current))
            {
                throw new ArgumentException($"{custom.Box} in {custom.Language} is not a box and language of the grid.", nameof(overrides));
            }

            labels[key] = new BoxLabel(
                string.IsNullOrWhiteSpace(custom.Name) ? current.Name : custom.Name,
                string.IsNullOrWhiteSpace(custom.SuggestedAction) ? current.SuggestedAction : custom.SuggestedAction);
        }
    }

    public static BoxLabels Default { get; } = new();

    public BoxLabel For(GridBox box, Language language)
        => labels.TryGetValue((box, language), out var label)
            ? label
            : throw new ArgumentOutOfRangeException(nameof(box), box, "Not a box of the grid.");
}
