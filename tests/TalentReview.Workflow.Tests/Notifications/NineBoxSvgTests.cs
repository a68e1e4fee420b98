using System.Globalization;
using System.Xml.Linq;
using TalentReview.Domain;
using TalentReview.Domain.NineBox;
using TalentReview.Workflow.Notifications;

namespace TalentReview.Workflow.Tests.Notifications;

public sealed class NineBoxSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>24 people: Core player 10 (41,7 %), Star 2 (8,3 %), Trusted expert 12 (50 %), the other boxes empty.</summary>
    private static readonly IReadOnlyList<NineBoxCell> Cells = [.. Enum.GetValues<GridBox>().Select(box =>
    {
        var position = GridPosition.Of(box);
        var count = box switch { GridBox.CorePlayer => 10, GridBox.Star => 2, GridBox.TrustedExpert => 12, _ => 0 };
        return new NineBoxCell((int)position.Performance + 1, (int)position.Potential + 1, box.ToString(), count, Math.Round(100.0 * count / 24, 1), box == GridBox.Star ? null : 10);
    })];

    [Theory]
    [InlineData(Language.En, "Star", "Core player", "2 · 8.3%", "10 · 41.7%", "guidance 10%")]
    [InlineData(Language.Nl, "Ster", "Kernspeler", "2 · 8,3\u00A0%", "10 · 41,7\u00A0%", "richtwaarde 10\u00A0%")]
    [InlineData(Language.Fr, "Étoile", "Pilier", "2 · 8,3\u00A0%", "10 · 41,7\u00A0%", "référence 10\u00A0%")]
    public void Render_EachBox_ShowsItsNameCountAndShareAgainstGuidanceInTheReadersLanguage(
        Language language, string star, string core, string starFigures, string coreFigures, string coreGuidance)
    {
        var grid = XElement.Parse(NineBoxSvg.Render("g", Cells, Words(language)));

        Assert.Equal(9, grid.Descendants(Svg + "g").Count(g => g.Attribute("data-box") is not null));
        Assert.Equal([star, starFigures], Texts(grid, "Star"));
        Assert.Equal([core, coreFigures, coreGuidance], Texts(grid, "CorePlayer"));
        Assert.Equal(Words(language).BoxName("TalentRisk"), Texts(grid, "TalentRisk")[0]);
        Assert.StartsWith("0 · 0", Texts(grid, "TalentRisk")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IsAnAccessibleImageWithTitleDescriptionAndNamedAxisLevels()
    {
        var grid = XElement.Parse(NineBoxSvg.Render("org", Cells, Words(Language.En)));

        Assert.Equal("img", grid.Attribute("role")?.Value);
        Assert.Equal("org-title org-desc", grid.Attribute("aria-labelledby")?.Value);
        Assert.Equal("Grid", grid.Element(Svg + "title")?.Value);
        Assert.Equal("org-title", grid.Element(Svg + "title")?.Attribute("id")?.Value);
        Assert.Equal("24 people", grid.Element(Svg + "desc")?.Value);
        var loose = grid.Elements(Svg + "text").Select(t => t.Value).ToList();
        Assert.Equal(2, loose.Count(t => t == "low"));
        Assert.Equal(2, loose.Count(t => t == "high"));
        Assert.Contains("Performance →", loose);
        Assert.Contains("Potential →", loose);
        Assert.Contains("Share:", loose);
        Assert.Contains("≥ 35%", loose);
    }

    [Fact]
    public void Render_ShadesAShareDarkerTheLargerItIsAndKeepsItsTextReadable()
    {
        var grid = XElement.Parse(NineBoxSvg.Render("g", Cells, Words(Language.En)));

        Assert.Equal("#f3f4f6", Fill(grid, "Dilemma"));
        Assert.Equal("#dbeafe", Fill(grid, "Star"));
        Assert.Equal("#1e3a8a", Fill(grid, "CorePlayer"));
        Assert.Equal("#1e3a8a", Fill(grid, "TrustedExpert"));
        Assert.All(Box(grid, "CorePlayer").Elements(Svg + "text"), t => Assert.Equal("#ffffff", t.Attribute("fill")?.Value));
        Assert.All(Box(grid, "Star").Elements(Svg + "text"), t => Assert.Equal("#111827", t.Attribute("fill")?.Value));
    }

    [Fact]
    public void Render_EscapesEveryTextAndLink()
    {
        var words = Words(Language.En) with
        {
            Title = "<script>alert(1)</script> & \"co\"",
            BoxName = code => code == "Star" ? "Stars & <b>'best'</b>" : code,
        };

        var svg = NineBoxSvg.Render("x\"y", Cells, words, cell => cell.Label == "Star" ? "?box=Star&x=\"><script>" : null);
        var grid = XElement.Parse(svg);

        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", svg, StringComparison.Ordinal);
        Assert.Equal("<script>alert(1)</script> & \"co\"", grid.Element(Svg + "title")?.Value);
        Assert.Equal("Stars & <b>'best'</b>", Texts(grid, "Star")[0]);
        Assert.Equal("?box=Star&x=\"><script>", grid.Descendants(Svg + "a").Single().Attribute("href")?.Value);
        Assert.Equal("x\"y-title", grid.Element(Svg + "title")?.Attribute("id")?.Value);
    }

    [Fact]
    public void Render_LinksOnlyTheBoxesItIsGivenALinkFor()
    {
        var grid = XElement.Parse(NineBoxSvg.Render("g", Cells, Words(Language.En), cell => cell.Count > 0 ? $"?box={cell.Label}" : null));

        // Drawn top row first: high potential, then performance from low to high.
        Assert.Equal(["?box=Star", "?box=CorePlayer", "?box=TrustedExpert"], grid.Descendants(Svg + "a").Select(a => a.Attribute("href")!.Value));
    }

    private static NineBoxSvgWords Words(Language language)
    {
        var culture = CultureInfo.GetCultureInfo(language switch { Language.Nl => "nl-BE", Language.Fr => "fr-BE", _ => "en-GB" });
        var guidance = language switch { Language.Nl => "richtwaarde", Language.Fr => "référence", _ => "guidance" };
        return new NineBoxSvgWords(
            "Grid",
            "24 people",
            "Performance",
            "Potential",
            ["low", "medium", "high"],
            guidance,
            "Share:",
            code => BoxLabels.Default.For(Enum.Parse<GridBox>(code), language).Name,
            count => count.ToString("N0", culture),
            percent => percent.ToString("0.#", culture) + (language == Language.En ? "%" : "\u00A0%"));
    }

    private static XElement Box(XElement grid, string box) => grid.Descendants(Svg + "g").Single(g => g.Attribute("data-box")?.Value == box);

    private static List<string> Texts(XElement grid, string box) => [.. Box(grid, box).Elements(Svg + "text").Select(t => t.Value)];

    private static string? Fill(XElement grid, string box) => Box(grid, box).Element(Svg + "rect")?.Attribute("fill")?.Value;
}
