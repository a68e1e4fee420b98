using TalentReview.Domain;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Talent.Pools;
using TalentReview.Web.Html;
using TalentReview.Web.Localization;
using TalentReview.Web.Talent.Succession;
using TalentReview.Workflow.Talent.Pools;
using S = TalentReview.Web.Talent.Succession.SuccessionTexts;
using T = TalentReview.Web.Talent.Pools.PoolTexts;

namespace TalentReview.Web.Talent.Pools;

/// <summary>The talent pools list and one pool's page. Forms only for HR; leadership reads.</summary>
internal static class PoolsView
{
    public static Markup List(IReadOnlyList<TalentPool> pools, Markup antiforgery, bool canChange, Language language, TalentFormState? refused)
    {
        var rows = pools.Select(p => H.Html($"""
            <tr><th scope="row"><a href="{PoolPaths.Pool(p.PoolId)}">{p.Name}</a></th><td>{CriteriaText(p.Criteria, language)}</td>
            <td>{T.MemberCount.Format(language, p.Members.Count)}</td><td>{Filled(p, language)}</td></tr>
            """));
        return H.Html($"""
            {CriticalRolesView.Errors(refused, language)}
            <p class="lead">{T.Intro[language]}</p>
            <p><a href="{CriticalRolePages.ListPath}">{S.RolesLink[language]}</a> · <a href="{PoolApi.ExportPath}?lang={Cultures.Code(language)}" download>{T.Export[language]}</a></p>
            {(pools.Count == 0 ? H.Html($"<p>{T.NoPools[language]}</p>") : H.Html($"""
                <table id="pools"><thead><tr><th scope="col">{T.Name[language]}</th><th scope="col">{T.Criteria[language]}</th><th scope="col">{T.Members[language]}</th><th scope="col">{S.History[language]}</th></tr></thead>
                <tbody>{rows}</tbody></table>
                """))}
            {(canChange ? CreateForm(antiforgery, language, refused) : H.Html($"""<p class="hint">{S.ReadOnly[language]}</p>"""))}
            """);
    }

    public static Markup Pool(TalentPoolView view, Markup antiforgery, bool canChange, Language language, bool done, TalentFormState? refused)
    {
        var pool = view.Pool;
        var path = PoolPaths.Pool(pool.PoolId);
        var members = pool.Members.Select(m => H.Html($"""
            <tr><th scope="row">{m.Name}</th><td>{(m.Reason is { } reason ? S.Labelled.Format(language, T.Of(m.Source)[language], reason) : T.Of(m.Source)[language])}</td><td>{Cultures.Date(OrganisationTime.Default.DateOf(m.Since), language)}</td>
            {(canChange ? H.Html($"""
                <td><form method="post" action="{path}/members/remove">{antiforgery}<input type="hidden" name="employeeId" value="{m.EmployeeId}">
                <label for="reason-{m.EmployeeId}">{T.Reason[language]}</label>
                <input type="text" id="reason-{m.EmployeeId}" name="reason" maxlength="{TextLimits.Reason}" required>
                <button type="submit" class="secondary" aria-label="{T.RemoveName.Format(language, m.Name)}">{T.Remove[language]}</button></form></td>
                """) : Markup.Empty)}</tr>
            """));
        var excluded = pool.Exclusions.Select(e => H.Html($"""<li>{S.Labelled.Format(language, e.Name, e.Reason)} ({Cultures.Date(OrganisationTime.Default.DateOf(e.At), language)}, {e.By})</li>"""));
        var history = view.History.Select(h => H.Html($"""
            <tr><td>{Cultures.Date(OrganisationTime.Default.DateOf(h.At), language)}</td><td>{S.Of(h.Change)[language]}</td><td>{h.Name ?? string.Empty}</td><td>{h.Reason ?? string.Empty}</td><td>{h.By}</td></tr>
            """));
        return H.Html($"""
            {(done ? H.Html($"""<p class="notice" role="status">{S.Done[language]}</p>""") : Markup.Empty)}{CriticalRolesView.Errors(refused, language)}
            <p><a href="{PoolPaths.List}">{T.Title[language]}</a></p>
            {(pool.Description is { } description ? H.Html($"<p class=\"lead\">{description}</p>") : Markup.Empty)}
            <p id="criteria">{S.Labelled.Format(language, T.Criteria[language], CriteriaText(pool.Criteria, language))}</p>
            <p id="filled">{Filled(pool, language)}</p>
            {(canChange ? H.Html($"""
                <form method="post" action="{path}/fill">{antiforgery}<p class="hint">{T.FillHint[language]}</p><div class="actions"><button type="submit">{T.Fill[language]}</button></div></form>
                """) : Markup.Empty)}
            <h2>{T.Members[language]} ({pool.Members.Count.ToString(Cultures.For(language))})</h2>
            {(pool.Members.Count == 0 ? H.Html($"<p>{T.NoMembers[language]}</p>") : H.Html($"""
                <div class="table-scroll"><table id="members"><thead><tr><th scope="col">{T.Name[language]}</th><th scope="col">{T.Source[language]}</th><th scope="col">{T.Since[language]}</th>{(canChange ? H.Html($"<th scope=\"col\">{T.Remove[language]}</th>") : Markup.Empty)}</tr></thead>
                <tbody>{members}</tbody></table></div>
                """))}
            {(pool.Exclusions.Count == 0 ? Markup.Empty : H.Html($"""<h2>{T.Excluded[language]}</h2><ul id="excluded">{excluded}</ul>"""))}
            {(canChange ? H.Html($"""
                <form method="post" action="{path}/members" class="panel" id="add-member">
                {antiforgery}
                <h2>{T.Add[language]}</h2>
                <label for="member-id">{T.EmployeeId[language]}</label>
                <input type="text" id="member-id" name="employeeId" maxlength="{TextLimits.Id}" value="{refused?.Value("add", "employeeId") ?? string.Empty}" required>
                <label for="member-reason">{T.Reason[language]}</label>
                <input type="text" id="member-reason" name="reason" maxlength="{TextLimits.Reason}" value="{refused?.Value("add", "reason") ?? string.Empty}" required>
                <div class="actions"><button type="submit">{T.AddButton[language]}</button></div>
                </form>
                """) : H.Html($"""<p class="hint">{S.ReadOnly[language]}</p>"""))}
            <h2>{S.History[language]}</h2>
            <table id="history"><thead><tr><th scope="col">{S.When[language]}</th><th scope="col">{S.What[language]}</th><th scope="col">{S.Name[language]}</th><th scope="col">{S.Reason[language]}</th><th scope="col">{S.Who[language]}</th></tr></thead>
            <tbody>{history}</tbody></table>
            """);
    }

