using System.Globalization;

namespace TalentReview.Local.Simulation;

/// <summary>
/// A progress bar on one updating console line; when the output is redirected (a log file, CI),
/// plain lines instead, one per stage and per tenth of the way, so logs stay readable.
/// </summary>
public sealed class ConsoleProgress(TextWriter output, bool interactive)
{
    private const int BarWidth = 30;
    private string? lastStage;
    private int lastTenth = -1;
    private int lastLineLength;

    public static ConsoleProgress ForConsole() => new(Console.Out, !Console.IsOutputRedirected);

    public void Report(string stage, int done, int total)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var fraction = total <= 0 ? 1d : Math.Clamp((double)done / total, 0d, 1d);
        if (interactive)
        {
            var filled = (int)Math.Round(fraction * BarWidth);
            var line = string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string('-', BarWidth - filled)}] {fraction,4:P0}  {stage}");
            output.Write('\r' + line.PadRight(lastLineLength));
            lastLineLength = line.Length;
            output.Flush();
            return;
        }

        var tenth = (int)(fraction * 10);
        if (stage != lastStage || tenth != lastTenth)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fraction,4:P0}  {stage}"));
            lastStage = stage;
            lastTenth = tenth;
        }
    }

    /// <summary>Ends the updating line so that what follows starts on a fresh one.</summary>
    public void Complete()
    {
        if (interactive && lastLineLength > 0)
        {
            output.WriteLine();
            lastLineLength = 0;
        }
    }
}
