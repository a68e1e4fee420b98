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
    public async Task Simulate_KilledMidway_TheNextRunSaysSoAndStartsOver()
    {
        using var folder = new TemporaryFolder();
        var output = Path.Combine(folder.Path, "out");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, WorkingDirectory = folder.Path };
        foreach (var argument in (string[])[HostAssembly.Path, "simulate", "--employees", "60", "--seed", "7", "--output", output])
        {
            start.ArgumentList.Add(argument);
        }

        using (var first = System.Diagnostics.Process.Start(start)!)
        {
            // Killed (kill -9) once it is simulating days, before it wrote anything.
            var line = await first.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken);
            Assert.StartsWith("Simulating a review cycle for 60 employees", line, StringComparison.Ordinal);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        Assert.False(File.Exists(Path.Combine(output, "results.csv")));

        var (exitCode, text) = await LocalHostProcess.RunToCompletionAsync(folder.Path, TimeSpan.FromMinutes(4), "simulate", "--employees", "60", "--seed", "7", "--output", output);

        Assert.True(exitCode == 0, text);
        Assert.Contains($"The previous simulation into {output} (simulate --employees 60 --seed 7) was interrupted before it finished.", text, StringComparison.Ordinal);
        Assert.Contains("this run starts over", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "results.csv")));
        Assert.Empty(Directory.GetFiles(output, "simulation-running*"));
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
