using System.Globalization;
using Microsoft.AspNetCore.Http;
using TalentReview.Domain;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.NineBox;
using TalentReview.Web.Html;
using TalentReview.Web.Links;
using TalentReview.Web.Localization;
using TalentReview.Web.Security;
using TalentReview.Workflow.Calibration;
using TalentReview.Workflow.Storage;
using T = TalentReview.Web.Decisions.DecisionTexts;

namespace TalentReview.Web.Decisions;

/// <summary>One member's decision with the name and calibrated box to show (names come from the participants, never from the link).</summary>
/// <param name="Recommended">The manager's recommended outcome; null without manager input.</param>
internal sealed record DecisionRow(int Index, string Name, GridBox? Box, Decision Decision, DecisionType? Recommended = null)
{
    public bool DiffersFromRecommendation => Recommended is { } recommended && recommended != Decision.Type;
}

/// <summary>A refused confirmation: which person's decision misses what.</summary>
internal sealed record IncompleteDecision(int Index, string Name, string Field, string Message);

/// <param name="Amend">The amendment form's values (and errors); null when the group's decisions can no longer change.</param>
/// <param name="Confirmation">Set once confirmed: who confirmed and when, or that the confirmation was just passed on.</param>
internal sealed record DecisionsView(string GroupName, IReadOnlyList<DecisionRow> Rows, string? Notice, FormState? Amend, string? Confirmation)
{
    public IReadOnlyList<IncompleteDecision> Incomplete { get; init; } = [];

    /// <summary>The decisions step's deadline and how long is left (empty once confirmed).</summary>
    public Markup Deadline { get; init; }
}

