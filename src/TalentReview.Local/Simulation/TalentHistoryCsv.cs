using System.Globalization;
using System.Text;
using TalentReview.Domain.Talent.Careers;
using TalentReview.Domain.Talent.History;

namespace TalentReview.Local.Simulation;

/// <summary>The talent history a simulation kept, one row per person and cycle, with the trend and the plan's follow-ups; and a one-line account of it.</summary>
public static class TalentHistoryCsv
{
    public const string FileName = "talent-history.csv";

    public static string ToCsv(IReadOnlyList<TalentOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var csv = new StringBuilder("employeeId;name;cycle;releasedOn;department;jobTitle;level;box;movement;decision;followUpsHeld;followUps\n");
        foreach (var person in outcomes.GroupBy(o => o.EmployeeId, StringComparer.Ordinal).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var history = new TalentHistory(person.Key, person);
            foreach (var (outcome, step) in history.Outcomes.Zip(history.Trend))
            {
                csv.AppendJoin(';', new[]
                {
                    outcome.EmployeeId, outcome.Name, outcome.CycleName, outcome.ReleasedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    outcome.Function.Department, outcome.Function.JobTitle, outcome.Function.Level,
                    outcome.Box?.ToString() ?? string.Empty, step.Move.ToString(), outcome.Decision?.Type.ToString() ?? string.Empty,
                    outcome.FollowUps.Count(f => f.Status == FollowUpStatus.Held).ToString(CultureInfo.InvariantCulture),
                    outcome.FollowUps.Count.ToString(CultureInfo.InvariantCulture),
                }.Select(Quote)).Append('\n');
            }
        }

        return csv.ToString();
    }

    public static string Describe(IReadOnlyList<TalentOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var cycles = outcomes.Select(o => o.CycleId).Distinct(StringComparer.Ordinal).Count();
        var people = outcomes.Select(o => o.EmployeeId).Distinct(StringComparer.Ordinal).Count();
        var moves = CareerMoves.Of(outcomes);
        var followUps = outcomes.SelectMany(o => o.FollowUps).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"Talent history: {outcomes.Count} outcomes of {people} people over {cycles} cycles; {moves.Count} career moves ({string.Join(", ", moves.GroupBy(m => m.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}); {followUps.Count(f => f.Status == FollowUpStatus.Held)} of {followUps.Count} plan follow-ups held.");
    }

    private static string Quote(string value)
        => value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
