using TalentReview.Domain.Calibration;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.Demo;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Summaries;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Tests.Storage.Privacy;

/// <summary>Writes a small released or running cycle through the workflow's typed store: one of every per-employee and chunked document.</summary>
internal static class CycleSeed
{
    public const string GroupId = "all";

    /// <param name="leaver">Someone of the organisation who is not in this cycle (a leaf: nobody reports to them).</param>
    public static async Task<CycleDocument> WriteAsync(ReviewStore store, DemoOrganisation organisation, string cycleId, DateOnly start, CycleState state, string? leaver = null)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var roster = organisation.ToRoster();
        var sorted = roster.Employees.Where(e => e.Id != leaver).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var firstIds = sorted.Chunk(ReviewStore.RosterChunkSize).Select(chunk => chunk[0].Id).ToList();
        var hr = new Contact("hr-1", "HR Person", "hr@example.test", Domain.Language.En);
        var launchedAt = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var cycle = new CycleDocument(cycleId, $"Review {cycleId}", CyclePlan.Default(cycleId, start, roster), state, launchedAt, "hr-1", [hr], [Contact.Of(sorted[0])], sorted.Count, firstIds);
        await store.WriteNewCycleAsync(cycle, sorted, cancellation);

        var ids = sorted.Select(e => e.Id).ToList();
        var selfAssessments = organisation.GenerateSelfAssessments(ids, 7).ToDictionary(s => s.EmployeeId);
        var managerInputs = organisation.GenerateManagerInputs(ids, 7).ToDictionary(m => m.EmployeeId);
        var position = new GridPosition(RatingLevel.Moderate, RatingLevel.High);
        var cards = new List<CalibrationCard>();
        var decisions = new List<Decision>();
        for (var ordinal = 0; ordinal < sorted.Count; ordinal++)
        {
            var employee = sorted[ordinal];
            await store.UpsertParticipantAsync(new ParticipantDocument(
                cycleId, employee.Id, employee.Name, employee.Email, employee.Language, employee.Department, employee.JobTitle, employee.Level,
                GroupId, ordinal, employee.ManagerId, roster.SkipLevelManager(employee.Id)?.Id, StepState.Submitted, StepState.Submitted, "n1", "n2", "n3"), cancellation);
            if (selfAssessments.TryGetValue(employee.Id, out var self))
            {
                await store.UpdateSelfAssessmentAsync(cycleId, employee.Id, _ => new SelfAssessmentDocument(cycleId, employee.Id, null, self, launchedAt, launchedAt), cancellationToken: cancellation);
            }

            if (managerInputs.TryGetValue(employee.Id, out var input))
            {
                await store.UpdateManagerInputAsync(cycleId, employee.Id, _ => new ManagerInputDocument(cycleId, employee.Id, null, input, input.ManagerId, launchedAt, launchedAt), cancellationToken: cancellation);
            }

            await store.UpdateAcknowledgementAsync(cycleId, employee.Id, _ => new AcknowledgementDocument(cycleId, employee.Id, launchedAt, "Thanks"), cancellation);
            cards.Add(new CalibrationCard(employee.Id, employee.ManagerId, position, position, []));
            decisions.Add(new NoChangeDecision(employee.Id, start.AddDays(30), "hr-1"));
            if (roster.DirectReports(employee.Id) is { Count: > 0 } reports)
            {
                await store.UpsertTeamAsync(new TeamDocument(cycleId, employee.Id, Contact.Of(employee), roster.SkipLevelManager(reports[0].Id)?.Id, reports.Select(r => r.Id).ToList()), cancellation);
            }
        }

        await store.UpdateGroupAsync(cycleId, GroupId, _ => new CalibrationGroupDocument(cycleId, GroupId, "Everyone", [hr], sorted.Count, 1, GroupPhase.DecisionsFinalised), cancellation);
        for (var chunk = 0; chunk * ReviewStore.ChunkSize < sorted.Count; chunk++)
        {
            await store.UpsertCardsAsync(new CalibrationChunkDocument(cycleId, GroupId, chunk, cards.Skip(chunk * ReviewStore.ChunkSize).Take(ReviewStore.ChunkSize).ToList()), cancellation);
            await store.UpsertDecisionsAsync(new DecisionChunkDocument(cycleId, GroupId, chunk, true, decisions.Skip(chunk * ReviewStore.ChunkSize).Take(ReviewStore.ChunkSize).ToList()), cancellation);
        }

        await store.AddAuditAsync(new CalibrationAuditDocument(cycleId, GroupId, sorted[1].Id, new CalibrationAdjustment(sorted[1].Id, position, new GridPosition(RatingLevel.High, RatingLevel.High), "Exceeded every objective", "hr-1", launchedAt.AddDays(22))), cancellation);
        await store.UpsertPreviousResultsAsync(new PreviousResultsDocument(cycleId, cycle.Name, 0, sorted.Select(e => new FinalPlacement(e.Id, position, Domain.Forms.FlightRisk.Low)).ToList()), cancellation);
        return cycle;
    }
}
