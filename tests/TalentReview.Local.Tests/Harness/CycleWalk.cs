namespace TalentReview.Local.Tests.Harness;

/// <summary>The steps people take through a cycle on the local host, through its pages and the links in their email.</summary>
public static class CycleWalk
{
    private static readonly TimeSpan EmailWait = TimeSpan.FromMinutes(2);

    public static async Task LaunchDemoCycleAsync(this Browser browser)
    {
        var (html, address) = await browser.OpenAsync("/dev/hr");
        var form = HtmlForm.FindAll(html, address).First(f => f.HasButton("source", "demo"));
        var (page, status) = await browser.SubmitAsync(form, form.Filled("source", "demo"));
        Assert.True(status == System.Net.HttpStatusCode.OK, page);
    }

    /// <summary>Waits until the mailbox holds at least <paramref name="count"/> emails of a kind (the email category).</summary>
    public static async Task<IReadOnlyList<MailboxEmail>> WaitForEmailsAsync(this Browser browser, string kind, int count = 1)
    {
        var deadline = DateTime.UtcNow + EmailWait;
        while (true)
        {
            var emails = (await browser.MailboxAsync()).Where(e => e.Is(kind)).ToList();
            if (emails.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.True(emails.Count >= count, $"Expected at least {count} {kind} email(s), found {emails.Count}.");
                return emails;
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Advances virtual time deadline by deadline until an email of the kind arrives.</summary>
    public static async Task<IReadOnlyList<MailboxEmail>> AdvanceUntilEmailAsync(this Browser browser, string kind, int maxAdvances = 8)
    {
        for (var i = 0; i <= maxAdvances; i++)
        {
            var emails = (await browser.MailboxAsync()).Where(e => e.Is(kind)).ToList();
            if (emails.Count > 0)
            {
                return emails;
            }

            await browser.AdvanceAsync();
        }

        var clock = await browser.ClockAsync();
        Assert.Fail($"No {kind} email after {maxAdvances} advances; the virtual clock is at {clock.Now:o}.");
        return [];
    }

    /// <summary>Opens a link from an email and submits every form on its page that can be submitted (one per report on a team page).</summary>
    public static async Task<int> SubmitEveryFormAsync(this Browser browser, string link)
    {
        var (html, address) = await browser.OpenAsync(link);
        var submitted = 0;
        foreach (var form in HtmlForm.FindAll(html, address).Where(f => f.HasButton("action", "submit")))
        {
            var (page, status) = await browser.SubmitAsync(form, form.Filled("action", "submit"));
            Assert.True(status == System.Net.HttpStatusCode.OK, $"Submitting {form.Action} answered {status}: {page}");
            submitted++;
        }

        return submitted;
    }

    /// <summary>
    /// On the HR console of the (only) cycle: releases to managers when the Release panel offers it (every group's
    /// decisions final); false when it does not yet.
    /// </summary>
    public static async Task<bool> ReleaseToManagersAsync(this Browser browser)
    {
        using var cycles = System.Text.Json.JsonDocument.Parse(await browser.Http.GetStringAsync(new Uri("/api/cycles", UriKind.Relative)));
        var cycleId = cycles.RootElement.GetProperty("cycles")[0].GetProperty("cycleId").GetString()!;
        var (html, address) = await browser.OpenAsync($"/hr/cycles/{cycleId}");
        if (HtmlForm.FindAll(html, address).FirstOrDefault(f => f.Action.EndsWith("/release/managers", StringComparison.Ordinal)) is not { } release)
        {
            return false;
        }

        var (page, status) = await browser.SubmitAsync(release, release.Hidden);
        Assert.True(status == System.Net.HttpStatusCode.OK, page);
        return true;
    }

    /// <summary>On the HR console of the (only) cycle: releases to employees when the Release panel offers it; false when it does not.</summary>
    public static async Task<bool> ReleaseToEmployeesAsync(this Browser browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var (html, address) = await browser.OpenAsync($"/hr/cycles/{await browser.OnlyCycleIdAsync()}");
        if (HtmlForm.FindAll(html, address).FirstOrDefault(f => f.Action.EndsWith("/release/employees", StringComparison.Ordinal)) is not { } release)
        {
            return false;
        }

        var (page, status) = await browser.SubmitAsync(release, release.Hidden);
        Assert.True(status == System.Net.HttpStatusCode.OK, page);
        return true;
    }

    /// <summary>The id of the only cycle, from the HR API.</summary>
    public static async Task<string> OnlyCycleIdAsync(this Browser browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        using var cycles = System.Text.Json.JsonDocument.Parse(await browser.Http.GetStringAsync(new Uri("/api/cycles", UriKind.Relative)));
        return cycles.RootElement.GetProperty("cycles")[0].GetProperty("cycleId").GetString()!;
    }

    /// <summary>Confirms the proposed decisions on a board when they are there; false when there is nothing to confirm yet.</summary>
    public static async Task<bool> FinaliseDecisionsAsync(this Browser browser, string boardLink)
    {
        var (html, address) = await browser.OpenAsync(boardLink);
        if (HtmlForm.FindAll(html, address).FirstOrDefault(f => f.Hidden.Any(h => h.Key == "action" && h.Value == "finalise")) is not { } finalise)
        {
            return false;
        }

        var (page, status) = await browser.SubmitAsync(finalise, finalise.Hidden);
        Assert.True(status == System.Net.HttpStatusCode.OK, page);
        return true;
    }

    /// <summary>
    /// On a calibration board: places the cards of the holding area (listed first on the page) in the
    /// middle box with a reason, one by one as a person would, until the board can be approved; then approves
    /// (ticking the confirmation). The board closes once the committee's quorum has approved.
    /// </summary>
    public static async Task CalibrateAndApproveAsync(this Browser browser, string boardLink)
    {
        var middleBox = new Dictionary<string, string> { ["to"] = "5" };
        for (var placed = 0; placed < 500; placed++)
        {
            var (html, address) = await browser.OpenAsync(boardLink);
            var forms = HtmlForm.FindAll(html, address);
            var holdingArea = html.Contains("id=\"holding-title\"", StringComparison.Ordinal);
            if (!holdingArea && forms.FirstOrDefault(f => f.Hidden.Any(h => h.Key == "action" && h.Value == "approve")) is { } approve)
            {
                var (page, status) = await browser.SubmitAsync(approve, [.. approve.Hidden, new("confirm", "yes")]);
                Assert.True(status == System.Net.HttpStatusCode.OK, page);
                return;
            }

            if (forms.FirstOrDefault(f => f.Hidden.Any(h => h.Key == "action" && h.Value == "move")) is not { } move)
            {
                break;
            }

            var (moved, movedStatus) = await browser.SubmitAsync(move, move.Filled("action", "move", middleBox).Distinct().ToList());
            Assert.True(movedStatus == System.Net.HttpStatusCode.OK, $"Placing a card answered {movedStatus}: {moved}");
        }

        Assert.Fail($"The board {boardLink} never became ready for approval.");
    }
}
