using TalentReview.Domain;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Talent.History;
using TalentReview.Web.Html;
using TalentReview.Web.Localization;
using T = TalentReview.Web.Talent.TalentTexts;

namespace TalentReview.Web.Talent.Profile;

/// <summary>
/// One person's talent profile: their function now, the trend of their box over the cycles (a small
/// grid per cycle, with the box in words), and per cycle the ratings, the decision with its details
/// and the plan's follow-ups. Dates are the cycles' own (dates in the cycle's zone).
/// </summary>
internal static class TalentProfileView
{
    /// <summary>The trend's small grids; sent with the page's nonce, as the layout's policy wants.</summary>
    private static readonly Markup Css = new("""
        .trend-grid{display:inline-grid;grid-template-columns:repeat(3,.8rem);grid-template-rows:repeat(3,.8rem);gap:2px;vertical-align:middle;margin-right:.5rem}
        .trend-grid span{background:#eef2f6;border:1px solid var(--line)}
        .trend-grid span.on{background:var(--accent);border-color:var(--accent)}
        .move-up{color:var(--ok);font-weight:600}
        .move-down{color:var(--bad);font-weight:600}
        """);

    public static string Title(TalentHistory history, Language language) => T.ProfileTitle.Format(language, history.Latest?.Name ?? string.Empty);

    public static Func<string, Markup> Render(TalentHistory history, Language language, DateOnly today) => nonce =>
    {
        var latest = history.Latest!;
        var rows = history.Outcomes.Zip(history.Trend).Reverse().Select(pair => TrendRow(pair.First, pair.Second, language, today));
        var details = history.Outcomes.Reverse().Select(o => Details(o, language, today));
        return H.Html($"""
            <style nonce="{nonce}">{Css}</style>
            <p class="lead">{T.Confidential[language]}</p>
            <div class="panel"><dl class="facts">
            <dt>{T.Now[language]}</dt><dd>{FunctionText(latest.FunctionAfter, language)}</dd>
            </dl></div>
            <h2>{T.Trend[language]}</h2>
            <div class="table-scroll"><table class="trend">
            <thead><tr><th scope="col">{T.Cycle[language]}</th><th scope="col">{T.ReleasedOn[language]}</th><th scope="col">{T.Box[language]}</th><th scope="col">{T.Movement[language]}</th><th scope="col">{T.Decision[language]}</th><th scope="col">{T.FollowUps[language]}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table></div>
            <h2>{T.Details[language]}</h2>
            {details}
            """);
    };

    public static string FunctionText(JobFunction function, Language language) => T.FunctionAt.Format(language, function.JobTitle, function.Level, function.Department);

    public static string BoxText(GridBox? box, Language language) => box is { } placed ? DomainTexts.BoxName(placed, language) : T.NotPlaced[language];

    public static string DecisionText(Decision? decision, Language language) => decision is null ? T.NoDecision[language] : DomainTexts.Of(decision.Type)[language];

    private static Markup TrendRow(TalentOutcome outcome, TrendStep step, Language language, DateOnly today)
    {
        var (held, due) = outcome.FollowUpsBy(today);
        var followUps = outcome.FollowUps.Count == 0 ? T.None[language] : T.FollowUpSummary.Format(language, held, Math.Max(due, held));
        var moveClass = step.Move switch { BoxMove.Up => "move-up", BoxMove.Down => "move-down", _ => string.Empty };
        return H.Html($"""
            <tr><th scope="row">{outcome.CycleName}</th><td>{Cultures.Date(outcome.ReleasedOn, language)}</td>
            <td>{MiniGrid(outcome.Box)}<span class="box-name">{BoxText(outcome.Box, language)}</span></td>
            <td class="{moveClass}">{T.Of(step.Move)[language]}</td>
            <td>{DecisionText(outcome.Decision, language)}</td>
            <td>{followUps}</td></tr>
            """);
    }

