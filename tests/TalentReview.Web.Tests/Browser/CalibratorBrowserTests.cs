using Microsoft.Playwright;
using NSubstitute;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.NineBox;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Events;

namespace TalentReview.Web.Tests.Browser;

public sealed class CalibratorBrowserTests : IAsyncLifetime
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
    public async Task A_calibrator_drags_a_card_gives_a_reason_moves_one_by_keyboard_and_approves()
    {
        var seed = await CycleSeed.WriteAsync(app.Reviews);
        var link = app.Links.Board(CycleSeed.CycleId, CycleSeed.GroupId, seed.Calibrator.Id, TestApp.Start.AddDays(40));
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, TestApp.PathOf(link)).ToString());
        await BrowserSession.ScreenshotAsync(page, "calibration-board");

        // Drag and drop: the drop fills in the card's own form and asks for the reason.
        var dragged = page.Locator("li.card", new() { HasText = seed.Reports[0].Name });
        await dragged.DragToAsync(page.Locator("section.box[data-box='9']"));
        await dragged.Locator("textarea[name=reason]").FillAsync("Exceptional results on the Antwerp rollout.");
        await dragged.GetByRole(AriaRole.Button, new() { Name = $"Move {seed.Reports[0].Name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "has been moved" }).WaitForAsync();

        // The keyboard alternative: open "Move", pick the box, give the reason, submit.
        var card = page.Locator("li.card", new() { HasText = seed.Reports[1].Name });
        await card.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await card.GetByLabel("To box").SelectOptionAsync(((int)GridBox.SolidProfessional).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await card.GetByLabel("Reason").FillAsync("Performance was below the agreed targets.");
        await card.GetByRole(AriaRole.Button, new() { Name = $"Move {seed.Reports[1].Name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "has been moved" }).WaitForAsync();

        var cards = (await app.Reviews.GetCardsAsync(CycleSeed.CycleId, CycleSeed.GroupId, 0))!.Cards;
        Assert.Equal(GridBox.Star, cards.Single(c => c.EmployeeId == seed.Reports[0].Id).Current?.Box);
        Assert.Equal(GridBox.SolidProfessional, cards.Single(c => c.EmployeeId == seed.Reports[1].Id).Current?.Box);
        await Assertions.Expect(page.Locator("section.box[data-box='9']")).ToContainTextAsync(seed.Reports[0].Name);

        await page.GetByLabel("I confirm the committee agrees on every placement.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve the calibration" }).ClickAsync();
        await page.GetByText("Your approval has been passed on").WaitForAsync();
        await app.ClientSubstitute!.Received(1).RaiseEventAsync(
            $"group-{CycleSeed.CycleId}-{CycleSeed.GroupId}", WorkflowEvents.CalibrationApproved, Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_calibrator_amends_a_proposed_decision_with_a_reason_and_confirms_all()
    {
        var seed = await CycleSeed.WriteAsync(app.Reviews, Workflow.Storage.GroupPhase.DecisionsProposed);
        await app.Reviews.UpsertDecisionsAsync(new Workflow.Storage.DecisionChunkDocument(CycleSeed.CycleId, CycleSeed.GroupId, 0, false,
            [.. seed.Reports.Select(r => new NoChangeDecision(r.Id, new DateOnly(2026, 2, 20), "system", "Proposed from the nine-box placement."))]));
        var link = app.Links.Decisions(CycleSeed.CycleId, CycleSeed.GroupId, seed.Calibrator.Id, TestApp.Start.AddDays(45));
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, TestApp.PathOf(link)).ToString());

        await page.GetByRole(AriaRole.Link, new() { Name = $"Amend the decision for {seed.Reports[1].Name}" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Employee")).ToHaveValueAsync("1");
        await page.GetByLabel("Type of decision").SelectOptionAsync(nameof(DecisionType.MeritIncrease));
        await page.GetByLabel("Increase (%)").FillAsync("3.5");
        await page.GetByLabel("Reason for the amendment").FillAsync("Took over a second team mid-year.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the amendment" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "has been amended" }).WaitForAsync();
        await Assertions.Expect(page.GetByLabel("Employee")).ToHaveValueAsync("1");
        await BrowserSession.ScreenshotAsync(page, "decision-confirmation");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm all decisions" }).ClickAsync();
        await page.GetByText("Your confirmation has been passed on").WaitForAsync();
        var amended = (await app.Reviews.GetDecisionsAsync(CycleSeed.CycleId, CycleSeed.GroupId, 0))!.Decisions.Single(d => d.EmployeeId == seed.Reports[1].Id);
        Assert.Equal(3.5m, Assert.IsType<MeritIncreaseDecision>(amended).Percent);
        await app.ClientSubstitute!.Received(1).RaiseEventAsync(
            $"group-{CycleSeed.CycleId}-{CycleSeed.GroupId}", WorkflowEvents.DecisionsFinalised, Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }
}
