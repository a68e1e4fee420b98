using TalentReview.Domain;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;
using TalentReview.Domain.Talent.Succession;
using TalentReview.Web.Html;
using TalentReview.Web.Localization;
using TalentReview.Workflow.Talent.Succession;
using T = TalentReview.Web.Talent.Succession.SuccessionTexts;

namespace TalentReview.Web.Talent.Succession;

/// <summary>The critical roles list and one role's succession page. Forms only for HR; leadership reads.</summary>
internal static class CriticalRolesView
{
    public static Markup List(IReadOnlyList<CriticalRole> roles, SuccessionCoverage coverage, IReadOnlyList<Employee> incumbents, Markup antiforgery, bool canChange, Language language, TalentFormState? refused)
    {
        var rows = roles.Select(r => H.Html($"""
            <tr{(r.Bench.NobodyReadyNow ? H.Html($" class=\"warn\"") : Markup.Empty)}><th scope="row"><a href="{CriticalRolePages.RolePath(r.RoleId)}">{r.Title}</a></th>
            <td>{r.Department}</td><td>{r.IncumbentName}</td><td>{T.Of(r.RiskOfLoss)[language]}</td><td>{T.Of(r.ImpactOfLoss)[language]}</td>
            <td>{BenchLine(r.Bench, language)}{(r.Bench.NobodyReadyNow ? H.Html($"""<br><strong class="flag">{T.NobodyReadyShort[language]}</strong>""") : Markup.Empty)}</td></tr>
            """));
        var share = coverage.Share is { } value ? value.ToString("P0", Cultures.For(language)) : "—";
        var mark = canChange ? MarkForm(incumbents, antiforgery, language, refused) : H.Html($"""<p class="hint">{T.ReadOnly[language]}</p>""");
        return H.Html($"""
            {Errors(refused, language)}
            <p class="lead">{T.RolesIntro[language]}</p>
            <p><a href="{Pools.PoolPaths.List}">{T.PoolsLink[language]}</a> · <a href="{CriticalRoleApi.ExportPath}?lang={Cultures.Code(language)}" download>{T.Export[language]}</a></p>
            <p id="coverage">{T.Coverage.Format(language, coverage.WithReadySuccessor, coverage.CriticalRoles, share)}</p>
            {(roles.Count == 0 ? H.Html($"<p>{T.NoRoles[language]}</p>") : H.Html($"""
                <div class="table-scroll"><table id="critical-roles">
                <thead><tr><th scope="col">{T.Role[language]}</th><th scope="col">{T.Department[language]}</th><th scope="col">{T.Incumbent[language]}</th>
                <th scope="col">{T.RiskOfLoss[language]}</th><th scope="col">{T.ImpactOfLoss[language]}</th><th scope="col">{T.Bench[language]}</th></tr></thead>
                <tbody>{rows}</tbody></table></div>
                """))}
            {mark}
            """);
    }

