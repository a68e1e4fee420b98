using System.Globalization;
using TalentReview.Domain;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Summaries;

namespace TalentReview.Local.Simulation;

/// <summary>The leadership summary as plain text for a console: the nine-box grid as a table, then the key lists.</summary>
public static class LeadershipSummaryText
{
    private const int CellWidth = 24;

    /// <param name="title">What the summary covers, e.g. the cycle's name.</param>
    /// <param name="nameOf">Turns an employee id of the key lists into the name leadership reads.</param>
    public static void Write(TextWriter output, string title, CycleSummary summary, BoxLabels labels, Func<string, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(nameOf);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(labels);
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine($"Leadership summary — {title} ({summary.Population.ToString(culture)} people)");
        output.WriteLine("Nine-box: count, share, (guidance). Rows: potential; columns: performance.");
        var separator = "+" + string.Concat(Enumerable.Repeat(new string('-', CellWidth) + "+", 3));
        output.WriteLine($"{"",-15}{Center("low performance")} {Center("moderate")} {Center("high performance")}");
        foreach (var potential in new[] { RatingLevel.High, RatingLevel.Moderate, RatingLevel.Low })
        {
            output.WriteLine($"{"",-14}{separator}");
            var names = new List<string>();
            var figures = new List<string>();
            foreach (var performance in new[] { RatingLevel.Low, RatingLevel.Moderate, RatingLevel.High })
            {
                var box = new GridPosition(performance, potential).Box;
                var line = summary.Boxes.FirstOrDefault(b => b.Box == box);
                names.Add(Fit(labels.For(box, Language.En).Name));
                figures.Add(Fit(line is null
                    ? "0"
                    : string.Create(culture, $"{line.Count} · {line.Percent:0.#}% ({line.GuidancePercent:0.#}%)")));
            }

            output.WriteLine($"{PotentialLabel(potential),-14}|{string.Join('|', names)}|");
            output.WriteLine($"{"",-14}|{string.Join('|', figures)}|");
        }

        output.WriteLine($"{"",-14}{separator}");
        output.WriteLine();
        output.WriteLine(string.Create(culture, $"Calibration changes: {summary.AdjustmentCount} moves for {summary.EmployeesAdjusted} people, {summary.PlacementCount} placements from the holding area"));
        output.WriteLine("Decisions: " + (summary.Decisions.Count == 0
            ? "none"
            : string.Join(", ", summary.Decisions.Where(d => d.Count > 0).Select(d => string.Create(culture, $"{d.Type} {d.Count}")))));
        output.WriteLine("Completion: " + string.Join(", ", summary.Completion.Select(c => string.Create(culture, $"{c.Step} {c.Completed}/{c.Expected} ({c.Percent:0.#}%)"))));
        output.WriteLine(summary.HighPerformersAtRisk.Count == 0
            ? "High performers at risk of leaving: none"
            : string.Create(culture, $"High performers at risk of leaving ({summary.HighPerformersAtRisk.Count}): {string.Join(", ", summary.HighPerformersAtRisk.Select(nameOf))}"));
    }

    private static string PotentialLabel(RatingLevel potential) => potential switch
    {
        RatingLevel.High => "high potential",
        RatingLevel.Moderate => "moderate",
        _ => "low potential",
    };

    private static string Fit(string text) => " " + (text.Length > CellWidth - 2 ? text[..(CellWidth - 2)] : text).PadRight(CellWidth - 1);

    private static string Center(string text) => text.PadLeft((CellWidth + text.Length) / 2).PadRight(CellWidth);
}
