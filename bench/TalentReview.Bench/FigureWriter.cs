using System.Diagnostics;
using System.Globalization;

namespace TalentReview.Bench;

/// <summary>Prints figures as `name: value unit`, one per line, invariant culture.</summary>
internal sealed class FigureWriter(TextWriter output)
{
    public void Write(string name, double value, string unit)
        => output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {value:0.###} {unit}"));

    /// <summary>Peak resident memory of this process so far (VmHWM), in MB.</summary>
    public static double PeakMegabytes()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / (1024.0 * 1024.0);
    }
}
