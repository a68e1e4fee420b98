using System.Net;
using System.Text.RegularExpressions;
using TalentReview.Domain;
using TalentReview.Domain.Demo;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Links;

/// <summary>What the committee reads in the fairness view of its board: shares by group against the whole group, small groups hidden.</summary>
public sealed partial class FairnessViewTests : IAsyncLifetime
{
    private const string CycleId = "c2026fair";
    private const string GroupId = "g1";

    private static readonly Contact Calibrator = new("hr-1", "Hanne Peeters", "hanne.peeters@meridia.example", Language.En);

    private TestApp app = null!;

    public async ValueTask InitializeAsync() => app = await TestApp.StartAsync();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    /// <summary>
    /// 35 placed: 20 under 30 (half of them high potential) and 15 aged 45 and over (a third high potential);
    /// 18 women and 17 men; 3 part-timers.
    /// </summary>
    private async Task<string> SeedAsync()
    {
        GridBox[] young = [.. Enumerable.Repeat(GridBox.Star, 5), .. Enumerable.Repeat(GridBox.EmergingTalent, 5), .. Enumerable.Repeat(GridBox.Dilemma, 5), .. Enumerable.Repeat(GridBox.TalentRisk, 5)];
        GridBox[] older = [.. Enumerable.Repeat(GridBox.TrustedExpert, 5), .. Enumerable.Repeat(GridBox.CorePlayer, 5), .. Enumerable.Repeat(GridBox.RoughDiamond, 5)];
        var boxes = young.Concat(older).ToList();
        var generated = DemoOrganisation.Generate(60, 11, new DateOnly(2025, 12, 31)).ToRoster().Employees;
        var members = generated.Where(e => e.ManagerId is not null).Take(boxes.Count).ToList();
        var details = members.Select((e, i) => e with
        {
            BirthYear = i < young.Length ? 2000 : 1975,
            Gender = i % 2 == 0 ? Gender.Female : Gender.Male,
            PartTime = i < 3,
            WorkingTimePercent = i < 3 ? 60 : 100,
        }).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var roster = Roster.Create(generated.Select(e => details.GetValueOrDefault(e.Id) ?? e)).Roster!;

        var plan = CyclePlan.Default("Review 2026", DateOnly.FromDateTime(TestApp.Start.UtcDateTime), roster, [Calibrator.Id]);
        var sorted = roster.Employees.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var firstIds = sorted.Where((_, i) => i % ReviewStore.RosterChunkSize == 0).Select(e => e.Id).ToList();
        await app.Reviews.WriteNewCycleAsync(
            new CycleDocument(CycleId, plan.Name, plan, CycleState.Running, TestApp.Start, "hr-1", [Calibrator], [Calibrator], sorted.Count, firstIds), sorted);
        for (var i = 0; i < members.Count; i++)
        {
            var e = members[i];
            await app.Reviews.UpsertParticipantAsync(new ParticipantDocument(
                CycleId, e.Id, e.Name, e.Email, Language.En, e.Department, e.JobTitle, e.Level, GroupId, i, e.ManagerId, null,
                StepState.Pending, StepState.Submitted, $"self{i}", $"input{i}", $"out{i}"));
        }

        await app.Reviews.UpdateGroupAsync(CycleId, GroupId, _ => new CalibrationGroupDocument(CycleId, GroupId, "Operations", [Calibrator], members.Count, 1, GroupPhase.Calibrating));
        await app.Reviews.UpsertCardsAsync(new CalibrationChunkDocument(CycleId, GroupId, 0, [.. members.Select((e, i) => new CalibrationCard(
            e.Id, e.ManagerId, GridPosition.Of(boxes[i]), GridPosition.Of(boxes[i]), []))]));
        return TestApp.PathOf(app.Links.Board(CycleId, GroupId, Calibrator.Id, TestApp.Start.AddDays(40)));
    }

    /// <summary>Each table row as the committee reads it: cells' text separated by single spaces.</summary>
    private static List<string> Rows(string html, string tableTitle)
    {
        var start = html.IndexOf($">{tableTitle}</h3>", StringComparison.Ordinal);
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        return [.. RowPattern().Matches(table).Select(m => WebUtility.HtmlDecode(Spaces().Replace(Tags().Replace(m.Value, " "), " ").Trim()))];
    }

    [Fact]
    public async Task The_committee_reads_each_age_band_against_the_whole_group_and_no_small_group()
    {
        var path = await SeedAsync();
        using var client = app.CreateClient();

        var html = await client.GetPageAsync(path);

        Assert.Contains("Fairness: distribution by group", html, StringComparison.Ordinal);
        Assert.Contains("A number under 5 people is hidden (—), and so is any number it could be worked out from. Ages in 2026.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal(
        [
            "Performance Potential",
            "Age band People High Moderate Low High Moderate Low",
            "Whole group 35 29% 29% 43% 43% 29% 29%",
            "Under 30 20 25% (-4) 25% (-4) 50% (+7) 50% (+7) 25% (-4) 25% (-4)",
            "45 and over 15 33% (+4) 33% (+4) 33% (-10) 33% (-10) 33% (+4) 33% (+4)",
        ], Rows(html, "Age band"));

        // Three part-timers: hidden, and the full-timers with them, as 35 - 32 would give them away.
        Assert.Contains("Part-time — — — — — — —", Rows(html, "Working time"));
        Assert.Contains("Full-time — — — — — — —", Rows(html, "Working time"));
        Assert.Contains(Rows(html, "Gender"), r => r.StartsWith("Female 18 ", StringComparison.Ordinal));
        Assert.Contains(Rows(html, "Gender"), r => r.StartsWith("Male 17 ", StringComparison.Ordinal));

        // Nobody's own details are on the page: no birth year, no working time.
        Assert.DoesNotContain("1975", html, StringComparison.Ordinal);
        Assert.DoesNotContain("2000", html, StringComparison.Ordinal);
        Assert.DoesNotContain("60%", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<tr[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
