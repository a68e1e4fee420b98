using System.Text;
using TalentReview.Domain.NineBox;

namespace TalentReview.Local.Simulation;

/// <summary>Writes a simulation's leadership summary (HTML), results export (CSV) and talent history across its cycles (CSV) to a folder.</summary>
public static class SimulationOutput
{
    public const string SummaryFileName = "leadership-summary.html";
    public const string ResultsFileName = "results.csv";

    public static string Write(string folder, SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        File.WriteAllText(Path.Combine(full, SummaryFileName), SummaryHtml.Render(result.Cycle.Name, result.Summary.Summary, BoxLabels.Default, result.Figures, result.NameOf), Encoding.UTF8);
        File.WriteAllText(Path.Combine(full, ResultsFileName), ResultRows.ToCsv(result.Results), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        File.WriteAllText(Path.Combine(full, TalentHistoryCsv.FileName), TalentHistoryCsv.ToCsv(result.History), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return full;
    }
}
