using TalentReview.Local.Tests.Harness;

namespace TalentReview.Local.Tests;

public sealed class SimulateTests
{
    [Fact]
    public async Task Simulate_SixtyEmployees_CompletesAndWritesSummaryAndResults()
    {
        using var folder = new TemporaryFolder();
        var output = Path.Combine(folder.Path, "out");

        var (exitCode, text) = await LocalHostProcess.RunToCompletionAsync(folder.Path, TimeSpan.FromMinutes(4), "simulate", "--employees", "60", "--seed", "7", "--output", output);

        Assert.True(exitCode == 0, text);
        Assert.Contains("Leadership summary", text, StringComparison.Ordinal);
        var results = await File.ReadAllLinesAsync(Path.Combine(output, "results.csv"), TestContext.Current.CancellationToken);
        Assert.True(results.Length > 50, $"Only {results.Length} lines in results.csv.");
        Assert.Contains("<table", await File.ReadAllTextAsync(Path.Combine(output, "leadership-summary.html"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_BadOptions_ExplainsAndFails()
    {
        using var folder = new TemporaryFolder();

        var (exitCode, text) = await LocalHostProcess.RunToCompletionAsync(folder.Path, TimeSpan.FromMinutes(1), "simulate", "--employees", "many");

        Assert.Equal(2, exitCode);
        Assert.Contains("--employees", text, StringComparison.Ordinal);
    }
}
