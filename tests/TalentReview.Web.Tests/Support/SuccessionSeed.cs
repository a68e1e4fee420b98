using TalentReview.Domain;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;
using TalentReview.Domain.Summaries;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Support;

/// <summary>
/// A released cycle written straight into the store as the workflow leaves it: a small finance
/// department with its CFO, everyone's final box (the release's kept placements), the manager's
/// readiness and the employee's career aspiration.
/// </summary>
public sealed class SuccessionSeed
{
    public const string CycleId = "c2026talent";
    public const string CycleName = "Review 2026";

    /// <summary>Who is placed where, with the manager's readiness and the aspiration they wrote.</summary>
    public static readonly IReadOnlyList<(Employee Person, GridBox Box, PromotionReadiness Readiness, CareerAspiration Aspiration)> People =
    [
        (Person("E100", "Ines Claes", null, "Chief Financial Officer", "A1"), GridBox.Star, PromotionReadiness.NotReady, CareerAspiration.Stay),
        (Person("E101", "Lucas Janssens", "E100", "Finance Manager", "B1"), GridBox.Star, PromotionReadiness.ReadyNow, CareerAspiration.Promotion),
        (Person("E102", "Sophie Dubois", "E100", "Controller", "B2"), GridBox.EmergingTalent, PromotionReadiness.InOneToTwoYears, CareerAspiration.Promotion),
        (Person("E103", "Noah Peeters", "E100", "Accountant", "C1"), GridBox.HighPerformer, PromotionReadiness.NotReady, CareerAspiration.Specialisation),
        (Person("E104", "Emma Maes", "E100", "Accountant", "C1"), GridBox.CorePlayer, PromotionReadiness.ReadyNow, CareerAspiration.Promotion),
        (Person("E105", "Louis Willems", "E100", "Treasurer", "B2"), GridBox.Star, PromotionReadiness.ReadyNow, CareerAspiration.ExternalMove),
    ];

    public static Employee Cfo => People[0].Person;

    public static Employee Ready => People[1].Person;

    public static Employee Soon => People[2].Person;

    public static Employee Later => People[3].Person;

    public static async Task WriteAsync(ReviewStore store, DateTimeOffset launchedAt)
    {
        var employees = People.Select(p => p.Person).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var roster = Roster.Create(employees).Roster!;
        var plan = CyclePlan.Default(CycleName, DateOnly.FromDateTime(launchedAt.UtcDateTime), roster);
        var hr = new Contact("hr-1", "Hanne Peeters", "hanne.peeters@meridia.example", Language.En);
        await store.WriteNewCycleAsync(
            new CycleDocument(CycleId, CycleName, plan, CycleState.Released, launchedAt, hr.Id, [hr], [hr], employees.Count, [employees[0].Id]),
            employees);
        foreach (var ((person, box, readiness, aspiration), i) in People.Select((p, i) => (p, i)))
        {
            await store.UpsertParticipantAsync(new ParticipantDocument(
                CycleId, person.Id, person.Name, person.Email, Language.En, person.Department, person.JobTitle, person.Level, "finance", i, person.ManagerId, null,
                StepState.Submitted, StepState.Submitted, $"self{i}", $"input{i}", $"out{i}"));
            var input = new ManagerInput(person.Id, person.ManagerId ?? "board", 4, new PotentialIndicators(4, 4, 4), readiness, FlightRisk.Low, DecisionType.NoChange, "Evidence of a year's work.");
            await store.UpdateManagerInputAsync(CycleId, person.Id, _ => new ManagerInputDocument(CycleId, person.Id, null, input, person.ManagerId, launchedAt, launchedAt));
            var self = new Domain.Forms.SelfAssessment(person.Id, [new ObjectiveResult("Close the books on time", ObjectiveOutcome.Met, "Every month.")], [], "A good year.", 4, aspiration, null, string.Empty, Mobility.WithinBelgium);
            await store.UpdateSelfAssessmentAsync(CycleId, person.Id, _ => new SelfAssessmentDocument(CycleId, person.Id, null, self, launchedAt, launchedAt));
        }

        await store.UpsertPreviousResultsAsync(new PreviousResultsDocument(
            CycleId, CycleName, 0, [.. People.OrderBy(p => p.Person.Id, StringComparer.Ordinal).Select(p => new FinalPlacement(p.Person.Id, GridPosition.Of(p.Box), FlightRisk.Low))]));
    }

    private static Employee Person(string id, string name, string? managerId, string jobTitle, string level) => new(
        id, name, $"{name.ToLowerInvariant().Replace(' ', '.')}@meridia.example", managerId, "Finance", jobTitle, level,
        new DateOnly(2019, 9, 1), ContractType.Permanent, EmploymentStatus.Active, Language.En, "Brussels");
}
