using System.Globalization;
using System.Text;
using TalentReview.Domain;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Talent.History;
using TalentReview.Domain.Talent.Pools;
using TalentReview.Domain.Talent.Succession;

namespace TalentReview.Local.Simulation;

/// <summary>
/// The critical roles with their successors, the talent pools with their members and HR's work after each cycle,
/// as a person reads them: each successor with their readiness and their box over the cycles simulated.
/// </summary>
public static class SuccessionSummaryText
{
    public const string FileName = "succession.txt";

    public static string Describe(SimulatedSuccession succession, IReadOnlyList<TalentOutcome> history)
    {
        ArgumentNullException.ThrowIfNull(succession);
        ArgumentNullException.ThrowIfNull(history);
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        var coverage = SuccessionCoverage.Of(succession.Roles);
        var lastCycle = history.MaxBy(o => o.ReleasedOn)?.CycleName ?? "the last cycle";
        text.Append(culture, $"Critical roles after {lastCycle}: {coverage.WithReadySuccessor} of {coverage.CriticalRoles} have a successor ready now.\n");
        foreach (var role in succession.Roles)
        {
            var bench = role.Bench;
            text.Append(culture, $"- {role.Title} ({role.Department}, {role.Level}), held by {role.IncumbentName}. Risk of loss: {Lower(role.RiskOfLoss)}; impact of loss: {Lower(role.ImpactOfLoss)}. ")
                .Append(culture, $"Bench: {Words(bench.Rating)}, {bench.ReadyNow} ready now, {bench.InOneToTwoYears} in 1-2 years, {bench.InThreeYearsOrMore} in 3 years or more.")
                .Append(bench.NobodyReadyNow ? " Nobody is ready now to take over this role.\n" : "\n");
            foreach (var successor in role.Successors)
            {
                text.Append(culture, $"    {successor.Name}: {Words(successor.Readiness)} (boxes: {Trend(successor.EmployeeId, history)})\n");
            }
        }

        var filledFrom = succession.Pools.Select(p => p.FilledFromCycleName).FirstOrDefault(n => n is not null) ?? "no calibration";
        text.Append(culture, $"Talent pools (filled from {filledFrom}):\n");
        foreach (var pool in succession.Pools)
        {
            var criteria = string.Join("; ", new[]
            {
                pool.Criteria.Boxes.Count == 0 ? null : "boxes " + string.Join(", ", pool.Criteria.Boxes.Select(BoxName)),
                pool.Criteria.Aspirations.Count == 0 ? null : "aspirations " + string.Join(", ", pool.Criteria.Aspirations.Select(a => Spaced(a.ToString()))),
                pool.Criteria.Readiness.Count == 0 ? null : "readiness " + string.Join(", ", pool.Criteria.Readiness.Select(r => Spaced(r.ToString()))),
            }.OfType<string>());
            var members = pool.Members.Select(m => m.Source == PoolMembershipSource.AddedByHr ? $"{m.Name} (added by HR)" : m.Name);
            text.Append(culture, $"- {pool.Name} ({criteria}): {pool.Members.Count} {(pool.Members.Count == 1 ? "member" : "members")}{(pool.Members.Count == 0 ? "." : ": " + string.Join(", ", members) + ".")}\n");
        }

        text.Append("HR's talent work:\n");
        foreach (var line in succession.Activity)
        {
            text.Append("- ").Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>"Core player in Talent review 2026, Star in Talent review 2027".</summary>
    private static string Trend(string employeeId, IReadOnlyList<TalentOutcome> history)
        => string.Join(", ", new TalentHistory(employeeId, history).Trend.Select(step => $"{(step.Box is { } box ? BoxName(box) : "not placed")} in {step.CycleName}"));

    private static string BoxName(GridBox box) => BoxLabels.Default.For(box, Language.En).Name;

    private static string Words(SuccessorReadiness readiness) => readiness switch
    {
        SuccessorReadiness.ReadyNow => "ready now",
        SuccessorReadiness.InOneToTwoYears => "ready in 1-2 years",
        _ => "ready in 3 years or more",
    };

    private static string Words(BenchRating rating) => rating == BenchRating.None ? "no successors" : Lower(rating);

    private static string Lower<TEnum>(TEnum value)
        where TEnum : struct, Enum
        => value.ToString().ToLowerInvariant();

    /// <summary>"HorizontalMove" as "horizontal move".</summary>
    private static string Spaced(string name)
        => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
