using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace TalentReview.Local.Tests.Harness;

/// <summary>
/// What a calibration committee and HR do after the input is in, as a person does it again after an error page:
/// each step first looks at where things stand and does only what is left. It remembers what it set out to do
/// (each placement, move and amendment with a reason of its own), so the audit can be held against it afterwards:
/// every change it made once, none lost, none twice.
/// </summary>
public sealed partial class CommitteeWalk
{
    /// <summary>Where a card leaves the holding area for: the middle box (core player, a development plan).</summary>
    public const string PlacedBox = "5";

    /// <summary>Where the committee moves every fourth card of a board: emerging talent (a development plan too).</summary>
    public const string MovedBox = "8";

    private readonly Dictionary<string, BoardPlan> plans = new(StringComparer.Ordinal);

    /// <summary>The reasons of every placement and move the committee set out to make.</summary>
    public IReadOnlyCollection<string> IntendedMoves => plans.Values.SelectMany(p => p.Reasons).ToList();

    /// <summary>The reasons of every decision HR set out to amend.</summary>
    public HashSet<string> IntendedAmendments { get; } = new(StringComparer.Ordinal);

    public static string PlacementReason(string employeeId) => $"Placed after the committee weighed the evidence [{employeeId}]";

    public static string MoveReason(string employeeId) => $"Moved after the committee weighed the potential [{employeeId}]";

    public static string AmendmentReason(int board, int row) => $"Committee agreed a mentoring goal instead [board {board} row {row}]";

    /// <summary>
    /// HR on a board: places the holding area's cards in the middle box one by one, moves every fourth card it may move
    /// to <see cref="MovedBox"/>, each with a reason, then approves. Once the board closed, there is nothing left to do.
    /// </summary>
    public async Task CalibrateAsync(Browser hr, string boardLink)
    {
        for (var action = 0; action < 500; action++)
        {
            var board = await BoardAsync(hr, boardLink);
            var plan = PlanOf(boardLink, board);
            if (board.Approve is null && board.Cards.Count == 0)
            {
                return;
            }

            if (board.Cards.FirstOrDefault(c => c.InHoldingArea) is { } holding)
            {
                await MoveAsync(hr, holding, PlacedBox, PlacementReason(holding.EmployeeId));
                continue;
            }

            if (board.Cards.FirstOrDefault(c => plan.ToMove.Contains(c.EmployeeId) && c.Box != MovedBox) is { } chosen)
            {
                await MoveAsync(hr, chosen, MovedBox, MoveReason(chosen.EmployeeId));
                continue;
            }

            Assert.True(board.Approve is not null, $"The board {boardLink} offers no approval with every card placed.");
            await ApproveAsync(hr, board.Approve);
            return;
        }

        Assert.Fail($"The board {boardLink} never became ready for approval.");
    }

    /// <summary>A member of the committee approves the board behind their link (once it closed, there is nothing to approve).</summary>
    public static async Task ApproveAsync(Browser browser, string boardLink)
    {
        var board = await BoardAsync(browser, boardLink);
        if (board.Approve is not null)
        {
            await ApproveAsync(browser, board.Approve);
        }
    }

    /// <summary>
    /// HR on a board's decisions, once they are proposed: amends every fourth one to a development plan with a goal and
    /// a reason of its own (unless the page shows it amended already), then confirms them all. False, having done
    /// nothing, while the board still waits for approvals (a member's email may come later than HR's).
    /// </summary>
    public async Task<bool> DecideAsync(Browser hr, string boardLink, int boardNumber)
    {
        if (await DecisionsLinkAsync(hr, boardLink) is not { } decisionsLink)
        {
            return false;
        }

        for (var row = 0; ; row += 4)
        {
            var (page, address) = await hr.OpenAsync(decisionsLink);
            var forms = HtmlForm.FindAll(page, address);
            if (!forms.Any(f => f.Hidden.Any(h => h.Key == "action" && h.Value == "confirm")))
            {
                // Confirmed already (the kill came after it): the page shows the decisions as they stand.
                return true;
            }

            if (RowOf(page, row) is not { } rowHtml)
            {
                var confirm = forms.First(f => f.Hidden.Any(h => h.Key == "action" && h.Value == "confirm"));
                var (confirmed, status) = await hr.SubmitAsync(confirm, confirm.Hidden);
                Assert.True(status == HttpStatusCode.OK, $"Confirming the decisions of {boardLink} answered {status}: {confirmed}");
                return true;
            }

            var reason = AmendmentReason(boardNumber, row);
            IntendedAmendments.Add(reason);
            if (rowHtml.Contains(reason, StringComparison.Ordinal))
            {
                continue;
            }

            var (amendPage, amendAddress) = await hr.OpenAsync($"{decisionsLink}?amend={row}");
            var amend = HtmlForm.FindAll(amendPage, amendAddress).First(f => f.Hidden.Any(h => h.Key == "action" && h.Value == "amend"));
            var followUps = amend.ValueOf("followUps");
            Assert.False(string.IsNullOrWhiteSpace(followUps), $"The amendment form of row {row} on {decisionsLink} proposes no follow-up dates.");
            var (amended, amendedStatus) = await hr.SubmitAsync(amend,
            [
                .. amend.Hidden,
                new("employee", row.ToString(CultureInfo.InvariantCulture)),
                new("type", "DevelopmentPlan"),
                new("reason", reason),
                new("goals", "Lead the quarterly planning with a mentor."),
                new("followUps", followUps!),
            ]);
            Assert.True(amendedStatus == HttpStatusCode.OK, $"Amending row {row} of {decisionsLink} answered {amendedStatus}: {amended}");
        }
    }

