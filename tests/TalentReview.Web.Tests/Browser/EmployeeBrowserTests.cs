using Microsoft.Playwright;
using TalentReview.Web.Tests.Support;

namespace TalentReview.Web.Tests.Browser;

public sealed class EmployeeBrowserTests : IAsyncLifetime
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
    public async Task An_employee_without_javascript_fixes_a_rejected_field_and_submits_the_self_assessment()
    {
        var seed = await CycleSeed.WriteAsync(app.Reviews);
        var participant = (await app.Reviews.GetParticipantAsync(CycleSeed.CycleId, seed.Employee.Id))!;
        var link = app.Links.SelfAssessment(participant, TestApp.Start.AddDays(14));
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Locale = "en-GB" });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, TestApp.PathOf(link)).ToString());

        await page.GetByLabel("Objective or KPI").First.FillAsync("Shorten the month-end close");
        await page.GetByLabel("Result").First.SelectOptionAsync("Met");
        await page.GetByLabel("Evidence (facts, figures, examples)").First.FillAsync("Closed in 5 days instead of 8 from June on.");
        await page.Locator("input[name=overallSelfRating][value='4']").CheckAsync();
        await page.GetByLabel("Career wish", new() { Exact = false }).First.SelectOptionAsync("HorizontalMove");
        await page.GetByLabel("Mobility").SelectOptionAsync("WithinBelgium");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();

        // Main achievements were left empty: the summary links to the field, and what was typed is still there.
        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToContainTextAsync("Main achievements");
        await Assertions.Expect(page.GetByLabel("Objective or KPI").First).ToHaveValueAsync("Shorten the month-end close");
        await BrowserSession.ScreenshotAsync(page, "self-assessment-rejected");
        await summary.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.Locator("#f-achievements").FillAsync("Automated the supplier reconciliation.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("has been submitted");
        await BrowserSession.ScreenshotAsync(page, "self-assessment-submitted");
        var stored = await app.Reviews.GetSelfAssessmentAsync(CycleSeed.CycleId, seed.Employee.Id);
        Assert.Equal("Automated the supplier reconciliation.", stored?.Submitted?.Achievements);
    }
}
