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
    public async Task Filtering_the_board_keeps_a_dropped_card_and_its_typed_reason_until_it_is_saved()
    {
        var seed = await CycleSeed.WriteAsync(app.Reviews);
        var link = app.Links.Board(CycleSeed.CycleId, CycleSeed.GroupId, seed.Calibrator.Id, TestApp.Start.AddDays(40));
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, TestApp.PathOf(link)).ToString());

        var dropped = page.Locator("li.card", new() { HasText = seed.Reports[1].Name });
        await dropped.DragToAsync(page.Locator("section.box[data-box='9']"));
        await dropped.Locator("textarea[name=reason]").FillAsync("Led the Ghent migration on her own.");

        // Only the flagged card is asked for; the unsaved drop stays in place with what was typed, the others step aside.
        await page.Locator("#board-filters select[name=flag]").SelectOptionAsync("MissingSelfAssessment");
        await Assertions.Expect(page.Locator("li.card", new() { HasText = seed.Reports[2].Name })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("li.card", new() { HasText = seed.Reports[0].Name })).ToBeVisibleAsync();
        await Assertions.Expect(dropped).ToBeVisibleAsync();
        await Assertions.Expect(dropped.Locator("textarea[name=reason]")).ToHaveValueAsync("Led the Ghent migration on her own.");
        await Assertions.Expect(page.Locator("#filter-count")).ToHaveTextAsync($"Showing 2 of {seed.Reports.Count} people.");

        await dropped.GetByRole(AriaRole.Button, new() { Name = $"Move {seed.Reports[1].Name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "has been moved" }).WaitForAsync();
        var cards = (await app.Reviews.GetCardsAsync(CycleSeed.CycleId, CycleSeed.GroupId, 0))!.Cards;
        Assert.Equal(GridBox.Star, cards.Single(c => c.EmployeeId == seed.Reports[1].Id).Current?.Box);
    }

    [Fact]
    public async Task A_committee_calibrates_excluding_a_members_own_card_and_approves_with_quorum_and_confirmation()
    {
        // The committee: HR facilitates; one of the employees on the board is a member. The last card waits in the holding area.
        var seed = await CycleSeed.WriteAsync(app.Reviews);
        var member = seed.Reports[0];
        var peer = seed.Reports[1];
        var waiting = seed.Reports[^1];
        await app.Reviews.UpdateGroupAsync(CycleSeed.CycleId, CycleSeed.GroupId, g => g! with
        {
            Calibrators = [seed.Calibrator, new Workflow.Storage.Contact(member.Id, member.Name, member.Email, Domain.Language.En)],
        });
        var cards = (await app.Reviews.GetCardsAsync(CycleSeed.CycleId, CycleSeed.GroupId, 0))!;
        await app.Reviews.UpsertCardsAsync(cards with { Cards = [.. cards.Cards.Select(c => c.EmployeeId == waiting.Id ? c with { Proposed = null, Current = null } : c)] });
        var memberBoard = new Uri(app.BaseAddress, TestApp.PathOf(app.Links.Board(CycleSeed.CycleId, CycleSeed.GroupId, member.Id, TestApp.Start.AddDays(40)))).ToString();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(memberBoard);

        // The member's own card: shown by name, decided by the level above, nothing to open or move.
        var own = page.Locator("li.card", new() { HasText = member.Name });
        await Assertions.Expect(own).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("excluded"));
        await Assertions.Expect(own).ToContainTextAsync("Decided by the level above");
        await Assertions.Expect(own.Locator("summary, form")).ToHaveCountAsync(0);

        // Nor does the server move it when the form is forged from another card's (in a page of its own).
        var forgery = await browser.NewPageAsync();
        await forgery.GotoAsync(memberBoard);
        var forged = await forgery.RunAndWaitForResponseAsync(
            () => forgery.EvaluateAsync(
                "id => { const f = document.querySelector('form.move-form'); f.querySelector('[name=employeeId]').value = id; f.querySelector('[name=to]').value = '9'; f.querySelector('[name=reason]').value = 'Moving my own card to the top box.'; f.submit(); }",
                member.Id),
            r => r.Request.Method == "POST");
        Assert.True(forged.Status >= 400, $"A forged move of one's own card answered {forged.Status}.");
        await forgery.Context.CloseAsync();
        Assert.Equal(GridBox.CorePlayer, (await app.Reviews.GetCardsAsync(CycleSeed.CycleId, CycleSeed.GroupId, 0))!.Cards.Single(c => c.EmployeeId == member.Id).Current?.Box);

        // A move with a too-short reason: summarised on top, the error next to the card, the reason kept and focused.
        var card = page.Locator("li.card", new() { HasText = peer.Name });
        await card.Locator("summary").ClickAsync();
        await Assertions.Expect(card.GetByText("Manager's performance rating")).ToBeVisibleAsync();
        await card.GetByLabel("To box").SelectOptionAsync(((int)GridBox.Star).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await card.GetByLabel("Reason").FillAsync("Too short");
        await card.GetByRole(AriaRole.Button, new() { Name = $"Move {peer.Name}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync($"{peer.Name} – Reason (at least 10 characters): Give a reason of at least 10 characters.");
        card = page.Locator("li.card", new() { HasText = peer.Name });
        await Assertions.Expect(card.Locator(".field-error")).ToContainTextAsync("Give a reason of at least 10 characters.");
        await Assertions.Expect(card.GetByLabel("Reason")).ToHaveValueAsync("Too short");
        await Assertions.Expect(card.GetByLabel("Reason")).ToBeFocusedAsync();
        await BrowserSession.ScreenshotAsync(page, "calibration-refused-move");
        Assert.Equal(GridBox.CorePlayer, (await app.Reviews.GetCardsAsync(CycleSeed.CycleId, CycleSeed.GroupId, 0))!.Cards.Single(c => c.EmployeeId == peer.Id).Current?.Box);

        // Placing the holding area.
        await page.GotoAsync(memberBoard);
        var held = page.Locator("section[aria-labelledby=holding-title] li.card", new() { HasText = waiting.Name });
        await held.Locator("summary").ClickAsync();
        await held.GetByLabel("To box").SelectOptionAsync(((int)GridBox.CorePlayer).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await held.GetByLabel("Reason").FillAsync("No manager input; the committee knows the work.");
        await held.GetByRole(AriaRole.Button, new() { Name = $"Move {waiting.Name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "has been moved" }).WaitForAsync();
        await Assertions.Expect(page.Locator("section.box[data-box='5']")).ToContainTextAsync(waiting.Name);
        await Assertions.Expect(page.Locator("#holding-title")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#audit-counts")).ToContainTextAsync("1 placement(s) from the holding area, 0 move(s) for 0 people");

        // Approving: first without the confirmation, then a member alone, which is no quorum.
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve the calibration" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Confirm that the committee agrees on every placement.");
        await page.GetByLabel("I confirm the committee agrees on every placement.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve the calibration" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your approval is recorded. Still needed: 1 HR facilitator(s) and 0 committee member(s)." }).WaitForAsync();
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);

        // The facilitator completes the quorum, with the confirmation.
        var hrPage = await browser.NewPageAsync();
        await hrPage.GotoAsync(new Uri(app.BaseAddress, TestApp.PathOf(app.Links.Board(CycleSeed.CycleId, CycleSeed.GroupId, seed.Calibrator.Id, TestApp.Start.AddDays(40)))).ToString());
        await Assertions.Expect(hrPage.Locator("#quorum")).ToContainTextAsync($"Approved by: {member.Name}.");
        await hrPage.GetByLabel("I confirm the committee agrees on every placement.").CheckAsync();
        await hrPage.GetByRole(AriaRole.Button, new() { Name = "Approve the calibration" }).ClickAsync();
        await hrPage.GetByText("Your approval has been passed on").WaitForAsync();
        await app.ClientSubstitute!.Received(1).RaiseEventAsync(
            $"group-{CycleSeed.CycleId}-{CycleSeed.GroupId}", WorkflowEvents.CalibrationApproved, Arg.Any<object?>(), Arg.Any<CancellationToken>());
        Assert.Equal([member.Id, seed.Calibrator.Id], (await app.Reviews.GetGroupAsync(CycleSeed.CycleId, CycleSeed.GroupId))!.ApprovalsSoFar.Select(a => a.ApproverId));
    }

    [Fact]
    public async Task A_board_of_fifty_people_fits_one_screen_with_each_box_coloured_by_its_count_against_guidance()
    {
        var seed = await CycleSeed.WriteAsync(app.Reviews);
        GridBox[] spread = [GridBox.CorePlayer, GridBox.CorePlayer, GridBox.CorePlayer, GridBox.CorePlayer, GridBox.HighPerformer, GridBox.EmergingTalent, GridBox.Star, GridBox.SolidProfessional, GridBox.TrustedExpert, GridBox.Dilemma];
        var cards = Enumerable.Range(0, 50).Select(i => new Workflow.Storage.CalibrationCard(
            $"E9{i:D3}", seed.Manager.Id, GridPosition.Of(spread[i % spread.Length]), GridPosition.Of(i < 30 ? GridBox.CorePlayer : spread[i % spread.Length]), [])).ToList();
        await app.Reviews.UpsertCardsAsync(new Workflow.Storage.CalibrationChunkDocument(CycleSeed.CycleId, CycleSeed.GroupId, 0, cards));
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, TestApp.PathOf(app.Links.Board(CycleSeed.CycleId, CycleSeed.GroupId, seed.Calibrator.Id, TestApp.Start.AddDays(40)))).ToString());

        var grid = await page.Locator(".ninebox").BoundingBoxAsync();
        await BrowserSession.ScreenshotAsync(page, "calibration-board-fifty");

        Assert.Equal(50, await page.Locator(".ninebox li.card").CountAsync());
        Assert.True(grid!.Height <= 900, $"The grid of fifty people is {grid.Height} px tall.");
        await Assertions.Expect(page.Locator("section.box[data-box='5']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("heat-over"));
        await Assertions.Expect(page.Locator("section.box[data-box='5']")).ToContainTextAsync("38 people · 76% (guidance 40%)");
        await Assertions.Expect(page.Locator($"section.box[data-box='{(int)GridBox.HighPerformer}']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("heat-under"));
        await Assertions.Expect(page.Locator($"section.box[data-box='{(int)GridBox.HighPerformer}']")).ToContainTextAsync("2 people · 4% (guidance 13%)");
        await Assertions.Expect(page.Locator($"section.box[data-box='{(int)GridBox.RoughDiamond}']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("heat-ok"));
    }

    [Fact]
    public async Task On_a_phone_the_board_stacks_its_boxes_and_a_chip_opens_its_panel_over_the_full_width()
    {
        var seed = await CycleSeed.WriteAsync(app.Reviews);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress, TestApp.PathOf(app.Links.Board(CycleSeed.CycleId, CycleSeed.GroupId, seed.Calibrator.Id, TestApp.Start.AddDays(40)))).ToString());

        var star = await page.Locator("section.box[data-box='9']").BoundingBoxAsync();
        var core = await page.Locator("section.box[data-box='5']").BoundingBoxAsync();
        var card = page.Locator("li.card", new() { HasText = seed.Reports[1].Name });
        await card.Locator("summary").ClickAsync();
        var panel = await card.Locator(".side").BoundingBoxAsync();
        await BrowserSession.ScreenshotAsync(page, "calibration-board-phone");
        await context.CloseAsync();

        Assert.Equal(star!.X, core!.X, 1);
        Assert.True(core.Y > star.Y, "The boxes do not stack on a phone.");
        Assert.True(star.Width <= 390, $"A box is {star.Width} px wide on a 390 px screen.");
        Assert.Equal(390, panel!.Width, 1);
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