    public static string CriteriaText(PoolCriteria criteria, Language language)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        string List<TValue>(IReadOnlyList<TValue> values, Func<TValue, string> text) => values.Count == 0 ? T.Any[language] : string.Join(", ", values.Select(text));
        return string.Join("; ",
            S.Labelled.Format(language, T.Boxes[language], List(criteria.Boxes, b => DomainTexts.BoxName(b, language))),
            S.Labelled.Format(language, T.Aspirations[language], List(criteria.Aspirations, a => S.Of(a)[language])),
            S.Labelled.Format(language, T.Readiness[language], List(criteria.Readiness, r => DomainTexts.Of(r)[language])));
    }

    private static string Filled(TalentPool pool, Language language)
        => pool.FilledAt is { } at ? T.FilledFrom.Format(language, pool.FilledFromCycleName, Cultures.Date(OrganisationTime.Default.DateOf(at), language)) : T.NeverFilled[language];

    private static Markup CreateForm(Markup antiforgery, Language language, TalentFormState? refused)
    {
        bool Ticked(string field, string value) => refused?.Form == "create" && refused.Values.TryGetValue(field, out var list) && list.Split(',').Contains(value);
        Markup Checks<TEnum>(string field, Func<TEnum, string> label)
            where TEnum : struct, Enum
            => H.Join(Enum.GetValues<TEnum>().Select(v => H.Html($"""
                <div class="field check"><input type="checkbox" id="{field}-{v.ToString()}" name="{field}" value="{v.ToString()}"{H.Flag(Ticked(field, v.ToString()), "checked")}><label for="{field}-{v.ToString()}">{label(v)}</label></div>
                """)));
        return H.Html($"""
            <form method="post" action="{PoolPaths.List}" class="panel" id="create-pool">
            {antiforgery}
            <h2>{T.Create[language]}</h2>
            <label for="pool-name">{T.Name[language]}</label>
            <input type="text" id="pool-name" name="name" maxlength="{TextLimits.Label}" value="{refused?.Value("create", "name") ?? string.Empty}" required>
            <label for="pool-description">{T.Description[language]}</label>
            <textarea id="pool-description" name="description" maxlength="{TextLimits.Reason}">{refused?.Value("create", "description") ?? string.Empty}</textarea>
            <fieldset><legend>{T.Boxes[language]}</legend>{Checks<GridBox>("boxes", b => DomainTexts.BoxName(b, language))}</fieldset>
            <fieldset><legend>{T.Aspirations[language]}</legend>{Checks<CareerAspiration>("aspirations", a => S.Of(a)[language])}</fieldset>
            <fieldset><legend>{T.Readiness[language]}</legend>{Checks<PromotionReadiness>("readiness", r => DomainTexts.Of(r)[language])}</fieldset>
            <div class="actions"><button type="submit">{T.CreateButton[language]}</button></div>
            </form>
            """);
    }
}
