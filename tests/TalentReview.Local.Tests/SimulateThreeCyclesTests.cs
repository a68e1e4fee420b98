using System.Globalization;
using System.Text.RegularExpressions;
using TalentReview.Domain;
using TalentReview.Domain.NineBox;
using TalentReview.Local.Tests.Harness;

namespace TalentReview.Local.Tests;

/// <summary>
/// Three yearly cycles of the demo organisation with <c>simulate</c> (seed 7, from the simulation's fixed start):
/// the talent history fills across them, and HR's critical roles, successors and pools follow the calibrations.
/// </summary>
public sealed partial class SimulateThreeCyclesTests(SimulateThreeCyclesTests.ThreeCycles run) : IClassFixture<SimulateThreeCyclesTests.ThreeCycles>
{
    private static readonly string[] SuccessorBoxes = [.. new[] { GridBox.HighPerformer, GridBox.RoughDiamond, GridBox.EmergingTalent, GridBox.Star }.Select(b => b.ToString())];

    [Fact]
    public void Simulate_ThreeCycles_KeepsEveryonesOutcomeOfEachCycle_WithMovesOnTheNextRoster()
    {
        Assert.True(run.ExitCode == 0, run.Text);
        Assert.Contains("over 3 cycles", run.Text, StringComparison.Ordinal);
        var rows = run.History;

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

    [Fact]
    public void Simulate_ThreeCycles_HrKeepsCriticalRolesWithNamedSuccessors_AndTheBenchAndFlagSayWhoIsReady()
    {
        Assert.True(run.ExitCode == 0, run.Text);
        var lines = run.Succession;
        Assert.Contains(lines[0], run.Text, StringComparison.Ordinal);
        var coverage = CoverageLine().Match(lines[0]);
        Assert.True(coverage.Success, lines[0]);

        var roles = new List<(Match Role, List<Match> Successors)>();
        foreach (var line in lines.Skip(1).TakeWhile(l => !l.StartsWith("Talent pools", StringComparison.Ordinal)))
        {
            if (RoleLine().Match(line) is { Success: true } role)
            {
                roles.Add((role, []));
            }
            else
            {
                var successor = SuccessorLine().Match(line);
                Assert.True(successor.Success, line);
                roles[^1].Successors.Add(successor);
            }
        }

        // The directors of the four largest departments, each with their own incumbent.
        Assert.Equal(4, roles.Count);
        Assert.Equal("4", coverage.Groups["roles"].Value);
        Assert.All(roles, r => Assert.Equal($"Director {r.Role.Groups["department"].Value}", r.Role.Groups["title"].Value));
        Assert.Equal(4, roles.Select(r => r.Role.Groups["incumbent"].Value).Distinct().Count());

        // The bench counts the named successors by readiness; a role with nobody ready now is flagged, and the coverage counts the others.
        foreach (var (role, successors) in roles)
        {
            Assert.Equal(successors.Count(s => s.Groups["readiness"].Value == "ready now"), Count(role, "now"));
            Assert.Equal(successors.Count(s => s.Groups["readiness"].Value == "ready in 1-2 years"), Count(role, "soon"));
            Assert.Equal(successors.Count(s => s.Groups["readiness"].Value == "ready in 3 years or more"), Count(role, "later"));
            Assert.Equal(Count(role, "now") == 0, role.Groups["nobody"].Success);
            Assert.DoesNotContain(successors, s => s.Groups["name"].Value == role.Groups["incumbent"].Value);
        }

        Assert.Equal(roles.Count(r => Count(r.Role, "now") > 0).ToString(CultureInfo.InvariantCulture), coverage.Groups["ready"].Value);
        Assert.Contains(roles, r => r.Successors.Count > 0);

        // Each successor's trend is their box in each cycle of the history; after the last calibration, everyone on a bench sits in a successor box.
        foreach (var successor in roles.SelectMany(r => r.Successors))
        {
            var person = PersonNamed(successor.Groups["name"].Value);
            Assert.Equal(
                string.Join(", ", person.Select(h => $"{BoxName(h["box"])} in {h["cycle"]}")),
                successor.Groups["trend"].Value);
            Assert.Equal("Talent review 2028", person[^1]["cycle"]);
            Assert.Contains(person[^1]["box"], SuccessorBoxes);
        }

        // HR worked after each cycle: the roles were marked once, the benches reviewed every year.
        var activity = lines.SkipWhile(l => l != "HR's talent work:").Skip(1).ToList();
        Assert.Equal(["Talent review 2026", "Talent review 2027", "Talent review 2028"], activity.Select(a => ActivityLine().Match(a).Groups["cycle"].Value));
        Assert.Contains("4 critical roles marked", activity[0], StringComparison.Ordinal);
        Assert.DoesNotContain("marked", activity[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Simulate_ThreeCycles_FillsThePoolsFromTheLastCalibration_AndKeepsWhomHrAdded()
    {
        Assert.True(run.ExitCode == 0, run.Text);
        var pools = run.Succession.SkipWhile(l => !l.StartsWith("Talent pools", StringComparison.Ordinal)).ToList();
        Assert.Equal("Talent pools (filled from Talent review 2028):", pools[0]);
        var lines = pools.Skip(1).TakeWhile(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => PoolLine().Match(l)).ToList();
        Assert.All(lines, l => Assert.True(l.Success, l.Value));
        Assert.Equal(["Future leaders", "Key specialists"], lines.Select(l => l.Groups["name"].Value));

        var membersOfAll = 0;
        foreach (var pool in lines)
        {
            var boxes = pool.Groups["boxes"].Value.Split(", ");
            var members = pool.Groups["members"].Success ? pool.Groups["members"].Value.Split(", ") : [];
            Assert.Equal(int.Parse(pool.Groups["count"].Value, CultureInfo.InvariantCulture), members.Length);
            membersOfAll += members.Length;

            // Filled from the last calibration: a member the criteria brought in sits in one of the pool's boxes in 2028; HR's own additions say so.
            foreach (var member in members)
            {
                var name = member.Replace(" (added by HR)", string.Empty, StringComparison.Ordinal);
                var latest = PersonNamed(name)[^1];
                Assert.Equal("Talent review 2028", latest["cycle"]);
                if (name == member)
                {
                    Assert.Contains(BoxName(latest["box"]), boxes);
                }
            }
        }

        Assert.True(membersOfAll > 0, string.Join('\n', pools));
    }

    private static int Count(Match role, string group) => int.Parse(role.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int Level(string level) => int.Parse(level.TrimStart('L'), CultureInfo.InvariantCulture);

    private static string BoxName(string box) => box.Length == 0 ? "not placed" : BoxLabels.Default.For(Enum.Parse<GridBox>(box), Language.En).Name;

    private List<Dictionary<string, string>> PersonNamed(string name)
    {
        var ids = run.History.Where(h => h["name"] == name).Select(h => h["employeeId"]).Distinct().ToList();
        Assert.True(ids.Count == 1, $"{ids.Count} people named {name} in the history.");
        return [.. run.History.Where(h => h["employeeId"] == ids[0])];
    }

    [GeneratedRegex(@"^Critical roles after Talent review 2028: (?<ready>\d+) of (?<roles>\d+) have a successor ready now\.$")]
    private static partial Regex CoverageLine();

    [GeneratedRegex(@"^- (?<title>.+) \((?<department>[^,]+), L\d+\), held by (?<incumbent>.+)\. Risk of loss: (low|medium|high); impact of loss: (low|medium|high)\. Bench: (strong|adequate|weak|no successors), (?<now>\d+) ready now, (?<soon>\d+) in 1-2 years, (?<later>\d+) in 3 years or more\.(?<nobody> Nobody is ready now to take over this role\.)?$")]
    private static partial Regex RoleLine();

    [GeneratedRegex(@"^    (?<name>[^:]+): (?<readiness>ready now|ready in 1-2 years|ready in 3 years or more) \(boxes: (?<trend>.+)\)$")]
    private static partial Regex SuccessorLine();

    [GeneratedRegex(@"^- (?<name>[^(]+) \(boxes (?<boxes>[^;]+); aspirations [^)]+\): (?<count>\d+) members?(: (?<members>.+))?\.$")]
    private static partial Regex PoolLine();

    [GeneratedRegex(@"^- After (?<cycle>Talent review \d{4}): ")]
    private static partial Regex ActivityLine();

    /// <summary>One run of <c>simulate --cycles 3</c> for the tests of this class: its console text, talent history and succession.</summary>
    public sealed class ThreeCycles : IAsyncLifetime
    {
        private readonly TemporaryFolder folder = new();

        public int ExitCode { get; private set; }

        public string Text { get; private set; } = string.Empty;

        public IReadOnlyList<Dictionary<string, string>> History { get; private set; } = [];

        public IReadOnlyList<string> Succession { get; private set; } = [];

        public async ValueTask InitializeAsync()
        {
            var output = Path.Combine(folder.Path, "out");
            (ExitCode, Text) = await LocalHostProcess.RunToCompletionAsync(folder.Path, TimeSpan.FromMinutes(6), "simulate", "--employees", "40", "--seed", "7", "--cycles", "3", "--output", output);
            if (ExitCode != 0)
            {
                return;
            }

            var lines = await File.ReadAllLinesAsync(Path.Combine(output, "talent-history.csv"), TestContext.Current.CancellationToken);
            var header = lines[0].TrimStart('\uFEFF').Split(';');
            History = [.. lines.Skip(1).Select(l => header.Zip(l.Split(';')).ToDictionary(p => p.First, p => p.Second))];
            Succession = await File.ReadAllLinesAsync(Path.Combine(output, "succession.txt"), TestContext.Current.CancellationToken);
        }

        public ValueTask DisposeAsync()
        {
            folder.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
