using Microsoft.Playwright;
using TalentReview.Domain.Demo;
using TalentReview.Domain.Planning;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;

namespace TalentReview.Web.Tests.Browser;

/// <summary>
/// HR's whole journey in the browser, the workflow running in virtual time: set up a cycle from a roster file, preview who
/// takes part, launch with the confirmation, follow the progress, nudge a manager, extend a deadline, download the export.
/// </summary>
public sealed class HrBrowserTests : EngineBrowserTest
{
    [Fact]
    public async Task Hr_sets_up_previews_launches_follows_nudges_a_manager_extends_a_deadline_and_downloads_the_export()
    {
        var organisation = DemoOrganisation.Generate(24, 5, new DateOnly(2025, 9, 30));
        var roster = organisation.ToRoster();
        var eligible = CyclePlan.Default("x", new DateOnly(2026, 1, 5), roster).Eligibility.Evaluate(roster).EligibleEmployeeIds.Count;
        var rosterFile = Path.Combine(Path.GetTempPath(), $"talentreview-roster-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(rosterFile, organisation.ToCsv());
        try
        {
            var page = await Browser.NewPageAsync();
            await page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { [Principals.Header] = Principals.For("hr-1", Roles.HrAdmin) });

            // Set-up: today's date in Brussels is offered as the start; HR names the cycle and its HR contact, and chooses the roster file.
            await page.GotoAsync(new Uri(App.BaseAddress, "/hr/cycles/new").ToString());
            await Assertions.Expect(page.Locator("#start")).ToHaveValueAsync("2026-01-05");
            await page.FillAsync("#name", "Talent review 2026 Meridia");
            await page.FillAsync("#hr", roster.Employees[0].Id);
            await page.SetInputFilesAsync("#roster", rosterFile);
            await page.ClickAsync("button[value=preview]");

            await Assertions.Expect(page.Locator("#preview ~ p.lead")).ToHaveTextAsync($"{eligible} of {roster.Count} employees are eligible; {roster.Count - eligible} are not.");
            await Assertions.Expect(page.Locator("#groups")).Not.ToBeEmptyAsync();
            await page.CheckAsync("input[name=confirm]");
            await page.ClickAsync("button[value=launch]");
            await page.WaitForURLAsync("**/hr/cycles/c*");
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Talent review 2026 Meridia");

            // A week on, manager input is open: the console counts it and HR nudges the first manager still waiting.
            await App.Engine.RunUntilIdleAdvancingTimeAsync(until: TestApp.Start.AddDays(8));
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("p.lead")).ToHaveTextAsync("As of 13 January 2026.");
            var selfRow = page.Locator("tr", new() { Has = page.Locator("th", new() { HasTextString = "Self-assessment" }) }).First;
            await Assertions.Expect(selfRow).ToContainTextAsync("18 January 2026");
            await Assertions.Expect(selfRow.Locator("td").Nth(1)).ToHaveTextAsync(eligible.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var managerRow = page.Locator("tr", new() { Has = page.Locator(":scope > td > form > input[name=target][value=Manager]") }).First;
            var managerName = (await managerRow.Locator(":scope > th[scope=row]").TextContentAsync())!.Trim();
            await managerRow.Locator(":scope > td > form button", new() { HasTextString = "Nudge now" }).ClickAsync();
            await Assertions.Expect(page.Locator("p.notice")).ToHaveTextAsync("The reminder was sent, with the deadline and a fresh link.");
            managerRow = page.Locator("tr", new() { Has = page.Locator($":scope > th:text-is('{managerName}')") }).First;
            await Assertions.Expect(managerRow).ToContainTextAsync("on 13 January 2026 09:00");
            var manager = roster.Employees.Single(e => e.Name == managerName);
            // In the manager's own language, with the deadline as the organisation reads it.
            var deadline = new DateOnly(2026, 1, 25).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo(manager.Language switch
            {
                Domain.Language.Nl => "nl-BE",
                Domain.Language.Fr => "fr-BE",
                _ => "en-GB",
            }));
            var reminder = Assert.Single(App.Mailbox.For(manager.Email), e => e.Categories.Contains("ManagerReminder"));
            Assert.Contains(deadline, reminder.Text, StringComparison.Ordinal);

            // The manager input deadline moves a few days later.
            await page.SelectOptionAsync("#step", "ManagerInput");
            await page.FillAsync("#newDeadline", "2026-01-28");
            await page.ClickAsync("button:text-is('Extend')");
            await Assertions.Expect(page.Locator("p.notice")).ToHaveTextAsync("The deadline was extended.");
            var inputRow = page.Locator("tr", new() { Has = page.Locator("th", new() { HasTextString = "Manager input" }) }).First;
            await Assertions.Expect(inputRow).ToContainTextAsync("28 January 2026");

            // The export the page links downloads as a file (fetched with the browser's session), labelled in words, with the people in it.
            var href = await page.Locator("a", new() { HasTextString = "Results (CSV)" }).GetAttributeAsync("href");
            var response = await page.Context.APIRequest.GetAsync(new Uri(App.BaseAddress, href).ToString());
            Assert.Equal(200, response.Status);
            Assert.StartsWith("attachment", response.Headers["content-disposition"], StringComparison.Ordinal);
            var exported = await response.TextAsync();
            Assert.Contains(managerName, exported, StringComparison.Ordinal);
            Assert.DoesNotContain("SelfAssessment", exported, StringComparison.Ordinal);
            await BrowserSession.ScreenshotAsync(page, "hr-console");
        }
        finally
        {
            File.Delete(rosterFile);
        }
    }
}
