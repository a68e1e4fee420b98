using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TalentReview.Domain;
using TalentReview.Domain.Demo;
using TalentReview.Domain.NineBox;
using TalentReview.MailCapture;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Web.Tests.Browser;

/// <summary>
/// The gated release in the browser, the workflow running in virtual time: HR is refused while a group is not final,
/// releases to managers once it is; a manager reads the prompt to hold the conversation and the day employees are told;
/// HR releases to employees early; an employee acknowledges with a comment that HR and the manager read.
/// </summary>
public sealed class ReleaseBrowserTests : EngineBrowserTest
{
    [Fact]
    public async Task Hr_is_refused_until_final_then_managers_hold_the_conversation_before_employees_acknowledge()
    {
        var organisation = DemoOrganisation.Generate(24, 5, new DateOnly(2025, 9, 30));
        var roster = organisation.ToRoster();
        using var api = App.CreateClient();
        api.DefaultRequestHeaders.Add(Principals.Header, Principals.For("hr-1", Roles.HrAdmin));
        using var launch = await api.PostAsJsonAsync("/api/cycles", new
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

        // Calibration opens; each committee places the cards left in the holding area and approves with its quorum.
        await App.Engine.RunUntilIdleAdvancingTimeAsync(until: TestApp.Start.AddDays(40), stopWhen: () => GroupsAsync(cycleId).GetAwaiter().GetResult() is { Count: > 0 } g && g.All(x => x.Phase == GroupPhase.Calibrating));
        var calibration = App.Services.GetRequiredService<CalibrationCommands>();
        var groups = await GroupsAsync(cycleId);
        Assert.True(groups.Count > 0 && groups.All(g => g.Phase == GroupPhase.Calibrating), "Calibration never opened.");
        foreach (var group in groups)
        {
            for (var chunk = 0; chunk < group.Chunks; chunk++)
            {
                foreach (var waiting in (await App.Reviews.GetCardsAsync(cycleId, group.GroupId, chunk))!.Cards.Where(c => c.InHoldingArea))
                {
                    Assert.True((await calibration.MoveCardAsync(cycleId, group.GroupId, waiting.EmployeeId, GridPosition.Of(GridBox.SolidProfessional), "Placed by the committee in its meeting.", "hr-1")).Succeeded);
                }
            }

            // The facilitator, then a member where the group has one (the quorum is the facilitator alone otherwise).
            var reached = (await calibration.ApproveCalibrationAsync(cycleId, group.GroupId, "hr-1", confirmed: true)).Value!.Reached;
            if (!reached && group.Calibrators.FirstOrDefault(c => c.Id != "hr-1") is { } member)
            {
                reached = (await calibration.ApproveCalibrationAsync(cycleId, group.GroupId, member.Id, confirmed: true)).Value!.Reached;
            }

            Assert.True(reached, $"{group.Name} was not approved.");
        }

        await App.Engine.RunUntilIdleAdvancingTimeAsync(until: App.Clock.GetUtcNow().AddHours(1));

        // Every group's decisions but the last are final: HR's console names the one that is not and offers no release.
        groups = await GroupsAsync(cycleId);
        foreach (var group in groups.SkipLast(1))
        {
            await FinaliseAsync(calibration, cycleId, group);
        }

        var hr = await Browser.NewPageAsync();
        await hr.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { [Principals.Header] = Principals.For("hr-1", Roles.HrAdmin) });
        var console = new Uri(App.BaseAddress, $"/hr/cycles/{cycleId}").ToString();
        await hr.GotoAsync(console);
        await Assertions.Expect(hr.Locator("#release ~ p").First).ToHaveTextAsync($"Nothing can be released yet: the decisions are not final for {groups[^1].Name}.");
        await Assertions.Expect(hr.GetByRole(AriaRole.Button, new() { Name = "Release to managers" })).ToHaveCountAsync(0);

        // Once final, HR reads that employees follow five working days later, and releases to managers.
        await FinaliseAsync(calibration, cycleId, groups[^1]);
        await App.Engine.RunUntilIdleAdvancingTimeAsync(until: App.Clock.GetUtcNow().AddHours(1));
        await hr.ReloadAsync();
        await Assertions.Expect(hr.Locator("form[action$='/release/managers']")).ToContainTextAsync("Employees receive their outcome automatically 5 working days later");
        await hr.GetByRole(AriaRole.Button, new() { Name = "Release to managers" }).ClickAsync();
        await App.Engine.RunUntilIdleAdvancingTimeAsync(until: App.Clock.GetUtcNow().AddHours(1), stopWhen: () => Sent("ManagerRelease").Count > 0 && Sent("EmployeeRelease").Count == 0 && Cycle(cycleId).State == CycleState.ManagersReleased);
        var cycle = Cycle(cycleId);
        Assert.Equal(CycleState.ManagersReleased, cycle.State);
        Assert.Empty(Sent("EmployeeRelease"));
        var due = cycle.Release!.EmployeesDueAt!.Value;
        var dueInWords = cycle.Plan.Time.DateOf(due).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        await hr.ReloadAsync();
        await Assertions.Expect(hr.Locator("#employees-due")).ToHaveTextAsync($"Employees receive their outcome on {dueInWords}, unless you release it earlier.");

        // A manager who reads English opens the team's outcomes from the email: hold the conversation first; employees are told on that day.
        var managerEmail = Sent("ManagerRelease").FirstOrDefault(e => roster.Employees.Any(p => p.Email == e.To.Email && p.Language == Language.En));
        Assert.True(managerEmail is not null, "No manager reading English was sent their team's outcomes.");
        var managerId = roster.Employees.Single(p => p.Email == managerEmail.To.Email).Id;
        var teamLink = managerEmail.Links.First(l => l.StartsWith(TestApp.PublicBaseUrl + "/l/", StringComparison.Ordinal));
        var manager = await Browser.NewPageAsync();
        await manager.GotoAsync(new Uri(App.BaseAddress, new Uri(teamLink).AbsolutePath).ToString());
        await Assertions.Expect(manager.Locator("p.notice[role=status]")).ToHaveTextAsync(
            $"Your team members do not see their outcome yet: hold the conversation with each of them first. They receive their outcome on {dueInWords}.");
        await BrowserSession.ScreenshotAsync(manager, "release-team-outcomes");

        // HR's second action releases to employees before the window ends.
        await hr.GetByRole(AriaRole.Button, new() { Name = "Release to employees" }).ClickAsync();
        await App.Engine.RunUntilIdleAdvancingTimeAsync(until: App.Clock.GetUtcNow().AddHours(1), stopWhen: () => Cycle(cycleId).State == CycleState.Released);
        Assert.True(App.Clock.GetUtcNow() < due, "Employees were released by the window, not by HR.");
        Assert.Equal("hr-1", Cycle(cycleId).Release!.EmployeesReleasedBy);

        // One of the manager's reports opens the outcome from the email and acknowledges it with a comment.
        var report = roster.Employees.First(p => p.ManagerId == managerId && Sent("EmployeeRelease").Any(e => e.To.Email == p.Email));
        var outcomeLink = Sent("EmployeeRelease").First(e => e.To.Email == report.Email).Links.First(l => l.StartsWith(TestApp.PublicBaseUrl + "/l/", StringComparison.Ordinal));
        var employee = await Browser.NewPageAsync();
        await employee.GotoAsync(new Uri(App.BaseAddress, new Uri(outcomeLink).AbsolutePath).ToString());
        await employee.Locator("textarea[name=comment]").FillAsync("I disagree: the planning project is missing.");
        await employee.Locator("form button[type=submit]").Last.ClickAsync();
        await employee.GetByRole(AriaRole.Status).First.WaitForAsync();
        Assert.Equal("I disagree: the planning project is missing.", (await App.Reviews.GetAcknowledgementAsync(cycleId, report.Id))?.Comment);

        // HR reads it with the employee's and the manager's names; the manager reads it on the team's page.
        await hr.ReloadAsync();
        await Assertions.Expect(hr.Locator("tr", new() { HasTextString = "I disagree: the planning project is missing." })).ToContainTextAsync(report.Name);
        await BrowserSession.ScreenshotAsync(hr, "release-comments");
        await manager.ReloadAsync();
        await Assertions.Expect(manager.Locator("tr", new() { HasTextString = report.Name })).ToContainTextAsync("I disagree: the planning project is missing.");
    }

