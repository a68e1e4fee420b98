using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using TalentReview.Domain;
using TalentReview.Web.Localization;
using TalentReview.Web.Tests.Support;

namespace TalentReview.Web.Tests.Links;

public sealed partial class SummaryGridPageTests : IAsyncLifetime
{
    private TestApp app = null!;
    private SummaryGridSeed seed = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync();
        seed = await SummaryGridSeed.WriteAsync(app.Reviews);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Theory]
    [InlineData(Language.En, "Nine-box grid: whole organisation", "Star", "Core player", "guidance", "Performance", "Potential", "Per calibration group")]
    [InlineData(Language.Nl, "Negenvakmatrix: hele organisatie", "Ster", "Kernspeler", "richtwaarde", "Prestaties", "Potentieel", "Per kalibratiegroep")]
    [InlineData(Language.Fr, "Grille à neuf cases : toute l'organisation", "Étoile", "Pilier", "référence", "Performance", "Potentiel", "Par groupe de calibrage")]
    public async Task The_summary_shows_the_grid_as_an_svg_heat_map_for_the_cycle_and_per_group_in_the_readers_language(
        Language language, string title, string star, string core, string guidance, string performance, string potential, string perGroup)
    {
        var html = await PageAsync(language, "");
        var grids = Grids(html);

        Assert.Equal(2, grids.Count);
        var organisation = grids[0];
        Assert.Equal("img", organisation.Attribute("role")?.Value);
        Assert.Equal(title, organisation.Element(Svg + "title")?.Value);
        Assert.Contains(seed.Population.ToString(CultureInfo.InvariantCulture), organisation.Element(Svg + "desc")?.Value, StringComparison.Ordinal);
        var others = seed.Population - 1;
        Assert.Equal($"1 · {Share(1, language)}", Figures(organisation, "Star"));
        Assert.Equal($"{others} · {Share(others, language)}", Figures(organisation, "CorePlayer"));
        Assert.Equal($"0 · {Share(0, language)}", Figures(organisation, "TalentRisk"));
        Assert.Equal($"{guidance} {Percent(seed.StarGuidance, language)}", Part(organisation, "Star", "guidance"));
        Assert.Equal(star, BoxText(organisation, "Star")[0]);
        Assert.Equal(core, BoxText(organisation, "CorePlayer")[0]);
        var texts = organisation.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains($"{performance} →", texts);
        Assert.Contains($"{potential} →", texts);
        Assert.Contains(Texts.High[language], texts);

        // The group's own grid under its name, with the same numbers since the cycle has one group.
        Assert.Contains($"<h2>{perGroup}</h2>", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Operations", grids[1].Element(Svg + "title")?.Value, StringComparison.Ordinal);
        Assert.Equal($"{others} · {Share(others, language)}", Figures(grids[1], "CorePlayer"));
        Assert.Empty(grids[1].Descendants(Svg + "a"));
    }

    [Theory]
    [InlineData(Language.En, "In the box Core player:", "Operations", "No change")]
    [InlineData(Language.Nl, "In het vak Kernspeler:", "Operations", "Geen wijziging")]
    [InlineData(Language.Fr, "Dans la case Pilier :", "Operations", "Pas de changement")]
    public async Task A_box_of_the_grid_lists_its_people_with_group_and_decision(Language language, string heading, string group, string noChange)
    {
        var overview = await PageAsync(language, "");
        var link = Grids(overview)[0].Descendants(Svg + "a").Single(a => a.Element(Svg + "g")?.Attribute("data-box")?.Value == "CorePlayer");
        Assert.Equal("?box=CorePlayer#people", link.Attribute("href")?.Value);

        var html = System.Net.WebUtility.HtmlDecode(await PageAsync(language, "?box=CorePlayer"));

        Assert.Contains($"{heading} {seed.Population - 1}", html, StringComparison.Ordinal);
        foreach (var report in seed.Cycle.Reports.Skip(1))
        {
            Assert.Contains($"<tr><th scope=\"row\">{report.Name}</th><td>{group}</td><td>{noChange}</td></tr>", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain($"<th scope=\"row\">{seed.Cycle.Reports[0].Name}</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_star_box_lists_the_star_with_the_merit_increase_and_an_unknown_box_is_named_as_such()
    {
        var star = System.Net.WebUtility.HtmlDecode(await PageAsync(Language.En, "?box=Star"));
        Assert.Contains($"<tr><th scope=\"row\">{seed.Cycle.Reports[0].Name}</th><td>Operations</td><td>Merit increase</td></tr>", star, StringComparison.Ordinal);

        var combined = System.Net.WebUtility.HtmlDecode(await PageAsync(Language.En, "?box=TalentRisk,Dilemma"));
        Assert.Contains("\"TalentRisk,Dilemma\" is not a box of the grid", combined, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2 id=\"people-title\">", combined, StringComparison.Ordinal);

        var unknown = System.Net.WebUtility.HtmlDecode(await PageAsync(Language.En, "?box=%3Cb%3E9"));
        Assert.Contains("\"<b>9\" is not a box of the grid", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>9", await PageAsync(Language.En, "?box=%3Cb%3E9"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_summary_link_made_out_to_someone_outside_leadership_and_hr_shows_no_drill_down()
    {
        using var client = app.CreateClient();
        var link = app.Links.LeadershipSummary(CycleSeed.CycleId, seed.Cycle.Manager.Id, TestApp.Start.AddDays(60));

        using var response = await client.GetAsync(new Uri(TestApp.PathOf(link) + "?box=CorePlayer", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain(seed.Cycle.Reports[1].Name, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
    }

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private async Task<string> PageAsync(Language language, string query)
    {
        await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with { Leadership = [c.Leadership[0] with { Language = language }] });
        using var client = app.CreateClient();
        return await client.GetPageAsync(TestApp.PathOf(app.Links.LeadershipSummary(CycleSeed.CycleId, "hr-1", TestApp.Start.AddDays(60))) + query);
    }

    private static List<XElement> Grids(string html)
        => [.. SvgElements().Matches(html).Select(m => XElement.Parse(m.Value))];

    private static string? Part(XElement grid, string box, string part)
        => grid.Descendants(Svg + "g").Single(g => g.Attribute("data-box")?.Value == box)
            .Elements(Svg + "text").SingleOrDefault(t => t.Attribute("data-part")?.Value == part)?.Value;

    private static string? Figures(XElement grid, string box) => Part(grid, box, "figures");

    private static List<string> BoxText(XElement grid, string box)
        => [.. grid.Descendants(Svg + "g").Single(g => g.Attribute("data-box")?.Value == box).Elements(Svg + "text").Select(t => t.Value)];

    private string Share(int count, Language language) => Percent(Math.Round(100m * count / seed.Population, 1), language);

    private static string Percent(decimal value, Language language)
        => value.ToString("0.#", Cultures.For(language)) + (language == Language.En ? "%" : "\u00A0%");

    [GeneratedRegex("<svg .*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgElements();
}
