using TalentReview.Domain.Planning;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using TalentReview.Domain;
using TalentReview.Domain.Calibration;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.NineBox;
using TalentReview.Web.Html;
using TalentReview.Web.Links;
using TalentReview.Web.Localization;
using TalentReview.Web.Security;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;
using T = TalentReview.Web.Calibration.CalibrationTexts;

namespace TalentReview.Web.Calibration;

/// <summary>One card with the names it needs (names come from the participants, never from the link).</summary>
/// <param name="Excluded">The viewer's own card or that of someone above them: shown by name only, decided by the level above.</param>
internal sealed record BoardCard(int Index, CalibrationCard Card, string Name, string JobTitle, string? ManagerName, bool Excluded = false)
{
    public CardRatings? Ratings { get; init; }

    public string Department { get; init; } = string.Empty;

    public string Level { get; init; } = string.Empty;

    /// <summary>The earlier cycles, latest first.</summary>
    public IReadOnlyList<PastResult> History { get; init; } = [];

    public string Id => "c" + Index.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One earlier cycle of a card as stored: its final box (null: not kept) and decision (null: not kept, or the cycle's records are gone).</summary>
internal sealed record PastResult(string CycleName, GridPosition? Position, Decision? Decision);

/// <summary>What the side panel of a card shows: the manager's input (null: none yet) and the employee's own overall rating.</summary>
internal sealed record CardRatings(Domain.Forms.ManagerInput? Manager, int? SelfRating);

internal enum ChangeKind
{
    Placement,
    Move,
    Decision,
}

/// <summary>One entry of the audit trail, ready to show: when, whom, what kind, before, after, who and why.</summary>
internal sealed record BoardChange(DateTimeOffset At, string EmployeeName, ChangeKind Kind, string Before, string After, string By, string Reason);

/// <summary>What every chip needs to know about the filter: the managers' keys and what is asked for.</summary>
internal sealed record ChipContext(Dictionary<string, (string Key, string Name)> Managers, BoardFilter Filter);

/// <summary>What the board counts, with the leadership summary's definitions: a placement out of the holding area is not a move.</summary>
internal sealed record AuditCounts(int Placements, int Moves, int PeopleMoved, int DecisionChanges);

internal sealed record BoardView(
    CalibrationGroupDocument Group,
    decimal DeviationThreshold,
    Func<GridBox, decimal> Guidance,
    IReadOnlyList<BoardCard> Cards,
    IReadOnlyList<BoardChange> Changes,
    string? Notice,
    string? InvalidEmployeeId = null,
    FormState? InvalidState = null,
    IReadOnlyList<(string Name, DecisionType Type)>? Decisions = null,
    string? DecisionsPath = null)
{
    public QuorumProgress Quorum { get; init; } = QuorumProgress.Of(CommitteeQuorum.Default, []);

    /// <summary>The board passed its current calibration deadline unapproved: how far it was escalated (null once HR moved the deadline).</summary>
    public BoardOverdue? Overdue { get; init; }

    public IReadOnlyList<string> Approvers { get; init; } = [];

    public AuditCounts Counts { get; init; } = new(0, 0, 0, 0);

    /// <summary>Entries about cards the viewer may not see (their own line), counted but not shown.</summary>
    public int HiddenChanges { get; init; }

    /// <summary>The placed cards by age band, gender, working time and contract type, small numbers hidden.</summary>
    public FairnessView? Fairness { get; init; }

    /// <summary>The open step's deadline and how long is left (empty once the group's steps are done).</summary>
    public Markup Deadline { get; init; }

    public BoardFilter Filter { get; init; } = new(string.Empty, string.Empty, string.Empty, string.Empty);
}

/// <summary>
/// The nine-box board: a compact heat-mapped grid of name chips that fits one screen for some fifty
/// people. A chip opens its side panel (a details element, no script) with the ratings, readiness,
/// flight risk, evidence and a small form (target box and reason). The inline script only adds drag
/// and drop, which fills in that same form; a refused field takes focus by itself (autofocus).
/// </summary>
internal static class BoardPage
{
    // Top row first: high potential at the top, performance rising to the right.
    private static readonly GridBox[] GridOrder =
    [
        GridBox.RoughDiamond, GridBox.EmergingTalent, GridBox.Star,
        GridBox.Dilemma, GridBox.CorePlayer, GridBox.HighPerformer,
        GridBox.TalentRisk, GridBox.SolidProfessional, GridBox.TrustedExpert,
    ];

    private static string OverdueText(BoardOverdue overdue, Language language, OrganisationTime time)
    {
        var due = overdue.Deadline.ToString("d MMMM yyyy", Cultures.For(language));
        var told = Cultures.Date(time.DateOf(overdue.EscalatedAt), language);
        return T.Overdue.Format(language, due) + " " + (overdue.Stage switch
        {
            OverdueStage.Leadership => T.OverdueLeadershipTold.Format(language, told),
            OverdueStage.Hr => T.OverdueHrTold.Format(language, told),
            _ => T.OverdueCommitteeTold[language],
        });
    }

    public static HtmlPage Render(LinkContext link, Language language, BoardView view, string approvedByName, OrganisationTime time)
    {
        var group = view.Group;
        var editable = group.Phase == GroupPhase.Calibrating;
        var placed = view.Cards.Where(c => c.Card.Current is not null).ToList();
        var holding = view.Cards.Where(c => c.Card.Current is null).ToList();
        var title = T.Title.Format(language, group.Name);
        var status = group.Phase switch
        {
            GroupPhase.CollectingInput => H.Html($"""<div class="notice warn"><p>{T.NotOpen[language]}</p></div>"""),
            GroupPhase.Calibrating when view.Overdue is { } overdue => H.Html($"""<div class="notice warn" role="alert"><p>{OverdueText(overdue, language, time)}</p></div>"""),
            GroupPhase.Calibrating => Markup.Empty,
            _ => H.Html($"""<div class="notice"><p>{T.Approved.Format(language, approvedByName, group.ApprovedAt is { } at ? Cultures.Date(time.DateOf(at), language) : "")}</p></div>"""),
        };
        var managers = BoardFilter.Managers(view.Cards);
        var chips = new ChipContext(managers, view.Filter);
        var boxes = GridOrder.Select(box => Box(link, language, view, box, placed, editable, chips));
        var shown = view.Cards.Count(c => view.Filter.Shows(c, ManagerKey(managers, c)));
        var invalid = view.InvalidState is { HasErrors: true };
        return new HtmlPage(language, title, nonce => H.Html($"""
            {status}
            {view.Deadline}
            {ErrorSummary(language, view)}
            {H.When(view.Notice is not null, H.Html($"""<div class="notice" role="status"><p>{view.Notice}</p></div>"""))}
            <p class="lead">{T.Intro[language]}</p>
            {Flags(language, view)}
            {view.Filter.Render(link, language, view.Cards, managers, shown)}
            {H.When(holding.Count > 0, H.Html($"""
                <section class="panel" aria-labelledby="holding-title">
                <h2 id="holding-title">{T.HoldingArea[language]} ({holding.Count})</h2>
                <p class="hint">{T.HoldingHint[language]}</p>
                <ul class="chips">{holding.Select(c => Card(link, language, view, c, editable, chips))}</ul>
                </section>
                """))}
            <h2 id="grid-title">{T.Grid[language]}</h2>
            <div class="grid-wrap">
            <div class="axis-y" aria-hidden="true">{T.PotentialAxis[language]}</div>
            <div class="levels-y" aria-hidden="true"><span>{Texts.High[language]}</span><span>{Texts.Moderate[language]}</span><span>{Texts.Low[language]}</span></div>
            <div class="ninebox" role="list" aria-labelledby="grid-title">{boxes}</div>
            <div class="levels-x" aria-hidden="true"><span>{Texts.Low[language]}</span><span>{Texts.Moderate[language]}</span><span>{Texts.High[language]}</span></div>
            <div class="axis-x" aria-hidden="true">{T.PerformanceAxis[language]}</div>
            </div>
            <p class="hint legend"><span class="swatch heat-over"></span> {T.HeatOver[language]} <span class="swatch heat-under"></span> {T.HeatUnder[language]} <span class="swatch heat-ok"></span> {T.HeatOk[language]}</p>
            {Distribution(language, view, placed)}
            {(view.Fairness is null ? Markup.Empty : FairnessSection.Render(language, view.Fairness))}
            {Trail(language, view)}
            {H.When(editable, Approve(link, language, view, holding.Count))}
            {(view.Decisions is null ? Markup.Empty : Decisions(link, language, view))}
            {H.When(editable, Script(nonce))}
            {BoardFilter.Script(nonce)}
            """), invalid ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
    }

    private static string? ManagerKey(Dictionary<string, (string Key, string Name)> managers, BoardCard card)
        => card.Card.ManagerId is { } id && managers.TryGetValue(id, out var manager) ? manager.Key : null;

    private static Markup Box(LinkContext link, Language language, BoardView view, GridBox box, List<BoardCard> placed, bool editable, ChipContext chips)
    {
        var cards = placed.Where(c => c.Card.Current!.Value.Box == box).ToList();
        var percent = placed.Count == 0 ? 0m : 100m * cards.Count / placed.Count;
        var guidance = view.Guidance(box);
        var heat = placed.Count == 0 || Math.Abs(percent - guidance) <= view.DeviationThreshold ? "heat-ok" : percent > guidance ? "heat-over" : "heat-under";
        var number = ((int)box).ToString(CultureInfo.InvariantCulture);
        var position = GridPosition.Of(box);
        return H.Html($"""
            <section class="box {heat}" role="listitem" data-box="{number}" aria-labelledby="box-{number}">
            <h3 id="box-{number}">{DomainTexts.BoxName(box, language)}</h3>
            <p class="levels">{T.Levels.Format(language, DomainTexts.Of(position.Performance)[language], DomainTexts.Of(position.Potential)[language])}</p>
            <p class="share{(heat == "heat-ok" ? "" : " off")}">{T.Share.Format(language, cards.Count, percent, guidance)}</p>
            <ul class="chips">{cards.Select(c => Card(link, language, view, c, editable, chips))}</ul>
            </section>
            """);
    }

    /// <summary>
    /// One chip: the name (with a mark when moved or flagged) that opens the side panel with everything
    /// the committee weighs and the move form. A card of the viewer's own line shows the name only.
    /// </summary>
    private static Markup Card(LinkContext link, Language language, BoardView view, BoardCard card, bool editable, ChipContext chips)
    {
        var c = card.Card;
        var id = card.Id;
        var managerKey = ManagerKey(chips.Managers, card);
        var data = H.Html($""" data-manager="{managerKey ?? string.Empty}" data-department="{card.Department}" data-level="{card.Level}" data-flags="{string.Join(' ', BoardFilter.FlagsOf(card))}"{H.Flag(!chips.Filter.Shows(card, managerKey), "hidden")}""");
        if (card.Excluded)
        {
            return H.Html($"""
                <li class="card chip excluded" id="{id}"{data}>
                <span class="who">{card.Name}</span>
                <span class="meta">{T.Excluded[language]}</span>
                </li>
                """);
        }

        var moved = c.Current is not null && c.Proposed is not null && c.Current != c.Proposed;
        var isInvalid = view.InvalidEmployeeId == c.EmployeeId && view.InvalidState is not null;
        var flags = c.Flags.Select(f => H.Html($"""<span class="badge warn">{T.Of(f)[language]}</span>"""));
        return H.Html($"""
            <li class="card chip{(moved ? " moved" : "")}{(c.Flags.Count > 0 ? " flagged" : "")}" id="{id}"{data}{H.When(editable, H.Html($" draggable=\"true\""))}>
            <details{H.Flag(isInvalid, "open")}>
            <summary><span class="who">{card.Name}</span>{H.When(c.Flags.Count > 0, H.Html($"""<span class="dot" title="{T.Flags[language]}">!</span>"""))}</summary>
            <div class="side" aria-label="{card.Name}">
            <h3>{card.Name}</h3>
            <p class="meta">{card.JobTitle}{H.When(card.ManagerName is not null, H.Html($" · {T.ManagerOf.Format(language, card.ManagerName)}"))}</p>
            {(moved ? H.Html($"""<p class="meta">{T.Proposed.Format(language, DomainTexts.BoxName(c.Proposed!.Value.Box, language))}</p>""") : Markup.Empty)}
            {Ratings(language, card)}
            {History(language, card)}
            <div>{flags}</div>
            {H.When(editable, MoveForm(link, language, view, card, id))}
            </div>
            </details>
            </li>
            """);
    }

    private static Markup Ratings(Language language, BoardCard card)
    {
        var input = card.Ratings?.Manager;
        var self = card.Ratings?.SelfRating is { } selfRating ? T.OutOfFive.Format(language, selfRating) : T.NoSelfRating[language];
        if (input is null)
        {
            return H.Html($"""<dl class="facts"><dt>{T.ManagerRating[language]}</dt><dd>{T.NoInput[language]}</dd><dt>{T.SelfRating[language]}</dt><dd>{self}</dd></dl>""");
        }

        return H.Html($"""
            <dl class="facts">
            <dt>{T.ManagerRating[language]}</dt><dd>{T.OutOfFive.Format(language, input.Performance)}</dd>
            <dt>{T.SelfRating[language]}</dt><dd>{self}</dd>
            <dt>{Texts.Potential[language]}</dt><dd>{DomainTexts.Of(input.PotentialLevel)[language]} ({T.PotentialScores.Format(language, input.Potential.Aspiration, input.Potential.Ability, input.Potential.Engagement)})</dd>
            <dt>{T.Readiness[language]}</dt><dd>{DomainTexts.Of(input.Readiness)[language]}</dd>
            <dt>{T.FlightRisk[language]}</dt><dd>{DomainTexts.Of(input.FlightRisk)[language]}</dd>
            <dt>{T.Evidence[language]}</dt><dd>{input.Evidence}</dd>
            </dl>
            """);
    }

    private static Markup History(Language language, BoardCard card)
    {
        if (card.History.Count == 0)
        {
            return H.Html($"""<p class="meta">{T.NoHistory[language]}</p>""");
        }

        var rows = card.History.Select(past => H.Html($"""
            <dt>{past.CycleName}</dt>
            <dd>{(past.Position is { } p ? DomainTexts.BoxName(p.Box, language) : T.NotKept[language])} · {(past.Decision is { } d ? DecisionText(d, language) : T.NoDecisionKept[language])}</dd>
            """));
        return H.Html($"""<h4>{T.PreviousCycles[language]}</h4><dl class="facts">{rows}</dl>""");
    }

    private static string DecisionText(Decision decision, Language language)
    {
        var details = Web.Decisions.DecisionsPage.Details(decision, language);
        return details.Length == 0 ? DomainTexts.Of(decision.Type)[language] : $"{DomainTexts.Of(decision.Type)[language]}: {details}";
    }

    /// <summary>A refused move or approval on top of the page, linking to the field next to the person (whose panel is open).</summary>
    private static Markup ErrorSummary(Language language, BoardView view)
    {
        if (view.InvalidState is not { HasErrors: true } state || view.InvalidEmployeeId is not { } key)
        {
            return Markup.Empty;
        }

        var card = view.Cards.FirstOrDefault(c => c.Card.EmployeeId == key);
        var prefix = card?.Id ?? key;
        var labels = new Dictionary<string, string> { ["to"] = T.TargetBox[language], ["reason"] = T.Reason[language], ["confirm"] = T.Approve[language], [BoardLinkHandler.FinaliseForm] = T.ConfirmDecisions[language] };
        var items = state.Errors.Select(e => H.Html($"""<li><a href="#{new Fields(state, language, prefix).IdOf(e.Key)}">{(card is null ? string.Empty : card.Name + " – ")}{labels.GetValueOrDefault(e.Key) ?? e.Key}: {e.Value}</a></li>"""));
        return H.Html($"""
            <div class="error-summary" role="alert" aria-labelledby="board-errors-title">
            <h2 id="board-errors-title">{Texts.ErrorSummaryTitle[language]}</h2>
            <ul>{items}</ul>
            </div>
            """);
    }

    private static Markup MoveForm(LinkContext link, Language language, BoardView view, BoardCard card, string id)
    {
        var c = card.Card;
        var isInvalid = view.InvalidEmployeeId == c.EmployeeId && view.InvalidState is not null;
        var state = isInvalid ? view.InvalidState! : new FormState();
        var fields = new Fields(state, language, id);
        var choices = Enum.GetValues<GridBox>()
            .Where(b => c.Current?.Box != b)
            .Select(b => new Choice(((int)b).ToString(CultureInfo.InvariantCulture), DomainTexts.BoxName(b, language)));
        var verb = c.Current is null ? T.Place : T.Move;
        return H.Html($"""
            <form method="post" action="{link.ActionPath}" class="move-form">
            <h4>{verb[language]}<span class="skip"> {card.Name}</span></h4>
            {AntiforgeryField.For(link.Http)}
            <input type="hidden" name="action" value="move">
            <input type="hidden" name="employeeId" value="{c.EmployeeId}">
            {fields.Select("to", T.TargetBox[language], choices, required: true)}
            {fields.TextArea("reason", T.Reason[language], required: true, rows: 2, maxLength: TextLimits.Reason)}
            <button type="submit">{T.MoveCard.Format(language, card.Name)}</button>
            </form>
            """);
    }

    private static Markup Flags(Language language, BoardView view)
    {
        var tendencies = view.Group.Analytics?.ManagerTendencies ?? [];
        var names = view.Cards.Where(c => c.Card.ManagerId is not null && c.ManagerName is not null)
            .GroupBy(c => c.Card.ManagerId!).ToDictionary(g => g.Key, g => g.First().ManagerName!);
        string NamesOf(Domain.Calibration.RatingTendency tendency)
            => string.Join(", ", tendencies.Where(t => t.Tendency == tendency).Select(t => names.GetValueOrDefault(t.ManagerId) ?? "—"));
        var lenient = NamesOf(Domain.Calibration.RatingTendency.Lenient);
        var severe = NamesOf(Domain.Calibration.RatingTendency.Severe);
        var flagged = view.Cards.Count(c => c.Card.Flags.Count > 0);
        return H.Html($"""
            <section class="panel" aria-labelledby="flags-title">
            <h2 id="flags-title">{T.Flags[language]}</h2>
            {H.When(lenient.Length == 0 && severe.Length == 0 && flagged == 0, H.Html($"""<p>{T.NoFlags[language]}</p>"""))}
            {H.When(lenient.Length > 0, H.Html($"""<p><span class="badge bad">{T.LenientManagers[language]}</span> {lenient}</p>"""))}
            {H.When(severe.Length > 0, H.Html($"""<p><span class="badge bad">{T.SevereManagers[language]}</span> {severe}</p>"""))}
            {H.Join(Enum.GetValues<CardFlag>().Where(f => f is not (CardFlag.LenientManager or CardFlag.SevereManager)).Select(flag =>
                view.Cards.Where(c => c.Card.Flags.Contains(flag)).Select(c => c.Name).ToList() is { Count: > 0 } people
                    ? H.Html($"""<p><span class="badge warn">{T.Of(flag)[language]}</span> {string.Join(", ", people)}</p>""")
                    : Markup.Empty))}
            </section>
            """);
    }

    private static Markup Distribution(Language language, BoardView view, List<BoardCard> placed)
    {
        var rows = Enum.GetValues<GridBox>().Reverse().Select(box =>
        {
            var count = placed.Count(c => c.Card.Current!.Value.Box == box);
            var percent = placed.Count == 0 ? 0m : 100m * count / placed.Count;
            var guidance = view.Guidance(box);
            return H.Html($"""<tr><th scope="row">{DomainTexts.BoxName(box, language)}</th><td>{count}</td><td>{percent:0}%</td><td>{guidance:0}%</td></tr>""");
        });
        return H.Html($"""
            <h2 id="distribution-title">{T.Distribution[language]}</h2>
            <table aria-labelledby="distribution-title">
            <thead><tr><th scope="col">{T.Box[language]}</th><th scope="col">#</th><th scope="col">{T.Actual[language]}</th><th scope="col">{T.Guidance[language]}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table>
            """);
    }

    /// <summary>The audit trail in the order things happened, with the same counts the leadership summary gives.</summary>
    private static Markup Trail(Language language, BoardView view)
    {
        var culture = Cultures.For(language);
        var counts = view.Counts;
        var rows = view.Changes.Select(c => H.Html($"""
            <tr><td>{c.At.UtcDateTime.ToString("d MMM yyyy HH:mm", culture)} UTC</td><th scope="row">{c.EmployeeName}</th><td>{T.Of(c.Kind)[language]}</td><td>{c.Before}</td><td>{c.After}</td><td>{c.By}</td><td>{c.Reason}</td></tr>
            """));
        return H.Html($"""
            <section class="panel" aria-labelledby="audit-title">
            <h2 id="audit-title">{T.Audit[language]}</h2>
            <p id="audit-counts">{T.AuditCounts.Format(language, counts.Placements, counts.Moves, counts.PeopleMoved, counts.DecisionChanges)}</p>
            {H.When(view.HiddenChanges > 0, H.Html($"""<p class="hint">{T.AuditHidden.Format(language, view.HiddenChanges)}</p>"""))}
            {(view.Changes.Count == 0
                ? H.Html($"""<p>{T.NoMoves[language]}</p>""")
                : H.Html($"""
                    <div class="table-scroll"><table class="audit">
                    <thead><tr><th scope="col">{T.When[language]}</th><th scope="col">{T.Employee[language]}</th><th scope="col">{T.Change[language]}</th><th scope="col">{T.Before[language]}</th><th scope="col">{T.After[language]}</th><th scope="col">{T.By[language]}</th><th scope="col">{T.Why[language]}</th></tr></thead>
                    <tbody>{rows}</tbody>
                    </table></div>
                    """))}
            </section>
            """);
    }

    /// <summary>
    /// The committee's approval: who approved so far against the quorum, and a form whose
    /// confirmation box must be ticked (the server refuses an unconfirmed approval as well).
    /// </summary>
    private static Markup Approve(LinkContext link, Language language, BoardView view, int holding)
    {
        var refused = view.InvalidEmployeeId == BoardLinkHandler.ApproveForm ? view.InvalidState : null;
        var fields = new Fields(refused ?? new FormState(), language, "approve");
        var quorum = view.Quorum;
        return H.Html($"""
            <section class="panel" aria-labelledby="approve-title">
            <h2 id="approve-title">{T.Approve[language]}</h2>
            <p class="hint">{T.ApproveHint[language]}</p>
            <p id="quorum">{T.QuorumRule.Format(language, quorum.Quorum.Facilitators, quorum.Quorum.Members)}
            {(view.Approvers.Count == 0 ? T.NoApprovals[language] : T.ApprovedSoFar.Format(language, string.Join(", ", view.Approvers)))}</p>
            {H.When(holding > 0, H.Html($"""<p class="field-error">{T.HoldingNotEmpty.Format(language, holding)}</p>"""))}
            <form method="post" action="{link.ActionPath}">
            {AntiforgeryField.For(link.Http)}
            <input type="hidden" name="action" value="approve">
            {fields.Checkbox("confirm", T.ConfirmApproval[language], "yes")}
            <button type="submit">{T.Approve[language]}</button>
            </form>
            </section>
            """);
    }

    /// <summary>The decisions proposed from the calibrated boxes, for the committee to confirm.</summary>
    private static Markup Decisions(LinkContext link, Language language, BoardView view)
    {
        var rows = view.Decisions!.Select(d => H.Html($"""<tr><th scope="row">{d.Name}</th><td>{DomainTexts.Of(d.Type)[language]}</td></tr>"""));
        var open = view.Group.Phase == GroupPhase.DecisionsProposed;
        return H.Html($"""
            <section class="panel" aria-labelledby="decisions-title">
            <h2 id="decisions-title">{T.Decisions[language]}</h2>
            <table><thead><tr><th scope="col">{T.Employee[language]}</th><th scope="col">{T.Decision[language]}</th></tr></thead><tbody>{rows}</tbody></table>
            {(view.DecisionsPath is null ? Markup.Empty : H.Html($"""<p><a href="{view.DecisionsPath}">{(open ? T.AmendDecisions : T.SeeDecisions)[language]}</a></p>"""))}
            {(view.InvalidEmployeeId == BoardLinkHandler.FinaliseForm && view.InvalidState?.Error(BoardLinkHandler.FinaliseForm) is { } refusal
                ? H.Html($"""<div class="error-summary" role="alert" tabindex="-1" autofocus><p>{refusal}</p></div>""")
                : Markup.Empty)}
            {(open
                ? H.Html($"""
                    <form method="post" action="{link.ActionPath}">
                    {AntiforgeryField.For(link.Http)}
                    <input type="hidden" name="action" value="finalise">
                    <div class="actions"><button type="submit">{T.ConfirmDecisions[language]}</button></div>
                    </form>
                    """)
                : H.Html($"""<div class="notice"><p>{T.DecisionsConfirmed[language]}</p></div>"""))}
            </section>
            """);
    }

    /// <summary>Drag and drop as an enhancement: dropping a card on a box fills in the card's own form and asks for the reason.</summary>
    private static Markup Script(string nonce) => H.Html($$"""
        <script nonce="{{nonce}}">
        (function () {
          var dragged = null;
          document.querySelectorAll('.card[draggable=true]').forEach(function (card) {
            card.addEventListener('dragstart', function (e) { dragged = card; e.dataTransfer.setData('text/plain', card.id); });
          });
          document.querySelectorAll('.box').forEach(function (box) {
            box.addEventListener('dragover', function (e) { e.preventDefault(); box.classList.add('drop'); });
            box.addEventListener('dragleave', function () { box.classList.remove('drop'); });
            box.addEventListener('drop', function (e) {
              e.preventDefault();
              box.classList.remove('drop');
              if (!dragged) { return; }
              var select = dragged.querySelector('select[name=to]');
              var option = select && select.querySelector('option[value="' + box.dataset.box + '"]');
              if (!option) { return; }
              select.value = box.dataset.box;
              box.querySelector('ul').appendChild(dragged);
              dragged.dataset.pending = '1';
              var details = dragged.querySelector('details');
              details.open = true;
              dragged.querySelector('textarea[name=reason]').focus();
            });
          });
        })();
        </script>
        """);
}