    private async Task FinaliseAsync(CalibrationCommands calibration, string cycleId, CalibrationGroupDocument group)
    {
        for (var chunk = 0; chunk < group.Chunks; chunk++)
        {
            foreach (var promotion in (await App.Reviews.GetDecisionsAsync(cycleId, group.GroupId, chunk))?.Decisions.OfType<Domain.Decisions.PromotionDecision>() ?? [])
            {
                Assert.True((await calibration.AmendDecisionAsync(cycleId, group.GroupId, promotion with { DecidedBy = "hr-1", NewLevel = "L4", NewJobTitle = "Senior advisor" })).Succeeded);
            }
        }

        Assert.Equal(CommandStatus.Succeeded, (await calibration.FinaliseDecisionsAsync(cycleId, group.GroupId, "hr-1")).Status);
    }

    private async Task<List<CalibrationGroupDocument>> GroupsAsync(string cycleId)
        => [.. (await App.Reviews.QueryGroupsAsync(cycleId, null, 200)).Items.Select(i => i.Value)];

    private CycleDocument Cycle(string cycleId) => App.Reviews.GetCycleAsync(cycleId).GetAwaiter().GetResult()!;

    private List<CapturedEmail> Sent(string kind) => [.. App.Mailbox.Snapshot().Where(e => e.Categories.Contains(kind))];
}
