using Microsoft.Playwright;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;

namespace TalentReview.Web.Tests.Browser;

/// <summary>A talent profile with its trend over three cycles, as HR and as a manager of the person's line see it in a browser.</summary>
public sealed class TalentProfileBrowserTests : IAsyncLifetime
{
    private TestApp app = null!;
    private BrowserSession browser = null!;
    private TalentSeed seed = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync();
        seed = await TalentSeed.WriteAsync(app);
        browser = await BrowserSession.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        await app.DisposeAsync();
    }

    [Fact]
    public async Task HR_opens_a_persons_profile_from_the_list_and_reads_the_trend_over_three_cycles()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-GB",
            ExtraHTTPHeaders = new Dictionary<string, string> { [Principals.Header] = Principals.For("hr-1", Roles.HrAdmin), ["Accept-Language"] = "en-GB" },
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, "/hr/talent").ToString());

        await page.GetByRole(AriaRole.Link, new() { Name = seed.Person.Name, Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Talent profile of {seed.Person.Name}");
        Assert.DoesNotContain(seed.Person.Id, page.Url, StringComparison.Ordinal);
        var rows = page.Locator("table.trend tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Review 2025");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("14 February 2025");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("High performer");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Down");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Star");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Up");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Promotion");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("17 February 2023");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("Core player");
        await Assertions.Expect(rows.Nth(2)).ToContainTextAsync("1 of 2 held");

        // The small grid marks one box per cycle; the words beside it say which.
        await Assertions.Expect(rows.Nth(1).Locator(".trend-grid span.on")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByText("17 May 2023: held on 22 May 2023")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "talent-profile-hr");
    }

    [Fact]
    public async Task A_manager_follows_a_profile_link_from_the_released_team_outcomes_and_reads_it_in_their_language()
    {
        var team = app.Links.TeamOutcomes(Support.CycleSeed.CycleId, seed.Cycle.Manager.Id, TestApp.Start.AddDays(40));
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, TestApp.PathOf(team)).ToString());

        await page.GetByRole(AriaRole.Link, new() { Name = $"Profile of {seed.Person.Name}" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Talent profile of {seed.Person.Name}");
        await Assertions.Expect(page.Locator("table.trend tbody tr").Nth(1)).ToContainTextAsync("16 February 2024");
        await Assertions.Expect(page.GetByText("Readiness: Ready now for a next step")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "talent-profile-manager");
    }
}
