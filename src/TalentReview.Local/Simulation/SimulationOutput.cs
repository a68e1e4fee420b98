using System.Text;
using TalentReview.Domain.NineBox;

namespace TalentReview.Local.Simulation;

/// <summary>
/// Writes a simulation's leadership summary (HTML), results export (CSV), talent history across its cycles (CSV) and succession (text) to a
/// folder, and marks the folder while a run is under way: a simulation runs in memory, so one killed midway leaves
/// nothing to resume; the next run says so and starts over.
/// </summary>
public static class SimulationOutput
{
    public const string SummaryFileName = "leadership-summary.html";
    public const string ResultsFileName = "results.csv";

    /// <summary>Written when a run starts and removed once its output is written: found at the next start, it says the last run was cut short.</summary>
    public const string RunningFileName = "simulation-running.txt";

    /// <summary>What the run that was cut short before this one was (its arguments), or null when the last run finished.</summary>
    public static string? Interrupted(string folder)
    {
        var marker = Path.Combine(Path.GetFullPath(folder), RunningFileName);
        return File.Exists(marker) ? File.ReadAllText(marker).Trim() : null;
    }

    /// <summary>Marks the folder as the output of a run under way (replacing the mark of one cut short).</summary>
    public static void MarkRunning(string folder, SimulateArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        File.WriteAllText(
            Path.Combine(full, RunningFileName),
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"simulate --employees {arguments.Employees} --seed {arguments.Seed}"),
            Encoding.UTF8);
    }

    public static string Write(string folder, SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        File.WriteAllText(Path.Combine(full, SummaryFileName), SummaryHtml.Render(result.Cycle.Name, result.Summary.Summary, BoxLabels.Default, result.Figures, result.NameOf), Encoding.UTF8);
        File.WriteAllText(Path.Combine(full, ResultsFileName), ResultRows.ToCsv(result.Results), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        File.WriteAllText(Path.Combine(full, TalentHistoryCsv.FileName), TalentHistoryCsv.ToCsv(result.History), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        File.WriteAllText(Path.Combine(full, SuccessionSummaryText.FileName), SuccessionSummaryText.Describe(result.Succession, result.History), Encoding.UTF8);
        File.Delete(Path.Combine(full, RunningFileName));
        return full;
    }
}
