using System.Diagnostics;
using TalentReview.Domain.Calibration;
using TalentReview.Domain.Demo;
using TalentReview.Domain.Forms;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;
using TalentReview.Domain.Summaries;

namespace TalentReview.Bench;

/// <summary>
/// Roster import, eligibility, calibration analytics and the organisation summary for a generated
/// company (200,000 employees unless a size is given). Generating the CSV and the ratings is setup.
/// </summary>
internal sealed class DomainSuite : IBenchSuite
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    public string Name => "domain";

    public Task RunAsync(string[] args, FigureWriter figures)
    {
        var size = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 200_000;
        var organisation = DemoOrganisation.Generate(size, seed: 42, Today);
        var csv = organisation.ToCsv();
        var allIds = organisation.Employees.Select(e => e.Id).ToList();
        var inputs = organisation.GenerateManagerInputs(allIds, inputSeed: 7).ToDictionary(i => i.EmployeeId, StringComparer.Ordinal);
        var selfRatings = organisation.GenerateSelfAssessments(allIds, inputSeed: 7).ToDictionary(s => s.EmployeeId, s => s.OverallSelfRating, StringComparer.Ordinal);
        var previous = new PreviousCycle("2025", [.. organisation.GenerateManagerInputs(allIds, inputSeed: 6).Select(i => new FinalPlacement(i.EmployeeId, i.Position, i.FlightRisk))]);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);

        var total = Stopwatch.StartNew();
        var phase = Stopwatch.StartNew();
        var imported = RosterImport.FromCsv(csv);
        var roster = imported.Roster ?? throw new InvalidOperationException($"The generated roster did not import: {imported.Problems[0].Message}");
        figures.Write("domain.import_ms", phase.Elapsed.TotalMilliseconds, "ms");

        phase.Restart();
        var plan = CyclePlan.Default("2026", Today, roster);
        var eligibility = plan.Eligibility.Evaluate(roster);
        figures.Write("domain.eligibility_ms", phase.Elapsed.TotalMilliseconds, "ms");

        phase.Restart();
        var assignment = GroupAssignment.Assign(plan.Groups, roster, eligibility.EligibleEmployeeIds);
        var flagged = 0;
        var groupInputs = new List<SummaryInput>(assignment.EmployeeIdsByGroup.Count);
        foreach (var (groupId, members) in assignment.EmployeeIdsByGroup)
        {
            var candidates = new List<CalibrationCandidate>(members.Count);
            var placements = new List<FinalPlacement>(members.Count);
            foreach (var id in members)
            {
                var input = inputs.GetValueOrDefault(id);
                candidates.Add(new CalibrationCandidate(id, roster.Find(id)?.ManagerId, input, selfRatings.TryGetValue(id, out var self) ? self : null));
                if (input is not null)
                {
                    placements.Add(new FinalPlacement(id, input.Position, input.FlightRisk));
                }
            }

            var analysis = CalibrationAnalytics.Analyse(candidates, plan.Guidance);
            flagged += analysis.ManagerTendencies.Count;
            groupInputs.Add(new SummaryInput(groupId, placements, [], [],
                [new StepProgress(StepKind.ManagerInput, members.Count, placements.Count)], plan.Guidance));
        }

        figures.Write("domain.analytics_ms", phase.Elapsed.TotalMilliseconds, "ms");

        phase.Restart();
        var summary = CycleSummary.Summarise(SummaryInput.Combine("organisation", groupInputs, plan.Guidance, previous));
        figures.Write("domain.summary_ms", phase.Elapsed.TotalMilliseconds, "ms");

        figures.Write("domain.total_ms", total.Elapsed.TotalMilliseconds, "ms");
        figures.Write("domain.peak_mb", FigureWriter.PeakMegabytes(), "MB");
        figures.Write("domain.employees", roster.Count, "employees");
        figures.Write("domain.eligible", eligibility.EligibleEmployeeIds.Count, "employees");
        figures.Write("domain.groups", groupInputs.Count, "groups");
        figures.Write("domain.managers_flagged", flagged, "managers");
        figures.Write("domain.placed", summary.Population, "employees");
        return Task.CompletedTask;
    }
}