    /// <summary>The decision changes on a board's audit trail (its Why column), as HR reads them.</summary>
    public static async Task<IReadOnlyList<string>> DecisionChangesAsync(Browser hr, string boardLink)
    {
        var (page, _) = await hr.OpenAsync(boardLink);
        var start = page.IndexOf("<table class=\"audit\">", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        var trail = page[start..page.IndexOf("</table>", start, StringComparison.Ordinal)];
        return AuditRow().Matches(trail).Select(m => WebUtility.HtmlDecode(m.Groups["why"].Value)).Where(why => why.StartsWith("Committee agreed", StringComparison.Ordinal)).ToList();
    }

    private BoardPlan PlanOf(string boardLink, Board board)
    {
        if (!plans.TryGetValue(boardLink, out var plan))
        {
            // Read before the first change to the board: every card HR may move is on this page, where it stood.
            var movable = board.Cards.OrderBy(c => c.EmployeeId, StringComparer.Ordinal).ToList();
            var toMove = movable.Where((_, i) => i % 4 == 0).Where(c => c.Box != MovedBox).Select(c => c.EmployeeId).ToHashSet(StringComparer.Ordinal);
            plan = new BoardPlan(
                toMove,
                [.. board.Cards.Where(c => c.InHoldingArea).Select(c => PlacementReason(c.EmployeeId)), .. toMove.Select(MoveReason)]);
            plans[boardLink] = plan;
        }

        return plan;
    }

    private static async Task MoveAsync(Browser hr, BoardCard card, string to, string reason)
    {
        var (page, status) = await hr.SubmitAsync(card.Form, [.. card.Form.Hidden, new("to", to), new("reason", reason)]);
        Assert.True(status == HttpStatusCode.OK, $"Moving {card.EmployeeId} to box {to} answered {status}: {page}");
    }

    private static async Task ApproveAsync(Browser browser, HtmlForm approve)
    {
        var (page, status) = await browser.SubmitAsync(approve, [.. approve.Hidden, new("confirm", "yes")]);
        Assert.True(status == HttpStatusCode.OK, $"Approving answered {status}: {page}");
    }

    /// <summary>The link to the board's decisions once proposed; null while the board is open (approvals missing).</summary>
    private static async Task<string?> DecisionsLinkAsync(Browser hr, string boardLink)
    {
        for (var tries = 0; tries < 240; tries++)
        {
            var (page, address) = await hr.OpenAsync(boardLink);
            var section = page.IndexOf("id=\"decisions-title\"", StringComparison.Ordinal);
            if (section >= 0 && Href().Match(page, section) is { Success: true } link)
            {
                return new Uri(address, WebUtility.HtmlDecode(link.Groups["href"].Value)).ToString();
            }

            if (HtmlForm.FindAll(page, address).Any(f => f.Hidden.Any(h => h.Key == "action" && h.Value == "approve")))
            {
                return null;
            }

            // Approved: the decisions are being proposed.
            await Task.Delay(250);
        }

        Assert.Fail($"The decisions of the approved board {boardLink} were never proposed.");
        return null;
    }

    private static string? RowOf(string page, int row)
    {
        var start = page.IndexOf($"<tr id=\"d{row}\">", StringComparison.Ordinal);
        return start < 0 ? null : page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    /// <summary>The board as the reader sees it: the cards they may move (with where each stands) and the approval form.</summary>
    private static async Task<Board> BoardAsync(Browser browser, string boardLink)
    {
        var (page, address) = await browser.OpenAsync(boardLink);
        var cards = HtmlForm.FindAll(page, address)
            .Where(f => f.Hidden.Any(h => h.Key == "action" && h.Value == "move"))
            .Select(f =>
            {
                // The choices leave out the box the card stands in; a card in the holding area is offered all nine.
                var offered = f.Options;
                var box = offered.Count == 9 ? null : Enumerable.Range(1, 9).Select(b => b.ToString(CultureInfo.InvariantCulture)).Single(b => !offered.Contains(b));
                return new BoardCard(f.Hidden.Single(h => h.Key == "employeeId").Value, box, f);
            })
            .ToList();
        var approve = HtmlForm.FindAll(page, address).FirstOrDefault(f => f.Hidden.Any(h => h.Key == "action" && h.Value == "approve"));
        return new Board(cards, approve);
    }

    private sealed record Board(IReadOnlyList<BoardCard> Cards, HtmlForm? Approve);

    private sealed record BoardCard(string EmployeeId, string? Box, HtmlForm Form)
    {
        public bool InHoldingArea => Box is null;
    }

    private sealed record BoardPlan(HashSet<string> ToMove, IReadOnlyList<string> Reasons);

    [GeneratedRegex("<a href=\"(?<href>[^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex("<tr><td>[^<]*</td><th scope=\"row\">[^<]*</th><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>(?<why>[^<]*)</td></tr>")]
    private static partial Regex AuditRow();
}
