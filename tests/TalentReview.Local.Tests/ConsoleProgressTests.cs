using TalentReview.Local.Simulation;

namespace TalentReview.Local.Tests;

public sealed class ConsoleProgressTests
{
    [Fact]
    public void Redirected_PrintsPlainLinesPerStageAndTenth_WithoutCarriageReturns()
    {
        using var output = new StringWriter();
        var progress = new ConsoleProgress(output, interactive: false);

        for (var done = 0; done <= 100; done++)
        {
            progress.Report("self-assessment", done, 100);
        }

        progress.Report("calibration", 0, 4);
        progress.Complete();

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(12, lines.Length);
        Assert.DoesNotContain('\r', output.ToString().Replace(Environment.NewLine, "\n", StringComparison.Ordinal));
        Assert.EndsWith("calibration", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Interactive_RewritesOneLine()
    {
        using var output = new StringWriter();
        var progress = new ConsoleProgress(output, interactive: true);

        progress.Report("manager input", 1, 2);
        progress.Report("manager input", 2, 2);

        Assert.Equal(2, output.ToString().Count(c => c == '\r'));
        Assert.DoesNotContain('\n', output.ToString());
        Assert.Contains("100", output.ToString(), StringComparison.Ordinal);
    }
}
