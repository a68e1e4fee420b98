using System.Globalization;
using TalentReview.Local.Tests.Harness;

namespace TalentReview.Local.Tests;

/// <summary>Three yearly cycles of the demo organisation with <c>simulate</c>: the talent history fills across them.</summary>
public sealed class SimulateThreeCyclesTests
{
    [Fact]
    public async Task Simulate_ThreeCycles_KeepsEveryonesOutcomeOfEachCycle_WithMovesOnTheNextRoster()
    {
        using var folder = new TemporaryFolder();
        var output = Path.Combine(folder.Path, "out");

        var (exitCode, text) = await LocalHostProcess.RunToCompletionAsync(folder.Path, TimeSpan.FromMinutes(6), "simulate", "--employees", "40", "--seed", "7", "--cycles", "3", "--output", output);

        Assert.True(exitCode == 0, text);
        Assert.Contains("over 3 cycles", text, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(Path.Combine(output, "talent-history.csv"), TestContext.Current.CancellationToken);
        var header = lines[0].TrimStart('\uFEFF').Split(';');
        var rows = lines.Skip(1).Select(l => header.Zip(l.Split(';')).ToDictionary(p => p.First, p => p.Second)).ToList();

        // A release a year apart, in the organisation's own dates.
        Assert.Equal(["Talent review 2026", "Talent review 2027", "Talent review 2028"], rows.Select(r => r["cycle"]).Distinct().Order());
        Assert.Equal(["2026-02-16", "2027-02-15", "2028-02-14"], rows.Select(r => r["releasedOn"]).Distinct().Order());

        // Someone reviewed in all three cycles has a trend: a first placement, then how the box moved.
        var people = rows.GroupBy(r => r["employeeId"]).ToList();
        var throughout = people.Where(p => p.Count() == 3).ToList();
        Assert.NotEmpty(throughout);
        Assert.All(throughout, p =>
        {
            Assert.Equal("First", p.First()["movement"]);
            Assert.All(p.Skip(1), r => Assert.Contains(r["movement"], new[] { "Up", "Down", "Same", "Sideways" }));
        });

        // A promotion shows on the next cycle's roster: a higher level.
        var promotedThenReviewed = people.SelectMany(p => p.Zip(p.Skip(1))).Where(pair => pair.First["decision"] == "Promotion").ToList();
        Assert.NotEmpty(promotedThenReviewed);
        Assert.All(promotedThenReviewed, pair => Assert.True(Level(pair.Second["level"]) > Level(pair.First["level"]), $"{pair.First["employeeId"]}: {pair.First["level"]} then {pair.Second["level"]}"));

        // Follow-ups of the first two cycles' plans came due and most were recorded as held; the last cycle's are still to come.
        Assert.Contains(rows, r => r["cycle"] != "Talent review 2028" && int.Parse(r["followUpsHeld"], CultureInfo.InvariantCulture) > 0);
        Assert.All(rows.Where(r => r["cycle"] == "Talent review 2028"), r => Assert.Equal("0", r["followUpsHeld"]));

        // A few people without reports left between cycles: they are in the history of the cycles they were there for.
        Assert.Contains(people, p => p.Count() < 3 && p.First()["cycle"] == "Talent review 2026");
    }

    private static int Level(string level) => int.Parse(level.TrimStart('L'), CultureInfo.InvariantCulture);
}