/// <summary>The group's decisions: a table, one amendment form (prefilled from the row chosen) and the confirmation of all.</summary>
internal static class DecisionsPage
{
    public static HtmlPage Render(LinkContext link, Language language, DecisionsView view)
    {
        var amend = view.Amend;
        var invalid = amend is { HasErrors: true } || view.Incomplete.Count > 0;
        var rows = view.Rows.Select(r => H.Html($"""
            <tr id="d{r.Index}">
            <th scope="row">{r.Name}</th>
            <td>{(r.Box is { } box ? DomainTexts.BoxName(box, language) : T.HoldingArea[language])}</td>
            <td>{DomainTexts.Of(r.Decision.Type)[language]}{H.When(r.DiffersFromRecommendation, H.Html($"""<br><span class="badge warn">{T.Differs[language]}</span>"""))}</td>
            <td>{(r.Recommended is { } recommended ? DomainTexts.Of(recommended)[language] : T.NoRecommendation[language])}</td>
            <td>{Details(r.Decision, language)}</td>
            <td>{NoteOf(r.Decision, language)}</td>
            {(amend is null ? Markup.Empty : H.Html($"""<td><a href="{link.ActionPath}?amend={r.Index}#amend" aria-label="{T.AmendLinkFor.Format(language, r.Name)}">{T.AmendLink[language]}</a></td>"""))}
            </tr>
            """));
        return new HtmlPage(language, T.Title.Format(language, view.GroupName), H.Html($"""
            {(view.Notice is null ? Markup.Empty : H.Html($"""<div class="notice" role="status"><p>{view.Notice}</p></div>"""))}
            {view.Deadline}
            {Incomplete(link, language, view)}
            {(view.Confirmation is null ? H.Html($"""<p class="lead">{T.Intro[language]}</p>""") : H.Html($"""<div class="notice" role="status"><p>{view.Confirmation}</p></div>"""))}
            <section aria-labelledby="decisions-title">
            <h2 id="decisions-title">{T.Decisions[language]}</h2>
            <table>
            <thead><tr><th scope="col">{T.Employee[language]}</th><th scope="col">{T.Box[language]}</th><th scope="col">{T.Decision[language]}</th><th scope="col">{T.Recommended[language]}</th><th scope="col">{T.Details[language]}</th><th scope="col">{T.Note[language]}</th>{(amend is null ? Markup.Empty : H.Html($"""<th scope="col">{T.AmendLink[language]}</th>"""))}</tr></thead>
            <tbody>{rows}</tbody>
            </table>
            </section>
            {(amend is null ? Markup.Empty : AmendForm(link, language, view, amend))}
            {(amend is null ? Markup.Empty : ConfirmForm(link, language))}
            """), invalid ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
    }

    /// <summary>A refused confirmation on top, each incomplete decision linking to its amendment; it takes focus first.</summary>
    private static Markup Incomplete(LinkContext link, Language language, DecisionsView view) => view.Incomplete.Count == 0
        ? Markup.Empty
        : H.Html($"""
            <div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="incomplete-title">
            <h2 id="incomplete-title">{T.Incomplete[language]}</h2>
            <ul>{view.Incomplete.Select(i => H.Html($"""<li><a href="{link.ActionPath}?amend={i.Index}#amend">{i.Name}: {i.Message}</a></li>"""))}</ul>
            </div>
            """);

    /// <summary>A note someone wrote, else for a proposal of the grid where it comes from (and what it still needs).</summary>
    private static string NoteOf(Decision decision, Language language) => decision switch
    {
        { Note: { } note } => note,
        PromotionDecision { DecidedBy: ProposeDecisions.ProposedBy, NewLevel: "" } => T.ProposedPromotion[language],
        { DecidedBy: ProposeDecisions.ProposedBy } => T.Proposed[language],
        _ => string.Empty,
    };

    private static Markup AmendForm(LinkContext link, Language language, DecisionsView view, FormState amend)
    {
        var fields = new Fields(amend, language, "amend");
        var labels = new Dictionary<string, string>
        {
            ["employee"] = T.Employee[language],
            ["type"] = T.Type[language],
            ["percent"] = T.Percent[language],
            ["newLevel"] = T.NewLevel[language],
            ["newJobTitle"] = T.NewJobTitle[language],
            ["targetDepartment"] = T.TargetDepartment[language],
            ["targetJobTitle"] = T.TargetJobTitle[language],
            ["returnsOn"] = T.ReturnsOn[language],
            ["goals"] = T.Goals[language],
            ["followUps"] = T.FollowUps[language],
            ["support"] = T.Support[language],
            ["reason"] = T.Reason[language],
        };
        var employees = view.Rows.Select(r => new Choice(r.Index.ToString(CultureInfo.InvariantCulture), r.Name));
        return H.Html($"""
            <section class="panel" id="amend" aria-labelledby="amend-title">
            <h2 id="amend-title">{T.AmendTitle[language]}</h2>
            {fields.ErrorSummary(labels)}
            <p class="hint">{T.AmendHint[language]}</p>
            <form method="post" action="{link.ActionPath}#amend">
            {AntiforgeryField.For(link.Http)}
            <input type="hidden" name="action" value="amend">
            {fields.Select("employee", labels["employee"], employees, required: true)}
            {fields.Select("type", labels["type"], DomainTexts.Choices<DecisionType>(DomainTexts.Of, language), required: true)}
            {fields.TextArea("reason", labels["reason"], required: true, T.ReasonHint.Format(language, DecisionForm.MinReasonLength), maxLength: TextLimits.Reason, rows: 3)}
            {fields.Text("percent", labels["percent"], required: false, T.PercentHint[language], maxLength: 10)}
            {fields.Text("newLevel", labels["newLevel"], required: false, T.NewRoleHint[language])}
            {fields.Text("newJobTitle", labels["newJobTitle"], required: false, T.NewRoleHint[language])}
            {fields.Text("targetDepartment", labels["targetDepartment"], required: false, T.MoveHint[language])}
            {fields.Text("targetJobTitle", labels["targetJobTitle"], required: false, T.MoveHint[language])}
            {fields.Text("returnsOn", labels["returnsOn"], required: false, T.RotationHint[language], maxLength: 10)}
            {fields.TextArea("goals", labels["goals"], required: false, T.PlanHint[language], maxLength: TextLimits.PlanGoals, rows: 3)}
            {fields.Text("followUps", labels["followUps"], required: false, T.PlanHint[language])}
            {fields.Text("support", labels["support"], required: false, T.SupportHint[language])}
            <div class="actions"><button type="submit">{T.Save[language]}</button></div>
            </form>
            </section>
            """);
    }

    private static Markup ConfirmForm(LinkContext link, Language language) => H.Html($"""
        <section class="panel" aria-labelledby="confirm-title">
        <h2 id="confirm-title">{T.Confirm[language]}</h2>
        <p class="hint">{T.ConfirmHint[language]}</p>
        <form method="post" action="{link.ActionPath}">
        {AntiforgeryField.For(link.Http)}
        <input type="hidden" name="action" value="confirm">
        <div class="actions"><button type="submit">{T.Confirm[language]}</button></div>
        </form>
        </section>
        """);

    /// <summary>What the type needs besides its name: the percentage, the new role, the plan's goals and follow-ups.</summary>
    internal static string Details(Decision decision, Language language) => decision switch
    {
        MeritIncreaseDecision merit => string.Create(Cultures.For(language), $"{merit.Percent:0.##} %"),
        PromotionDecision promotion => Role(promotion.NewJobTitle, promotion.NewLevel),
        StepBackDecision stepBack => Role(stepBack.NewJobTitle, stepBack.NewLevel),
        LateralMoveDecision move => Role(move.TargetJobTitle, move.TargetDepartment),
        JobRotationDecision rotation => $"{rotation.TargetDepartment}, {T.Until.Format(language, DecisionForm.Dates([rotation.ReturnsOn]))}",
        DevelopmentPlanDecision plan => Plan(plan.Goals, plan.FollowUps, language),
        PerformanceImprovementPlanDecision plan => Plan(plan.Goals, plan.FollowUps, language),
        ExitSupportDecision exit => exit.Support,
        _ => string.Empty,
    };

    private static string Role(string title, string qualifier) => string.IsNullOrWhiteSpace(title) && string.IsNullOrWhiteSpace(qualifier) ? "—" : $"{title} ({qualifier})";

    private static string Plan(IReadOnlyList<string> goals, IReadOnlyList<DateOnly> followUps, Language language)
        => $"{string.Join("; ", goals)} — {T.FollowUpsOn.Format(language, DecisionForm.Dates(followUps))}";
}
