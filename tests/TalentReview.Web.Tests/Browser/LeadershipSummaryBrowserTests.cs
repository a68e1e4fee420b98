using Microsoft.Playwright;
using TalentReview.Domain;
using TalentReview.Web.Tests.Support;

namespace TalentReview.Web.Tests.Browser;

public sealed class LeadershipSummaryBrowserTests : IAsyncLifetime
{
    private TestApp app = null!;
    private BrowserSession browser = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync();
        browser = await BrowserSession.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Leadership_reads_the_grid_in_dutch_and_opens_the_people_of_a_box()
    {
        var seed = await SummaryGridSeed.WriteAsync(app.Reviews);
        await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with { Leadership = [c.Leadership[0] with { Language = Language.Nl }] });
        var link = app.Links.LeadershipSummary(CycleSeed.CycleId, "hr-1", TestApp.Start.AddDays(60));
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, TestApp.PathOf(link)).ToString());

        var grid = page.GetByRole(AriaRole.Img, new() { Name = "Negenvakmatrix: hele organisatie" });
        await Assertions.Expect(grid).ToBeVisibleAsync();
        var core = grid.Locator("g[data-box=CorePlayer]");
        var others = seed.Population - 1;
        await Assertions.Expect(core.Locator("text").First).ToHaveTextAsync("Kernspeler");
        await Assertions.Expect(core.Locator("text[data-part=figures]")).ToHaveTextAsync($"{others} · {Share(others, seed.Population)}\u00A0%");
        await Assertions.Expect(grid.Locator("g[data-box=Star] text[data-part=figures]")).ToHaveTextAsync($"1 · {Share(1, seed.Population)}\u00A0%");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Per kalibratiegroep" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Negenvakmatrix: Operations" })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "leadership-summary-grid");

        await core.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?box=CorePlayer#people$"));
        var people = page.Locator("#people");
        await Assertions.Expect(people.GetByRole(AriaRole.Heading)).ToHaveTextAsync($"In het vak Kernspeler: {others}");
        var rows = people.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(others);
        var first = seed.Cycle.Reports.Skip(1).Select(r => r.Name).Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-BE"), true)).First();
        await Assertions.Expect(rows.First).ToHaveTextAsync($"{first}OperationsGeen wijziging");
        await BrowserSession.ScreenshotAsync(page, "leadership-summary-drill-down");
    }

    private static string Share(int count, int population)
        => Math.Round(100m * count / population, 1).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("nl-BE"));
}
