using TalentReview.Domain.Forms;

namespace TalentReview.Domain.Demo;

/// <summary>Shared demo texts: one instance each, so a large generated population stays small in memory.</summary>
internal static class DemoTexts
{
    public const string ShortEvidence = "Solid year, see the quarterly check-ins.";

    public const string Achievements = "Delivered the yearly objectives and helped onboard two new colleagues.";

    public const string DevelopmentWishes = "A course in project management and more contact with customers.";

    private static readonly string[] Evidence =
    [
        "Repeatedly missed agreed deadlines on the warehouse project despite two follow-up talks in March and June; quality issues were raised by three customers.",
        "Missed several agreed deliverables this year; the follow-up talks in spring and autumn are documented.",
        "Steady results in line with the role.",
        "Exceeded the targets on every KPI and took over coordination of the Ghent site during the summer.",
        "Led the migration of the order platform ahead of schedule, cut handling time by 18 % and coached four junior colleagues along the way.",
    ];

    private static readonly IReadOnlyList<ObjectiveResult>[] ObjectivesByScore =
    [
        .. Enumerable.Range(1, 5).Select(score => (IReadOnlyList<ObjectiveResult>)
        [
            new ObjectiveResult("Deliver the yearly team targets", (ObjectiveOutcome)Math.Min(3, score - 1), "Monthly KPI dashboard of the team."),
            new ObjectiveResult("Improve customer satisfaction", (ObjectiveOutcome)Math.Min(3, Math.Max(0, score - 2)), "Customer survey results, Q2 and Q4."),
        ]),
    ];

    private static readonly IReadOnlyList<CompetencyRating>[] CompetenciesByScore =
    [
        .. Enumerable.Range(1, 5).Select(score => (IReadOnlyList<CompetencyRating>)
        [
            new CompetencyRating("Collaboration", score, null),
            new CompetencyRating("Customer focus", Math.Max(1, score - 1), null),
            new CompetencyRating("Ownership", score, null),
        ]),
    ];

    public static string LongEvidence(int performance) => Evidence[performance - 1];

    public static IReadOnlyList<ObjectiveResult> Objectives(int selfRating) => ObjectivesByScore[selfRating - 1];

    public static IReadOnlyList<CompetencyRating> Competencies(int selfRating) => CompetenciesByScore[selfRating - 1];
}