    public static Markup Role(CriticalRoleView view, Markup antiforgery, bool canChange, Language language, bool done, TalentFormState? refused)
    {
        var role = view.Role;
        var path = CriticalRolePages.RolePath(role.RoleId);

        // A role unmarked since reads as it was left, with its closed nominations; nothing on it can change.
        canChange &= role.IsCritical;
        var successors = role.Successors.Select(s => H.Html($"""
            <tr><th scope="row">{s.Name}</th><td class="readiness">{T.Of(s.Readiness)[language]}</td><td>{Cultures.Date(OrganisationTime.Default.DateOf(s.ConfirmedAt), language)}</td><td>{s.Note ?? string.Empty}</td>
            {(canChange ? H.Html($"""
                <td><form method="post" action="{path}/successors/remove">{antiforgery}<input type="hidden" name="employeeId" value="{s.EmployeeId}">
                <label for="reason-{s.EmployeeId}">{T.Reason[language]}</label>
                <input type="text" id="reason-{s.EmployeeId}" name="reason" maxlength="{TextLimits.Reason}" required>
                <button type="submit" class="secondary" aria-label="{T.RemoveName.Format(language, s.Name)}">{T.Remove[language]}</button></form></td>
                """) : Markup.Empty)}</tr>
            """));
        var suggestions = view.Suggestions.Select(s => H.Html($"""
            <tr><th scope="row">{s.Talent.Name}</th><td>{s.Talent.JobTitle}, {s.Talent.Department}</td><td>{DomainTexts.BoxName(s.Talent.Box, language)}</td>
            <td>{(s.Talent.Aspiration is { } aspiration ? T.Of(aspiration)[language] : Texts.NotGiven[language])}</td><td>{T.Of(s.Readiness)[language]}</td>
            {(canChange ? H.Html($"""
                <td><form method="post" action="{path}/successors">{antiforgery}<input type="hidden" name="employeeId" value="{s.Talent.EmployeeId}">
                <label for="readiness-{s.Talent.EmployeeId}">{T.Readiness[language]}</label>
                <select id="readiness-{s.Talent.EmployeeId}" name="readiness">{ReadinessOptions(s.Readiness.ToString(), language)}</select>
                <button type="submit" aria-label="{T.ConfirmName.Format(language, s.Talent.Name)}">{T.Confirm[language]}</button></form></td>
                """) : Markup.Empty)}</tr>
            """));
        var history = view.History.Select(h => H.Html($"""
            <tr><td>{Cultures.Date(OrganisationTime.Default.DateOf(h.At), language)}</td><td>{ChangeText(h, language)}</td><td>{h.Name ?? string.Empty}</td><td>{h.Reason ?? string.Empty}</td><td>{h.By}</td></tr>
            """));
        return H.Html($"""
            {(done ? H.Html($"""<p class="notice" role="status">{T.Done[language]}</p>""") : Markup.Empty)}{Errors(refused, language)}
            <p><a href="{CriticalRolePages.ListPath}">{T.RolesLink[language]}</a></p>
            <dl class="facts" id="role-facts">
            <dt>{T.Department[language]}</dt><dd>{role.Department}</dd>
            <dt>{T.Level[language]}</dt><dd>{role.Level}</dd>
            <dt>{T.Incumbent[language]}</dt><dd>{role.IncumbentName}</dd>
            <dt>{T.RiskOfLoss[language]}</dt><dd>{T.Of(role.RiskOfLoss)[language]}</dd>
            <dt>{T.ImpactOfLoss[language]}</dt><dd>{T.Of(role.ImpactOfLoss)[language]}</dd>
            <dt>{T.Bench[language]}</dt><dd id="bench">{BenchLine(role.Bench, language)}</dd>
            </dl>
            {(role.Unmarked is { } unmarked ? Unmarked(role, unmarked, language) : role.Bench.NobodyReadyNow ? H.Html($"""<p class="error-summary" id="nobody-ready"><strong>{T.NobodyReady[language]}</strong></p>""") : Markup.Empty)}
            {(role.IsCritical ? Bench(view, successors, suggestions, canChange, language) : Markup.Empty)}
            {(canChange ? H.Join([Forms(view, antiforgery, language, refused), UnmarkForm(role, antiforgery, language, refused)]) : role.IsCritical ? H.Html($"""<p class="hint">{T.ReadOnly[language]}</p>""") : Markup.Empty)}
            <h2>{T.History[language]}</h2>
            <table id="history"><thead><tr><th scope="col">{T.When[language]}</th><th scope="col">{T.What[language]}</th><th scope="col">{T.Name[language]}</th><th scope="col">{T.Reason[language]}</th><th scope="col">{T.Who[language]}</th></tr></thead>
            <tbody>{history}</tbody></table>
            """);
    }

    /// <summary>"Weak: 0 ready now, 1 in 1–2 years, 0 in 3 years or more".</summary>
    public static string BenchLine(BenchStrength bench, Language language)
    {
        ArgumentNullException.ThrowIfNull(bench);
        return T.Labelled.Format(language, T.Of(bench.Rating)[language], T.BenchCounts.Format(language, bench.ReadyNow, bench.InOneToTwoYears, bench.InThreeYearsOrMore));
    }

