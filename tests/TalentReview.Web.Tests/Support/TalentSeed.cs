using TalentReview.Domain.Decisions;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Rosters;
using TalentReview.Domain.Talent.History;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.Talent.History;

namespace TalentReview.Web.Tests.Support;

/// <summary>
/// Three released cycles of talent history on top of <see cref="CycleSeed"/> (released): the seed's
/// employee placed Core player, then Star (and promoted), then High performer, with a development plan
/// whose first follow-up was held; a peer with the same manager; and someone in another line.
/// </summary>
public sealed record TalentSeed(CycleSeed Cycle, Employee Person, Employee Peer, Employee Outsider)
{
    public static readonly (string Id, string Name, DateOnly ReleasedOn)[] Cycles =
    [
        ("c2023", "Review 2023", new DateOnly(2023, 2, 17)),
        ("c2024", "Review 2024", new DateOnly(2024, 2, 16)),
        ("c2025", "Review 2025", new DateOnly(2025, 2, 14)),
    ];

    public static async Task<TalentSeed> WriteAsync(TestApp app, CycleState state = CycleState.Released)
    {
        ArgumentNullException.ThrowIfNull(app);
        var seed = await CycleSeed.WriteAsync(app.Reviews, GroupPhase.DecisionsFinalised, state);
        var history = new TalentHistoryStore(app.Store);
        var person = seed.Employee;
        var peer = seed.Reports[1];
        var outsider = seed.Roster.Employees.First(e => e.ManagerId is not null && e.ManagerId != seed.Manager.Id && e.Id != seed.Manager.Id && e.ManagerId != person.Id);
        var line = LineOf(seed.Roster, person);
        var plan = new DevelopmentPlanDecision(person.Id, new DateOnly(2023, 2, 10), "hr-1", ["Lead the quarterly close", "Coach a new colleague"], [new DateOnly(2023, 5, 17), new DateOnly(2023, 8, 17)]);
        var promotion = new PromotionDecision(person.Id, new DateOnly(2024, 2, 9), "hr-1", "L4", "Senior " + person.JobTitle);
        var function = new JobFunction(person.Department, person.JobTitle, "L3");
        await history.KeepAsync(Outcome(Cycles[0], person, function, line, GridBox.CorePlayer, plan,
            [new PlanFollowUp(new DateOnly(2023, 5, 17), FollowUpStatus.Held, new DateOnly(2023, 5, 22)), new PlanFollowUp(new DateOnly(2023, 8, 17), FollowUpStatus.Planned)]));
        await history.KeepAsync(Outcome(Cycles[1], person, function, line, GridBox.Star, promotion, [], PromotionReadiness.ReadyNow));
        await history.KeepAsync(Outcome(Cycles[2], person, function with { JobTitle = "Senior " + person.JobTitle, Level = "L4" }, line, GridBox.HighPerformer, null, []));
        await history.KeepAsync(Outcome(Cycles[2], peer, new JobFunction(peer.Department, peer.JobTitle, peer.Level), LineOf(seed.Roster, peer), GridBox.Dilemma, null, []));
        await history.KeepAsync(Outcome(Cycles[2], outsider, new JobFunction(outsider.Department, outsider.JobTitle, outsider.Level), LineOf(seed.Roster, outsider), GridBox.TrustedExpert, null, []));
        return new TalentSeed(seed, person, peer, outsider);
    }

    private static List<string> LineOf(Roster roster, Employee employee)
    {
        var line = new List<string>();
        for (var manager = employee.ManagerId; manager is not null; manager = roster.Find(manager)?.ManagerId)
        {
            line.Add(manager);
        }

        return line;
    }

    private static TalentOutcome Outcome(
        (string Id, string Name, DateOnly ReleasedOn) cycle, Employee employee, JobFunction function, IReadOnlyList<string> line, GridBox box, Decision? decision, IReadOnlyList<PlanFollowUp> followUps,
        PromotionReadiness readiness = PromotionReadiness.InOneToTwoYears)
        => new(
            cycle.Id, cycle.Name, cycle.ReleasedOn, "Europe/Brussels", employee.Id, employee.Name, function, line, box,
            new ManagerRatings(4, new PotentialIndicators(4, 4, 4), readiness, FlightRisk.Medium),
            new SelfRatings(4, CareerAspiration.Promotion, Mobility.WithinBelgium),
            decision,
            followUps);
}
