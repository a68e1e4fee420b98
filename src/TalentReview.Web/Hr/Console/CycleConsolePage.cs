using System.Globalization;
using TalentReview.Domain;
using TalentReview.Domain.Planning;
using TalentReview.Web.Html;
using TalentReview.Web.Localization;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.Resilience;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;
using T = TalentReview.Web.Hr.Console.ConsoleTexts;

namespace TalentReview.Web.Hr.Console;

/// <summary>What HR typed in a form that was refused, so it is shown again with the reasons.</summary>
internal sealed record ConsoleFormState(string Form, IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> Errors)
{
    public string Value(string form, string field) => Form == form && Values.TryGetValue(field, out var value) ? value : string.Empty;
}

/// <summary>One cycle for HR: live progress per step, group and manager down to the person, and the actions that steer it.</summary>
internal static class CycleConsolePage
{
    private static readonly StepKind[] ExtendableSteps = Enum.GetValues<StepKind>();

    public static Markup Render(Markup antiforgery, CycleStatusView status, Language language, string? done, ConsoleFormState? refused, string nudgeKey)
    {
        var live = status.Live;
        var path = HrConsoleEndpoints.PathOf(status.CycleId);
        var nudging = status.State is CycleState.Launched or CycleState.Running or CycleState.Stalled;
        Markup NudgeCell(NudgeTarget target, string personId, DateTimeOffset? lastNudged, bool pending) => H.Html($"""
            <td>{(lastNudged is { } at ? H.Html($"<span class=\"nudged\">{T.NudgedOn.Format(language, Local(status, at, language))}</span>") : Markup.Empty)}{(nudging && pending ? H.Html($"""
            <form method="post" action="{path}/nudge" class="inline">{antiforgery}<input type="hidden" name="target" value="{target.ToString()}"><input type="hidden" name="personId" value="{personId}"><input type="hidden" name="requestKey" value="{nudgeKey}"><button type="submit">{T.Nudge[language]}</button></form>
            """) : Markup.Empty)}</td>
            """);
        Markup PersonRow(PersonProgress p) => H.Html(
            $"""<tr><td>{p.Name} <small>({p.EmployeeId})</small></td><td>{T.Of(p.SelfAssessment)[language]}</td><td>{T.Of(p.ManagerInput)[language]}</td>{NudgeCell(NudgeTarget.Person, p.EmployeeId, p.LastNudgedAt, p.SelfAssessment == ProgressStatus.Pending)}</tr>""");
        var culture = Cultures.For(language);
        string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", culture) ?? "—";
        var steps = H.Html($"""
            <table>
            <thead><tr><th scope="col">{T.Step[language]}</th><th scope="col">{T.Deadline[language]}</th>{TallyHeaders(language)}</tr></thead>
            <tbody>
            <tr><th scope="row">{T.SelfAssessment[language]}</th><td>{Date(live.SelfAssessmentDeadline)}</td>{TallyCells(live.SelfAssessment)}</tr>
            <tr><th scope="row">{T.ManagerInput[language]}</th><td>{Date(live.ManagerInputDeadline)}</td>{TallyCells(live.ManagerInput)}</tr>
            </tbody>
            </table>
            """);
        var groups = live.Groups.Select(g => H.Html($"""
            <tr><th scope="row">{g.Name}</th><td>{Summary(g.SelfAssessment, language)}</td><td>{Summary(g.ManagerInput, language)}</td></tr>
            """));
        var managers = live.Managers.Select(m => H.Html($"""
            <tr><th scope="row">{m.Name}</th><td>{Summary(m.SelfAssessment, language)}</td><td>{Summary(m.ManagerInput, language)}</td>
            {NudgeCell(NudgeTarget.Manager, m.ManagerId, m.LastNudgedAt, m.ManagerInput.Total > m.ManagerInput.Submitted)}
            <td><details><summary>{T.ShowPeople.Format(language, m.People.Count)}</summary>
            <table><thead><tr><th scope="col">{T.Person[language]}</th><th scope="col">{T.SelfAssessment[language]}</th><th scope="col">{T.ManagerInput[language]}</th><th scope="col">{T.LastNudged[language]}</th></tr></thead>
            <tbody>{m.People.Select(PersonRow)}</tbody></table>
            </details></td></tr>
            """));
        var notice = done switch
        {
            "deadline" => H.Html($"""<p class="notice" role="status">{T.DeadlineExtended[language]}</p>"""),
            "nudge" => H.Html($"""<p class="notice" role="status">{T.Nudged[language]}</p>"""),
            "reassign" => H.Html($"""<p class="notice" role="status">{T.Reassigned[language]}</p>"""),
            "cancel" => H.Html($"""<p class="notice" role="status">{T.Cancelled[language]}</p>"""),
            "resume" => H.Html($"""<p class="notice" role="status">{T.Resumed[language]}</p>"""),
            "release-managers" => H.Html($"""<p class="notice" role="status">{T.ReleasingToManagers[language]}</p>"""),
            "release-employees" => H.Html($"""<p class="notice" role="status">{T.ReleasingToEmployees[language]}</p>"""),
            _ => Markup.Empty,
        };
        var errors = refused is { Errors.Count: > 0 }
            ? H.Html($"""<div class="error-summary" role="alert"><h2>{Texts.ErrorSummaryTitle[language]}</h2><ul>{refused.Errors.Select(e => H.Html($"<li>{e}</li>"))}</ul></div>""")
            : Markup.Empty;
        var stepOptions = ExtendableSteps.Select(s => H.Html(
            $"""<option value="{s.ToString()}"{(refused?.Value("deadline", "step") == s.ToString() ? " selected" : string.Empty)}>{DomainTexts.Of(s)[language]}</option>"""));
        var peopleOptions = live.Managers.SelectMany(m => m.People).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => H.Html(
            $"""<option value="{p.EmployeeId}"{(refused?.Value("reassign", "employeeId") == p.EmployeeId ? " selected" : string.Empty)}>{p.Name} ({p.EmployeeId})</option>"""));
        return H.Html($"""
            {notice}{errors}{Standstill(antiforgery, status, language, path)}{Recoveries(status, language)}{Undeliverable(status, language)}
            <p class="lead">{T.AsOf.Format(language, Cultures.Date(live.Today, language))}</p>
            <h2>{T.Steps[language]}</h2>
            {steps}
            <h2>{T.Groups[language]}</h2>
            <table><thead><tr><th scope="col">{T.Group[language]}</th><th scope="col">{T.SelfAssessment[language]}</th><th scope="col">{T.ManagerInput[language]}</th></tr></thead>
            <tbody>{(live.Groups.Count == 0 ? H.Html($"""<tr><td colspan="3">{T.NoOneYet[language]}</td></tr>""") : H.Join(groups))}</tbody></table>
            <h2>{T.Managers[language]}</h2>
            <table><thead><tr><th scope="col">{T.Manager[language]}</th><th scope="col">{T.SelfAssessment[language]}</th><th scope="col">{T.ManagerInput[language]}</th><th scope="col">{T.LastNudged[language]}</th><th scope="col">{T.People[language]}</th></tr></thead>
            <tbody>{(live.Managers.Count == 0 ? H.Html($"""<tr><td colspan="5">{T.NoOneYet[language]}</td></tr>""") : H.Join(managers))}</tbody></table>
            {(live.WithoutManager.Count == 0 ? Markup.Empty : H.Html($"""
                <h3>{T.WithoutManager[language]}</h3>
                <table><thead><tr><th scope="col">{T.Person[language]}</th><th scope="col">{T.SelfAssessment[language]}</th><th scope="col">{T.ManagerInput[language]}</th><th scope="col">{T.LastNudged[language]}</th></tr></thead>
                <tbody>{live.WithoutManager.Select(PersonRow)}</tbody></table>
                """))}

            {ReleasePanel(antiforgery, status, path, language)}

            <h2>{T.Steer[language]}</h2>
            <form method="post" action="{path}/deadline" class="panel">
            {antiforgery}
            <h3>{T.ExtendDeadline[language]}</h3>
            <label for="step">{T.Step[language]}</label>
            <select id="step" name="step" required>{stepOptions}</select>
            <label for="newDeadline">{T.NewDeadline[language]}</label>
            <input type="date" id="newDeadline" name="newDeadline" value="{refused?.Value("deadline", "newDeadline") ?? string.Empty}" required>
            <div class="actions"><button type="submit">{T.Extend[language]}</button></div>
            </form>
            <form method="post" action="{path}/reassign" class="panel">
            {antiforgery}
            <h3>{T.Reassign[language]}</h3>
            <label for="employeeId">{T.Person[language]}</label>
            <select id="employeeId" name="employeeId" required>{peopleOptions}</select>
            <label for="newManagerId">{T.NewManager[language]}</label>
            <input type="text" id="newManagerId" name="newManagerId" maxlength="{TextLimits.Id}" value="{refused?.Value("reassign", "newManagerId") ?? string.Empty}" required>
            <div class="actions"><button type="submit">{T.ReassignButton[language]}</button></div>
            </form>
            <form method="post" action="{path}/cancel" class="panel">
            {antiforgery}
            <h3>{T.Cancel[language]}</h3>
            <label for="reason">{T.Reason[language]}</label>
            <textarea id="reason" name="reason" maxlength="{TextLimits.Reason}" required>{refused?.Value("cancel", "reason") ?? string.Empty}</textarea>
            <label><input type="checkbox" name="confirm" value="yes" required> {T.ConfirmCancel[language]}</label>
            <div class="actions"><button type="submit">{T.CancelButton[language]}</button></div>
            </form>
            <h2>{T.Export[language]}</h2>
            <ul>
            <li><a href="{HrApiPaths.Export(status.CycleId, "xlsx")}&amp;lang={Cultures.Code(language)}" download>{T.ExportXlsx[language]}</a></li>
            <li><a href="{HrApiPaths.Export(status.CycleId, "csv")}&amp;lang={Cultures.Code(language)}" download>{T.ExportCsv[language]}</a></li>
            <li><a href="{HrApiPaths.Export(status.CycleId, "csv")}&amp;table=moves&amp;lang={Cultures.Code(language)}" download>{T.ExportMovesCsv[language]}</a></li>
            </ul>
            """);
    }

    /// <summary>A cycle that cannot go on says so first: where, why and since when, with the way on when there is one.</summary>
    private static Markup Standstill(Markup antiforgery, CycleStatusView status, Language language, string path)
    {
        var since = status.Stall is { } stall ? Moment(status, stall.Since, language) : string.Empty;
        var (title, texts, button) = status.State switch
        {
            CycleState.Stalled => (T.StalledTitle, (status.Stalls is { Count: > 0 } stalls ? stalls : [status.Stall!]).Select(s => StalledText(status, s, language)).ToList(), T.Retry),
            CycleState.Failed => (T.FailedTitle, [T.FailedText.Format(language, since, status.Stall?.Reason ?? string.Empty), T.FailedWayOut[language]], T.ResumeCycle),
            CycleState.NotStarted => (T.NotStartedTitle, [T.NotStartedText[language]], T.ResumeLaunch),
            _ => (null, new List<string>(), null),
        };
        if (title is null)
        {
            return Markup.Empty;
        }

        // A fresh workflow for a failed one is asked for knowingly, as a cancel is.
        var confirm = status.State == CycleState.Failed
            ? H.Html($"""<label><input type="checkbox" name="confirm" value="yes" required> {T.ConfirmResume[language]}</label>""")
            : Markup.Empty;
        var action = button is null
            ? Markup.Empty
            : H.Html($"""<form method="post" action="{path}/resume">{antiforgery}{confirm}<div class="actions"><button type="submit">{button[language]}</button></div></form>""");
        return H.Html($"""<section class="error-summary" role="alert" id="standstill"><h2>{title[language]}</h2>{texts.Select(t => H.Html($"<p>{t}</p>"))}{action}</section>""");
    }

    /// <summary>Where (the cycle's step, a group's, or one review's of a group), why and since when.</summary>
    private static string StalledText(CycleStatusView status, CycleStall stall, Language language)
    {
        var step = stall.Group is not { } group ? stall.Step
            : stall.Person is { } person ? T.StalledReviewStep.Format(language, stall.Step, person, group)
            : stall.FollowUps ? T.StalledFollowUpStep.Format(language, stall.Step, group)
            : T.StalledGroupStep.Format(language, stall.Step, group);
        return T.StalledText.Format(language, step, Moment(status, stall.Since, language), stall.Reason);
    }

    /// <summary>HR's resumes and cancels of a failed workflow: who, when, and the failure each one ended.</summary>
    private static Markup Recoveries(CycleStatusView status, Language language)
    {
        if (status.Recoveries is not { Count: > 0 } recoveries)
        {
            return Markup.Empty;
        }

        var items = recoveries.Select(r => H.Html($"""<li>{(r.Action == RecoveryAction.Cancelled ? T.RecoveryCancelled : T.RecoveryResumed).Format(language, Moment(status, r.At, language), r.By, Moment(status, r.FailedSince, language), r.Failure)}</li>"""));
        return H.Html($"""<section id="recoveries"><h2>{T.RecoveriesTitle[language]}</h2><ul>{items}</ul></section>""");
    }

    private static Markup Undeliverable(CycleStatusView status, Language language)
    {
        if (status.Undeliverable is not { Count: > 0 } problems)
        {
            return Markup.Empty;
        }

        var rows = problems.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => H.Html(
            $"""<tr><td>{p.Name} <small>({p.EmployeeId})</small></td><td>{T.Of(p.Kind)[language]}</td><td>{p.Reason}</td><td>{Moment(status, p.At, language)}</td></tr>"""));
        return H.Html($"""
            <section id="undeliverable"><h2>{T.UndeliverableTitle[language]}</h2><p>{T.UndeliverableText[language]}</p>
            <table><thead><tr><th scope="col">{T.Person[language]}</th><th scope="col">{T.Email[language]}</th><th scope="col">{T.Why[language]}</th><th scope="col">{T.When[language]}</th></tr></thead>
            <tbody>{rows}</tbody></table></section>
            """);
    }

    /// <summary>The release gate: refused while groups are not final (named), then managers, then employees; the employees' comments once released.</summary>
    private static Markup ReleasePanel(Markup antiforgery, CycleStatusView status, string path, Language language)
    {
        var gate = status.Release;
        var culture = Cultures.For(language);
        var releaseDate = gate.ReleaseDate.ToString("d MMMM yyyy", culture);
        // Nothing to release before the groups exist (self-assessment, manager input), nor from a cancelled cycle.
        if (status.State == CycleState.Cancelled || (gate.Release is null && (status.State != CycleState.Running || gate.Groups == 0)))
        {
            return Markup.Empty;
        }

        Markup body;
        if (gate.Release is not { } release)
        {
            body = gate.GroupsNotFinal.Count > 0
                ? H.Html($"""<p>{T.ReleaseNotFinal.Format(language, string.Join(", ", gate.GroupsNotFinal))}</p>""")
                : H.Html($"""
                    <form method="post" action="{path}/release/managers" class="panel">
                    {antiforgery}
                    <p>{T.ReleaseToManagersIntro[language]}</p>
                    <p>{T.EmployeesAfterWindow.Format(language, gate.ConversationWorkingDays)}</p>
                    <div class="actions"><button type="submit">{T.ReleaseToManagersButton[language]}</button></div>
                    </form>
                    """);
        }
        else if (status.State == CycleState.Running)
        {
            body = H.Html($"""<p>{T.ReleaseRequested.Format(language, Day(gate, release.ManagersReleasedAt, language))}</p>""");
        }
        else
        {
            var managers = H.Html($"""<p>{T.ReleasedToManagers.Format(language, Day(gate, release.ManagersReleasedAt, language), release.ManagersReleasedBy)}</p>""");
            // Released, even while a group's follow-ups are stalled (the cycle then reads Stalled).
            body = status.State == CycleState.Released || release.EmployeesReleasedBy is not null
                ? H.Html($"""{managers}<p>{EmployeesReleased(gate, release, releaseDate, language)}</p>{Comments(status, language)}""")
                : H.Html($"""
                    {managers}
                    <p id="employees-due">{(gate.EmployeesDueAt is { } due ? T.EmployeesScheduled.Format(language, Day(gate, due, language)) : T.EmployeesWaiting[language])}</p>
                    <form method="post" action="{path}/release/employees" class="panel">
                    {antiforgery}
                    <div class="actions"><button type="submit">{T.ReleaseToEmployeesButton[language]}</button></div>
                    </form>
                    """);
        }

        return H.Html($"""<h2 id="release">{T.Release[language]}</h2>{body}""");
    }

    private static string EmployeesReleased(ReleaseGate gate, CycleRelease release, string releaseDate, Language language)
    {
        var at = release.EmployeesReleasedAt is { } when ? Day(gate, when, language) : releaseDate;
        return release.EmployeesReleasedBy == ReviewCycleOrchestration.ScheduledReleaser
            ? T.ReleasedToEmployeesAsScheduled.Format(language, at)
            : T.ReleasedToEmployees.Format(language, at, release.EmployeesReleasedBy);
    }

    private static Markup Comments(CycleStatusView status, Language language)
    {
        var people = status.Live.Managers.SelectMany(m => m.People.Select(p => (p.EmployeeId, p.Name, Manager: m.Name))).ToDictionary(p => p.EmployeeId, StringComparer.Ordinal);
        var rows = status.Release.Comments.Select(c => H.Html($"""
            <tr><td>{(people.TryGetValue(c.EmployeeId, out var person) ? person.Name : c.EmployeeId)}</td><td>{(person.Manager ?? "—")}</td><td>{Day(status.Release, c.AcknowledgedAt, language)}</td><td>{c.Comment}</td></tr>
            """));
        return H.Html($"""
            <h3>{T.Comments[language]}</h3>
            <table><thead><tr><th scope="col">{T.Person[language]}</th><th scope="col">{T.Manager[language]}</th><th scope="col">{T.AcknowledgedOn[language]}</th><th scope="col">{T.Comment[language]}</th></tr></thead>
            <tbody>{(status.Release.Comments.Count == 0 ? H.Html($"""<tr><td colspan="4">{T.NoComments[language]}</td></tr>""") : H.Join(rows))}</tbody></table>
            """);
    }

    private static Markup TallyHeaders(Language language) => H.Html($"""
        <th scope="col">{T.People[language]}</th><th scope="col">{T.Of(ProgressStatus.Submitted)[language]}</th><th scope="col">{T.Of(ProgressStatus.Pending)[language]}</th><th scope="col">{T.Of(ProgressStatus.Late)[language]}</th><th scope="col">{T.Of(ProgressStatus.Escalated)[language]}</th>
        """);

    private static Markup TallyCells(StepTally tally) => H.Html($"""
        <td>{Count(tally.Total)}</td><td>{Count(tally.Submitted)}</td><td>{Count(tally.Pending)}</td><td>{Count(tally.Late)}</td><td>{Count(tally.Escalated)}</td>
        """);

    /// <summary>"Submitted 3/12 · Late 2": what a row says of one step; late and escalated only when there are any.</summary>
    private static string Summary(StepTally tally, Language language)
    {
        var parts = new List<string> { $"{T.Of(ProgressStatus.Submitted)[language]} {Count(tally.Submitted)}/{Count(tally.Total)}" };
        if (tally.Late > 0)
        {
            parts.Add($"{T.Of(ProgressStatus.Late)[language]} {Count(tally.Late)}");
        }

        if (tally.Escalated > 0)
        {
            parts.Add($"{T.Of(ProgressStatus.Escalated)[language]} {Count(tally.Escalated)}");
        }

        return string.Join(" · ", parts);
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A day as the organisation reads it, not the server's UTC date.</summary>
    private static string Day(ReleaseGate gate, DateTimeOffset moment, Language language) => Cultures.Date(gate.Time.DateOf(moment), language);

    /// <summary>A moment on the organisation's clocks.</summary>
    private static string Local(CycleStatusView status, DateTimeOffset moment, Language language)
        => status.Release.Time.LocalOf(moment).ToString("d MMMM yyyy HH:mm", Cultures.For(language));

    /// <summary>A moment on the organisation's clocks, with the zone named.</summary>
    private static string Moment(CycleStatusView status, DateTimeOffset moment, Language language)
        => status.Release.Time.LocalOf(moment).ToString("d MMMM yyyy HH:mm", Cultures.For(language)) + " (" + status.Release.Time.TimeZoneId + ")";
}
