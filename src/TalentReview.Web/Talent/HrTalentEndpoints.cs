using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TalentReview.Domain;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Talent.Careers;
using TalentReview.Domain.Talent.History;
using TalentReview.Web.Hr;
using TalentReview.Web.Hr.Export;
using TalentReview.Web.Html;
using TalentReview.Web.RateLimiting;
using TalentReview.Web.Security;
using TalentReview.Web.Talent.Careers;
using TalentReview.Web.Talent.Indicators;
using TalentReview.Web.Talent.Profile;
using TalentReview.Workflow.Talent.History;
using TalentReview.Workflow.Talent.Indicators;
using T = TalentReview.Web.Talent.TalentTexts;

namespace TalentReview.Web.Talent;

/// <summary>
/// <c>/hr/talent</c>: HR's talent pages across cycles: everyone's latest outcome, a person's profile
/// (addressed by an opaque reference, never the employee id), career paths with the internal
/// candidates for an opening, and the indicators with their XLSX export. GET only: HR and leadership read
/// them (the talent data is confidential to HR, leadership and the person's reporting line, which reads a
/// profile through its own signed link); nothing here changes anything, so leadership sees what HR sees.
/// </summary>
internal static class HrTalentEndpoints
{
    public const string Path = "/hr/talent";

    public static string ProfilePath(string reference) => $"{Path}/people/{Uri.EscapeDataString(reference)}";

    public static void MapHrTalent(this IEndpointRouteBuilder routes)
    {
        // The Leadership policy admits HR too. Anything that changes talent data belongs elsewhere, for HR only.
        var readable = routes.MapGroup(Path).RequireAuthorization(Roles.Leadership).ExcludeFromDescription();
        readable.MapGet("/", PeopleAsync);
        readable.MapGet("/people/{reference:maxlength(1024)}", ProfileAsync);
        readable.MapGet("/careers", CareersAsync);
        readable.MapGet("/indicators", IndicatorsAsync);
        readable.MapGet("/indicators/export", ExportAsync).RequireRequestLimit(RequestLimit.Export);
    }

    private static Language LanguageOf(HttpContext http) => ReaderPreferences.Of(http.Request).Language;

    private static async Task<IResult> PeopleAsync(HttpContext http, ITalentHistory history, ProfileReferences references, CancellationToken cancellationToken)
    {
        var language = LanguageOf(http);
        var latest = await history.GetLatestOutcomesAsync(cancellationToken);
        var rows = latest.OrderBy(o => o.FunctionAfter.Department, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal).Select(o => H.Html($"""
            <tr><th scope="row"><a href="{ProfilePath(references.For(o.EmployeeId))}">{o.Name}</a></th>
            <td>{TalentProfileView.FunctionText(o.FunctionAfter, language)}</td>
            <td>{TalentProfileView.BoxText(o.Box, language)}</td>
            <td>{TalentProfileView.DecisionText(o.Decision, language)}</td>
            <td>{o.CycleName}</td></tr>
            """));
        return new HtmlPage(language, T.PeopleTitle[language], H.Html($"""
            <p class="lead">{T.PeopleIntro[language]}</p>
            <p><a href="{Path}/careers">{T.CareersLink[language]}</a> · <a href="{Path}/indicators">{T.IndicatorsLink[language]}</a></p>
            {(latest.Count == 0 ? H.Html($"<p>{T.NoHistory[language]}</p>") : H.Html($"""
                <div class="table-scroll"><table>
                <thead><tr><th scope="col">{T.Name[language]}</th><th scope="col">{T.Function[language]}</th><th scope="col">{T.LatestBox[language]}</th><th scope="col">{T.LatestDecision[language]}</th><th scope="col">{T.Cycle[language]}</th></tr></thead>
                <tbody>{rows}</tbody>
                </table></div>
                """))}
            """));
    }

    private static async Task<IResult> ProfileAsync(string reference, HttpContext http, ITalentHistory history, ProfileReferences references, TimeProvider time, CancellationToken cancellationToken)
    {
        var language = LanguageOf(http);
        var person = references.EmployeeIdOf(reference) is { } employeeId ? await history.GetHistoryAsync(employeeId, cancellationToken) : null;
        if (person is null || person.IsEmpty)
        {
            return new HtmlPage(language, T.ProfileNotFound[language], H.Html($"<p>{T.ProfileNotFound[language]}</p>"), StatusCodes.Status404NotFound);
        }

        return new HtmlPage(language, TalentProfileView.Title(person, language), TalentProfileView.Render(person, language, TodayOf(person.Latest!, time)));
    }

    private static async Task<IResult> CareersAsync(string? role, HttpContext http, ITalentHistory history, ProfileReferences references, CancellationToken cancellationToken)
    {
        var language = LanguageOf(http);
        var outcomes = await history.GetAllOutcomesAsync(cancellationToken);
        var map = CareerMap.Build(outcomes);
        var opening = int.TryParse(role, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < map.Functions.Count
            ? map.Functions[index].Function
            : null;
        var candidates = opening is null ? null : InternalCandidates.For(opening, await history.GetLatestOutcomesAsync(cancellationToken));
        return new HtmlPage(language, T.CareersLink[language], CareerPathsView.Render(map, opening, candidates, id => ProfilePath(references.For(id)), language));
    }

    private static async Task<IResult> IndicatorsAsync(HttpContext http, TalentIndicatorQueries indicators, CancellationToken cancellationToken)
    {
        var language = LanguageOf(http);
        var report = await indicators.ComputeAsync(cancellationToken);
        return new HtmlPage(language, T.IndicatorsLink[language], IndicatorsView.Render(report, $"{Path}/indicators/export?lang={Localization.Cultures.Code(language)}", language));
    }

    private static async Task<IResult> ExportAsync(HttpContext http, TalentIndicatorQueries indicators, CancellationToken cancellationToken)
    {
        var language = LanguageOf(http);
        var report = await indicators.ComputeAsync(cancellationToken);
        return Results.File(XlsxExportWriter.Write([IndicatorsView.Table(report, language)]), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "talentreview-indicators.xlsx");
    }

    /// <summary>Today in the zone of the person's latest cycle: follow-ups due by then and not held read as overdue.</summary>
    public static DateOnly TodayOf(TalentOutcome latest, TimeProvider time)
        => new OrganisationTime(latest.TimeZoneId, OrganisationTime.Default.WorkingHour).DateOf(time.GetUtcNow());
}