    private static Markup Forms(CriticalRoleView view, Markup antiforgery, Language language, TalentFormState? refused)
    {
        var role = view.Role;
        var path = CriticalRolePages.RolePath(role.RoleId);
        string Typed(string form, string field, string fallback) => refused?.Form == form ? refused.Value(form, field) : fallback;
        return H.Html($"""
            <form method="post" action="{path}/successors" class="panel" id="nominate">
            {antiforgery}
            <h2>{T.NominateOther[language]}</h2>
            <label for="nominee">{T.EmployeeId[language]}</label>
            <input type="text" id="nominee" name="employeeId" maxlength="{TextLimits.Id}" value="{Typed("nominate", "employeeId", string.Empty)}" required>
            <label for="nominee-readiness">{T.Readiness[language]}</label>
            <select id="nominee-readiness" name="readiness" required>{ReadinessOptions(Typed("nominate", "readiness", string.Empty), language, offerNone: true)}</select>
            <label for="nominee-note">{T.Note[language]}</label>
            <textarea id="nominee-note" name="note" maxlength="{TextLimits.Reason}">{Typed("nominate", "note", string.Empty)}</textarea>
            <div class="actions"><button type="submit">{T.Nominate[language]}</button></div>
            </form>
            <form method="post" action="{path}" class="panel" id="change-role">
            {antiforgery}
            <h2>{T.ChangeRole[language]}</h2>
            <input type="hidden" name="version" value="{view.Version}">
            <label for="role-title">{T.Role[language]}</label>
            <input type="text" id="role-title" name="title" maxlength="{TextLimits.Label}" value="{Typed("change", "title", role.Title)}" required>
            <label for="role-risk">{T.RiskOfLoss[language]}</label>
            <select id="role-risk" name="riskOfLoss" required>{LevelOptions(Typed("change", "riskOfLoss", role.RiskOfLoss.ToString()), language)}</select>
            <label for="role-impact">{T.ImpactOfLoss[language]}</label>
            <select id="role-impact" name="impactOfLoss" required>{LevelOptions(Typed("change", "impactOfLoss", role.ImpactOfLoss.ToString()), language)}</select>
            <div class="actions"><button type="submit">{T.Save[language]}</button></div>
            </form>
            """);
    }

    /// <summary>The successors confirmed and those the latest calibration suggests, with HR's forms on them.</summary>
    private static Markup Bench(CriticalRoleView view, IEnumerable<Markup> successors, IEnumerable<Markup> suggestions, bool canChange, Language language) => H.Html($"""
            <h2>{T.Successors[language]}</h2>
            {(view.Role.Successors.Count == 0 ? H.Html($"<p>{T.NoSuccessors[language]}</p>") : H.Html($"""
                <table id="successors"><thead><tr><th scope="col">{T.Name[language]}</th><th scope="col">{T.Readiness[language]}</th><th scope="col">{T.ConfirmedOn[language]}</th><th scope="col">{T.Note[language]}</th>{(canChange ? H.Html($"<th scope=\"col\">{T.Remove[language]}</th>") : Markup.Empty)}</tr></thead>
                <tbody>{successors}</tbody></table>
                """))}
            <h2>{(view.CalibrationCycleName is { } cycle ? T.Suggestions.Format(language, cycle) : T.Suggestions.Format(language, "—"))}</h2>
            {(view.CalibrationCycleName is null ? H.Html($"<p>{T.NoCalibration[language]}</p>") : view.Suggestions.Count == 0 ? H.Html($"<p>{T.NoSuggestions[language]}</p>") : H.Html($"""
                <p class="hint">{T.SuggestionsIntro[language]}</p>
                <div class="table-scroll"><table id="suggestions"><thead><tr><th scope="col">{T.Name[language]}</th><th scope="col">{T.Function[language]}</th><th scope="col">{T.Box[language]}</th><th scope="col">{T.Aspiration[language]}</th><th scope="col">{T.Readiness[language]}</th>{(canChange ? H.Html($"<th scope=\"col\">{T.Confirm[language]}</th>") : Markup.Empty)}</tr></thead>
                <tbody>{suggestions}</tbody></table></div>
                """))}
            """);

    private static Markup Unmarked(CriticalRole role, RoleUnmarking unmarked, Language language)
    {
        var closed = (role.ClosedSuccessors ?? []).Select(s => H.Html($"""<tr><th scope="row">{s.Name}</th><td class="readiness">{T.Of(s.Readiness)[language]}</td></tr>"""));
        return H.Html($"""
            <p class="notice" id="unmarked" role="status"><strong>{T.Unmarked.Format(language, Cultures.Date(OrganisationTime.Default.DateOf(unmarked.At), language), unmarked.By, unmarked.Reason)}</strong></p>
            <p class="hint">{T.MarkAgain[language]}</p>
            {((role.ClosedSuccessors ?? []).Count == 0 ? Markup.Empty : H.Html($"""
                <h2>{T.ClosedNominations[language]}</h2>
                <table id="closed-nominations"><thead><tr><th scope="col">{T.Name[language]}</th><th scope="col">{T.Readiness[language]}</th></tr></thead>
                <tbody>{closed}</tbody></table>
                """))}
            """);
    }

