using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using TalentReview.Domain.Demo;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Links;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Browser;

/// <summary>The whole path a manager takes: HR launches over the API, the workflow runs in virtual time, the manager acts from the emailed link.</summary>
public sealed class ManagerBrowserTests : EngineBrowserTest
{
    [Fact]
    public async Task A_manager_opens_the_team_page_from_the_emailed_link_and_submits_two_reports()
    {
        var organisation = DemoOrganisation.Generate(24, 5, new DateOnly(2025, 9, 30));
        using var hr = App.CreateClient();
        hr.DefaultRequestHeaders.Add(Principals.Header, Principals.For("hr-1", Roles.HrAdmin));
        using var launch = await hr.PostAsJsonAsync("/api/cycles", new
        {
            name = "Review 2026",
            start = "2026-01-05",
            rosterCsv = organisation.ToCsv(),
            hr = new[] { new { id = "hr-1", name = "Hanne Peeters", email = "hanne.peeters@meridia.example", language = "En" } },
            leadership = new[] { new { id = "lead-1", name = "Luc Janssens", email = "luc.janssens@meridia.example", language = "En" } },
            hrCalibrators = new[] { "hr-1" },
        });
        Assert.Equal(HttpStatusCode.Accepted, launch.StatusCode);
        var cycleId = (await launch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cycleId").GetString()!;

        // Virtual time runs until a manager with at least two reports has their digest.
        (string Link, TeamDocument Team)? digest = null;
        await App.Engine.RunUntilIdleAdvancingTimeAsync(until: TestApp.Start.AddDays(35), stopWhen: () => (digest = FindDigest(cycleId)) is not null);
        Assert.True(digest is not null, "No manager digest; captured: " + string.Join(", ", App.Mailbox.Snapshot().Select(e => string.Join('/', e.Categories))));
        var (link, team) = digest.Value;

        var page = await Browser.NewPageAsync();
        await page.GotoAsync(new Uri(App.BaseAddress, new Uri(link).AbsolutePath).ToString());
        await BrowserSession.ScreenshotAsync(page, "team-page");
        var reports = await ParticipantsAsync(cycleId, team.ManagerId);
        foreach (var report in reports.Take(2))
        {
            var section = page.Locator("section.report", new() { HasText = report.Name });
            await section.Locator("input[name='performance'][value='4']").CheckAsync();
            await section.Locator("input[name='potential.aspiration'][value='3']").CheckAsync();
            await section.Locator("input[name='potential.ability'][value='4']").CheckAsync();
            await section.Locator("input[name='potential.engagement'][value='4']").CheckAsync();
            // The page speaks the manager's language, so the test finds controls by their field names.
            await section.Locator("select[name=readiness]").SelectOptionAsync("InOneToTwoYears");
            await section.Locator("select[name=flightRisk]").SelectOptionAsync("Low");
            await section.Locator("select[name=recommendedOutcome]").SelectOptionAsync("DevelopmentPlan");
            await section.Locator("textarea[name=evidence]").FillAsync("Delivered the yearly objectives and coached two new colleagues.");
            await section.Locator("button[name=action][value=submit]").ClickAsync();
            await page.Locator("section.report", new() { HasText = report.Name }).GetByRole(AriaRole.Status).WaitForAsync();
        }

        foreach (var report in reports.Take(2))
        {
            var input = await App.Reviews.GetManagerInputAsync(cycleId, report.EmployeeId);
            Assert.Equal(4, input?.Submitted?.Performance);
            Assert.Equal(team.ManagerId, input?.SubmittedBy);
        }

        await App.Engine.WaitForIdleAsync();
        Assert.All(reports.Take(2), r => Assert.Equal(StepState.Submitted, App.Reviews.GetParticipantAsync(cycleId, r.EmployeeId).GetAwaiter().GetResult()?.ManagerInputState));
    }

    private (string Link, TeamDocument Team)? FindDigest(string cycleId)
    {
        foreach (var email in App.Mailbox.Snapshot().Where(e => e.Categories.Contains("ManagerDigest")))
        {
            foreach (var link in email.Links.Where(l => l.StartsWith(TestApp.PublicBaseUrl + "/l/", StringComparison.Ordinal)))
            {
                var claims = App.Signer.Verify(new Uri(link).AbsolutePath[3..], App.Clock.GetUtcNow()).Claims;
                if (claims is { Step: LinkStep.ManagerInput, Nonce: WorkflowLinks.TeamNonce }
                    && App.Reviews.GetTeamAsync(cycleId, claims.SubjectId).GetAwaiter().GetResult() is { ReportIds.Count: >= 2 } team)
                {
                    return (link, team);
                }
            }
        }

        return null;
    }

    private async Task<List<ParticipantDocument>> ParticipantsAsync(string cycleId, string managerId)
        => [.. (await App.Reviews.QueryParticipantsAsync(cycleId, new ParticipantFilter(ManagerId: managerId), null, 100)).Items.Select(i => i.Value).OrderBy(p => p.Name, StringComparer.Ordinal)];
}