    /// <summary>The grid drawn with potential rising upwards and performance to the right; the words next to it say the same.</summary>
    private static Markup MiniGrid(GridBox? box)
    {
        var cells = new List<Markup>(9);
        for (var potential = 2; potential >= 0; potential--)
        {
            for (var performance = 0; performance < 3; performance++)
            {
                var on = box is { } placed && GridPosition.Of(placed) == new GridPosition((RatingLevel)performance, (RatingLevel)potential);
                cells.Add(on ? H.Html($"""<span class="on"></span>""") : H.Html($"<span></span>"));
            }
        }

        return H.Html($"""<span class="trend-grid" aria-hidden="true">{cells}</span>""");
    }

    private static Markup Details(TalentOutcome outcome, Language language, DateOnly today)
    {
        var manager = outcome.Manager is { } m
            ? H.Html($"""
                <li>{T.PerformanceScore.Format(language, m.Performance)}</li>
                <li>{T.PotentialLevel.Format(language, DomainTexts.Of(m.Potential.Level)[language])}</li>
                <li>{T.ReadinessIs.Format(language, DomainTexts.Of(m.Readiness)[language])}</li>
                <li>{T.FlightRiskIs.Format(language, DomainTexts.Of(m.FlightRisk)[language])}</li>
                """)
            : H.Html($"<li>{T.NotGiven[language]}</li>");
        var self = outcome.Self is { } s
            ? H.Html($"""
                <li>{T.OverallSelf.Format(language, s.OverallSelfRating)}</li>
                <li>{T.AspirationIs.Format(language, T.Of(s.Aspiration)[language])}</li>
                """)
            : H.Html($"<li>{T.NotGiven[language]}</li>");
        var followUps = outcome.FollowUps.Select(f => H.Html($"<li>{FollowUpText(f, language, today)}</li>"));
        return H.Html($"""
            <section class="report">
            <h3>{outcome.CycleName} · {Cultures.Date(outcome.ReleasedOn, language)}</h3>
            <dl class="facts">
            <dt>{T.Function[language]}</dt><dd>{FunctionText(outcome.Function, language)}</dd>
            <dt>{T.Box[language]}</dt><dd>{BoxText(outcome.Box, language)}</dd>
            <dt>{T.ManagerRatings[language]}</dt><dd><ul>{manager}</ul></dd>
            <dt>{T.SelfRatings[language]}</dt><dd><ul>{self}</ul></dd>
            <dt>{T.Decision[language]}</dt><dd>{DecisionText(outcome.Decision, language)}{DecisionDetail(outcome.Decision, language)}</dd>
            {H.When(outcome.FollowUps.Count > 0, H.Html($"<dt>{T.FollowUps[language]}</dt><dd><ul>{followUps}</ul></dd>"))}
            </dl>
            </section>
            """);
    }

    private static Markup DecisionDetail(Decision? decision, Language language)
    {
        var text = decision switch
        {
            PromotionDecision p => T.NewFunction.Format(language, $"{p.NewJobTitle}, {p.NewLevel}"),
            StepBackDecision s => T.NewFunction.Format(language, $"{s.NewJobTitle}, {s.NewLevel}"),
            LateralMoveDecision l => T.MoveTo.Format(language, $"{l.TargetJobTitle} ({l.TargetDepartment})"),
            JobRotationDecision r => T.RotationUntil.Format(language, r.TargetDepartment, Cultures.Date(r.ReturnsOn, language)),
            MeritIncreaseDecision i => T.MeritOf.Format(language, i.Percent.ToString("0.##", Cultures.For(language))),
            DevelopmentPlanDecision d => T.Goals.Format(language, string.Join("; ", d.Goals)),
            PerformanceImprovementPlanDecision d => T.Goals.Format(language, string.Join("; ", d.Goals)),
            _ => null,
        };
        return text is null ? Markup.Empty : H.Html($"<br><span class=\"hint\">{text}</span>");
    }

    private static string FollowUpText(PlanFollowUp followUp, Language language, DateOnly today)
    {
        var due = Cultures.Date(followUp.DueOn, language);
        return followUp switch
        {
            { Status: FollowUpStatus.Held, HeldOn: { } held } => T.HeldOn.Format(language, due, Cultures.Date(held, language)),
            _ when followUp.DueOn <= today => T.Overdue.Format(language, due),
            _ => T.Planned.Format(language, due),
        };
    }

}
