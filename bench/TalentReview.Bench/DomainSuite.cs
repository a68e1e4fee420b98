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
/// Warm-up passes on a small company first let tiered compilation reach optimised code, so the
/// figures show the steady state of a long-running host rather than the JIT.
/// </summary>
internal sealed class DomainSuite : IBenchSuite
{
    // Beyond the 30 calls after which the runtime recompiles a method with full optimisation.
    private const int WarmUpPasses = 40;

    private static readonly DateOnly Today = new(2026, 11, 23);

    public string Name => "domain";

    public Task RunAsync(string[] args, FigureWriter figures)
    {
        var size = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 200_000;
        var warmUp = Setup.Create(2_000);
        for (var pass = 0; pass < WarmUpPasses; pass++)
        {
            Run(warmUp, null);
        }

        // Tier-1 compilation happens on a background thread after a short delay; let it finish.
        Thread.Sleep(500);

        var setup = Setup.Create(size);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        Run(setup, figures);
        return Task.CompletedTask;
    }

    private static void Run(Setup setup, FigureWriter? figures)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var total = Stopwatch.StartNew();
        var phase = Stopwatch.StartNew();
        var imported = RosterImport.FromCsv(setup.Csv);
        var roster = imported.Roster ?? throw new InvalidOperationException($"The generated roster did not import: {imported.Problems[0].Message}");
        figures?.Write("domain.import_ms", phase.Elapsed.TotalMilliseconds, "ms");

        phase.Restart();
        var plan = CyclePlan.Default("2026", Today, roster);
        var eligibility = plan.Eligibility.Evaluate(roster);
        figures?.Write("domain.eligibility_ms", phase.Elapsed.TotalMilliseconds, "ms");

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
                var input = setup.Inputs.GetValueOrDefault(id);
                candidates.Add(new CalibrationCandidate(id, roster.Find(id)?.ManagerId, input, setup.SelfRatings.TryGetValue(id, out var self) ? self : null));
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

        figures?.Write("domain.analytics_ms", phase.Elapsed.TotalMilliseconds, "ms");

        phase.Restart();
        var summary = CycleSummary.Summarise(SummaryInput.Combine("organisation", groupInputs, plan.Guidance, setup.Previous));
        figures?.Write("domain.summary_ms", phase.Elapsed.TotalMilliseconds, "ms");
        if (figures is null)
        {
            return;
        }

        figures.Write("domain.total_ms", total.Elapsed.TotalMilliseconds, "ms");

        // The machine is shared: the CPU time of this process shows the work itself when others inflate wall time.
        process.Refresh();
        figures.Write("domain.cpu_ms", (process.TotalProcessorTime - cpuBefore).TotalMilliseconds, "ms");
        figures.Write("domain.peak_mb", FigureWriter.PeakMegabytes(), "MB");
        figures.Write("domain.employees", roster.Count, "employees");
        figures.Write("domain.eligible", eligibility.EligibleEmployeeIds.Count, "employees");
        figures.Write("domain.groups", groupInputs.Count, "groups");
        figures.Write("domain.managers_flagged", flagged, "managers");
        figures.Write("domain.placed", summary.Population, "employees");
    }

    /// <summary>The generated company as CSV, with manager input, self-ratings and a previous cycle for everyone.</summary>
    private sealed record Setup(string Csv, Dictionary<string, ManagerInput> Inputs, Dictionary<string, int> SelfRatings, PreviousCycle Previous)
    {
        public static Setup Create(int size)
        {
            var organisation = DemoOrganisation.Generate(size, seed: 42, Today);
            var ids = organisation.Employees.Select(e => e.Id).ToList();
            return new Setup(
                organisation.ToCsv(),
                organisation.GenerateManagerInputs(ids, inputSeed: 7).ToDictionary(i => i.EmployeeId, StringComparer.Ordinal),
                organisation.GenerateSelfAssessments(ids, inputSeed: 7).ToDictionary(s => s.EmployeeId, s => s.OverallSelfRating, StringComparer.Ordinal),
                new PreviousCycle("2025", [.. organisation.GenerateManagerInputs(ids, inputSeed: 6).Select(i => new FinalPlacement(i.EmployeeId, i.Position, i.FlightRisk))]));
        }
    }
}
