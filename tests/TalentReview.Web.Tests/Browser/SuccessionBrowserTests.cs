using Microsoft.Playwright;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;

namespace TalentReview.Web.Tests.Browser;

/// <summary>HR marks a critical role in the browser, confirms successors from the suggestions of the last calibration, and unmarks it.</summary>
public sealed class SuccessionBrowserTests : IAsyncLifetime
{
    private TestApp app = null!;
    private BrowserSession browser = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync();
        await SuccessionSeed.WriteAsync(app.Reviews, TestApp.Start.AddDays(-90));
        browser = await BrowserSession.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        await app.DisposeAsync();
    }

    private async Task<IPage> SignedInAsync(string id, string role)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            ExtraHTTPHeaders = new Dictionary<string, string> { [Principals.Header] = Principals.For(id, role) },
        });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task A_critical_role_shows_its_successors_with_their_readiness_and_is_flagged_until_someone_is_ready_now()
    {
        var page = await SignedInAsync("hr-1", Roles.HrAdmin);
        await page.GotoAsync(new Uri(app.BaseAddress, "/hr/talent/critical-roles").ToString());
        await Assertions.Expect(page.Locator("#coverage")).ToHaveTextAsync("0 of 0 critical roles have a successor ready now (—).");

        // Mark the CFO's role as critical.
        await page.GetByLabel("Incumbent").SelectOptionAsync(new SelectOptionValue { Label = "Ines Claes — Chief Financial Officer, Finance (A1)" });
        await page.GetByLabel("Risk of loss").SelectOptionAsync(new SelectOptionValue { Label = "Medium" });
        await page.GetByLabel("Impact of loss").SelectOptionAsync(new SelectOptionValue { Label = "High" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as critical" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Chief Financial Officer: succession");
        await Assertions.Expect(page.Locator("#role-facts")).ToContainTextAsync("Ines Claes");
        await Assertions.Expect(page.Locator("#nobody-ready")).ToHaveTextAsync("Nobody is ready now to take over this role.");
        await Assertions.Expect(page.Locator("#bench")).ToHaveTextAsync("No successors: 0 ready now, 0 in 1–2 years, 0 in 3 years or more");
        var suggestions = page.Locator("#suggestions tbody tr");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Suggested from the calibration of Review 2026" })).ToBeVisibleAsync();
        await Assertions.Expect(suggestions.Locator("th")).ToHaveTextAsync(["Lucas Janssens", "Sophie Dubois", "Noah Peeters"]);
        await Assertions.Expect(suggestions.Nth(0)).ToContainTextAsync("Star");
        await Assertions.Expect(suggestions.Nth(1)).ToContainTextAsync("Promotion");

        // The incumbent cannot be nominated as her own successor.
        await page.GetByLabel("Employee id").FillAsync("E100");
        await page.Locator("#nominee-readiness").SelectOptionAsync(new SelectOptionValue { Label = "Ready now" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Nominate" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Employee id: the incumbent cannot be their own successor.");
        await Assertions.Expect(page.GetByLabel("Employee id")).ToHaveValueAsync("E100");

        // Sophie is confirmed as suggested (in one to two years): still nobody ready now.
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm Sophie Dubois as successor" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The change was saved.");
        await Assertions.Expect(page.Locator("#successors tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#successors tbody tr").Nth(0)).ToContainTextAsync("Sophie Dubois");
        await Assertions.Expect(page.Locator("#successors tbody tr .readiness")).ToHaveTextAsync(["Ready in 1–2 years"]);
        await Assertions.Expect(page.Locator("#nobody-ready")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#bench")).ToHaveTextAsync("Weak: 0 ready now, 1 in 1–2 years, 0 in 3 years or more");

        // Lucas is confirmed ready now: the flag goes, and he leads the bench.
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm Lucas Janssens as successor" }).ClickAsync();
        await Assertions.Expect(page.Locator("#successors tbody tr th")).ToHaveTextAsync(["Lucas Janssens", "Sophie Dubois"]);
        await Assertions.Expect(page.Locator("#successors tbody tr .readiness")).ToHaveTextAsync(["Ready now", "Ready in 1–2 years"]);
        await Assertions.Expect(page.Locator("#nobody-ready")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#bench")).ToHaveTextAsync("Adequate: 1 ready now, 1 in 1–2 years, 0 in 3 years or more");
        await Assertions.Expect(page.Locator("#suggestions tbody tr th")).ToHaveTextAsync(["Noah Peeters"]);
        await BrowserSession.ScreenshotAsync(page, "critical-role");

        await page.GetByRole(AriaRole.Link, new() { Name = "Critical roles" }).ClickAsync();
        await Assertions.Expect(page.Locator("#coverage")).ToHaveTextAsync("1 of 1 critical roles have a successor ready now (100%).");
        await Assertions.Expect(page.Locator("#critical-roles tbody tr")).ToContainTextAsync("Adequate: 1 ready now, 1 in 1–2 years, 0 in 3 years or more");
        await Assertions.Expect(page.Locator("#critical-roles .flag")).ToHaveCountAsync(0);

        // The role is no longer critical: HR unmarks it with a reason once confirmed; the nominations close and stay readable.
        await page.GetByRole(AriaRole.Link, new() { Name = "Chief Financial Officer" }).ClickAsync();
        await page.Locator("#unmark-reason").FillAsync("Merged with Treasury.");
        await page.GetByLabel("I confirm that this role is no longer critical").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Unmark the role" }).ClickAsync();
        await Assertions.Expect(page.Locator("#unmarked")).ToHaveTextAsync("This role is no longer critical: it was unmarked on 5 January 2026 by hr-1. Reason: Merged with Treasury.");
        await Assertions.Expect(page.Locator("#closed-nominations tbody tr th")).ToHaveTextAsync(["Lucas Janssens", "Sophie Dubois"]);
        await Assertions.Expect(page.Locator("main form")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Critical roles" }).ClickAsync();
        await Assertions.Expect(page.Locator("#coverage")).ToHaveTextAsync("0 of 0 critical roles have a successor ready now (—).");
    }

    [Fact]
    public async Task Leadership_reads_a_critical_role_and_its_flag_without_any_form_to_change_it()
    {
        var hr = await SignedInAsync("hr-1", Roles.HrAdmin);
        await hr.GotoAsync(new Uri(app.BaseAddress, "/hr/talent/critical-roles").ToString());
        await hr.GetByLabel("Incumbent").SelectOptionAsync(new SelectOptionValue { Label = "Ines Claes — Chief Financial Officer, Finance (A1)" });
        await hr.GetByLabel("Risk of loss").SelectOptionAsync(new SelectOptionValue { Label = "High" });
        await hr.GetByLabel("Impact of loss").SelectOptionAsync(new SelectOptionValue { Label = "High" });
        await hr.GetByRole(AriaRole.Button, new() { Name = "Mark as critical" }).ClickAsync();
        await hr.GetByRole(AriaRole.Button, new() { Name = "Confirm Noah Peeters as successor" }).ClickAsync();
        await Assertions.Expect(hr.GetByRole(AriaRole.Status)).ToHaveTextAsync("The change was saved.");

        var leader = await SignedInAsync("lead-1", Roles.Leadership);
        await leader.GotoAsync(new Uri(app.BaseAddress, "/hr/talent/critical-roles").ToString());
        await Assertions.Expect(leader.Locator("#critical-roles tbody tr")).ToContainTextAsync("Nobody ready now");
        await leader.GetByRole(AriaRole.Link, new() { Name = "Chief Financial Officer" }).ClickAsync();

        await Assertions.Expect(leader.Locator("#successors tbody tr")).ToHaveTextAsync([new System.Text.RegularExpressions.Regex("Noah Peeters\\s*Ready in 3 years or more")]);
        await Assertions.Expect(leader.Locator("#nobody-ready")).ToHaveTextAsync("Nobody is ready now to take over this role.");
        await Assertions.Expect(leader.Locator("main form")).ToHaveCountAsync(0);
        await Assertions.Expect(leader.GetByText("You can read this page; only HR can change it.")).ToBeVisibleAsync();
    }
}