    /// <summary>Unmarking asks for the reason and a ticked confirmation, and says what happens to the successors.</summary>
    private static Markup UnmarkForm(CriticalRole role, Markup antiforgery, Language language, TalentFormState? refused) => H.Html($"""
        <form method="post" action="{CriticalRolePages.RolePath(role.RoleId)}/unmark" class="panel" id="unmark">
        {antiforgery}
        <h2>{T.Unmark[language]}</h2>
        <p class="hint">{T.UnmarkIntro.Format(language, role.Successors.Count)}</p>
        <label for="unmark-reason">{T.Reason[language]}</label>
        <input type="text" id="unmark-reason" name="reason" maxlength="{TextLimits.Reason}" value="{refused?.Value("unmark", "reason") ?? string.Empty}" required>
        <label><input type="checkbox" id="unmark-confirmed" name="confirmed" value="true" required> {T.UnmarkConfirm[language]}</label>
        <div class="actions"><button type="submit" class="secondary">{T.UnmarkButton[language]}</button></div>
        </form>
        """);

    private static Markup MarkForm(IReadOnlyList<Employee> incumbents, Markup antiforgery, Language language, TalentFormState? refused)
    {
        var chosen = refused?.Value("mark", "incumbentId") ?? string.Empty;
        var options = incumbents.Select(e => H.Html($"""<option value="{e.Id}"{H.Flag(e.Id == chosen, "selected")}>{e.Name} — {e.JobTitle}, {e.Department} ({e.Level})</option>"""));
        return H.Html($"""
            <form method="post" action="{CriticalRolePages.ListPath}" class="panel" id="mark">
            {antiforgery}
            <h2>{T.MarkRole[language]}</h2>
            <p class="hint">{T.MarkIntro[language]}</p>
            <label for="incumbent">{T.Incumbent[language]}</label>
            <select id="incumbent" name="incumbentId" required><option value="">—</option>{options}</select>
            <label for="mark-title">{T.TitleOptional[language]}</label>
            <input type="text" id="mark-title" name="title" maxlength="{TextLimits.Label}" value="{refused?.Value("mark", "title") ?? string.Empty}">
            <label for="mark-risk">{T.RiskOfLoss[language]}</label>
            <select id="mark-risk" name="riskOfLoss" required>{LevelOptions(refused?.Value("mark", "riskOfLoss") ?? string.Empty, language)}</select>
            <label for="mark-impact">{T.ImpactOfLoss[language]}</label>
            <select id="mark-impact" name="impactOfLoss" required>{LevelOptions(refused?.Value("mark", "impactOfLoss") ?? string.Empty, language)}</select>
            <div class="actions"><button type="submit">{T.Mark[language]}</button></div>
            </form>
            """);
    }

    /// <summary>What happened, in words: a confirmation says how ready, a change of the role says the risk and impact it set.</summary>
    public static string ChangeText(TalentAuditDocument change, Language language)
    {
        ArgumentNullException.ThrowIfNull(change);
        var what = T.Of(change.Change)[language];
        if (change.Change is TalentChange.SuccessorConfirmed or TalentChange.NominationClosed && Enum.TryParse<SuccessorReadiness>(change.Detail, out var readiness))
        {
            return T.Labelled.Format(language, what, T.Of(readiness)[language]);
        }

        return change.Detail?.Split('/') is [var risk, var impact] && Enum.TryParse<LossLevel>(risk, out var riskLevel) && Enum.TryParse<LossLevel>(impact, out var impactLevel)
            ? $"{what} ({T.Labelled.Format(language, T.RiskOfLoss[language], T.Of(riskLevel)[language])}, {T.Labelled.Format(language, T.ImpactOfLoss[language], T.Of(impactLevel)[language])})"
            : what;
    }

    private static Markup ReadinessOptions(string selected, Language language, bool offerNone = false)
        => H.Join((offerNone ? [H.Html($"""<option value="">—</option>""")] : Array.Empty<Markup>()).Concat(Enum.GetValues<SuccessorReadiness>().Select(r => H.Html($"""<option value="{r.ToString()}"{H.Flag(r.ToString() == selected, "selected")}>{T.Of(r)[language]}</option>"""))));

    private static Markup LevelOptions(string selected, Language language)
        => H.Join([H.Html($"""<option value="">—</option>"""), .. Enum.GetValues<LossLevel>().Select(l => H.Html($"""<option value="{l.ToString()}"{H.Flag(l.ToString() == selected, "selected")}>{T.Of(l)[language]}</option>"""))]);

    public static Markup Errors(TalentFormState? refused, Language language) => refused is { Errors.Count: > 0 }
        ? H.Html($"""<div class="error-summary" role="alert"><h2>{Texts.ErrorSummaryTitle[language]}</h2><ul>{refused.Errors.Select(e => H.Html($"<li>{e}</li>"))}</ul></div>""")
        : Markup.Empty;
}
