using TalentReview.Domain;
using TalentReview.Domain.Forms;
using TalentReview.Domain.Talent.Careers;
using TalentReview.Domain.Talent.History;
using TalentReview.Web.Html;
using TalentReview.Web.Localization;
using TalentReview.Web.Talent.Profile;
using T = TalentReview.Web.Talent.TalentTexts;

namespace TalentReview.Web.Talent.Careers;

/// <summary>
/// HR's career paths: an open role's internal candidates first (when one is chosen), then every
/// function with its holders, the paths out of it that were taken and those never taken, and the
/// moves that happened across cycles.
/// </summary>
internal static class CareerPathsView
{
    private static readonly Phrase Intro = new(
        "Functies uit de roosters van de bewaarde cycli, de overstappen die gebeurden en de paden die nooit genomen werden.",
        "Les fonctions des listes du personnel des cycles conservés, les mouvements qui ont eu lieu et les parcours jamais empruntés.",
        "Functions from the rosters of the kept cycles, the moves that happened and the paths never taken.");
    private static readonly Phrase OpeningTitle = new("Een rol komt vrij", "Un poste se libère", "A role opens");
    private static readonly Phrase OpeningLabel = new("Welke rol?", "Quel poste ?", "Which role?");
    private static readonly Phrase ShowCandidates = new("Interne kandidaten tonen", "Afficher les candidats internes", "Show internal candidates");
    private static readonly Phrase CandidatesFor = new("Interne kandidaten voor {0}", "Candidats internes pour {0}", "Internal candidates for {0}");
    private static readonly Phrase CandidatesIntro = new(
        "Eerst wie klaar is, dan het vak en of de stap is wat de persoon zelf wil. Zoek pas extern als niemand past.",
        "D'abord les personnes prêtes, puis la case et si l'étape correspond à leur souhait. Ne cherchez à l'extérieur que si personne ne convient.",
        "Ready people first, then the box and whether the move is what they asked for. Look outside only when nobody fits.");
    private static readonly Phrase NoCandidates = new("Niemand past op dit moment.", "Personne ne convient pour le moment.", "Nobody fits at the moment.");
    private static readonly Phrase Move = new("Stap voor hen", "Étape pour la personne", "Move for them");
    private static readonly Phrase Readiness = new("Klaar", "Prêt", "Readiness");
    private static readonly Phrase Wish = new("Eigen wens", "Souhait", "Own wish");
    private static readonly Phrase Matches = new("Komt overeen", "Correspond", "Matches");
    private static readonly Phrase DoesNotMatch = new("Komt niet overeen", "Ne correspond pas", "Does not match");
    private static readonly Phrase Functions = new("Functies en paden", "Fonctions et parcours", "Functions and paths");
    private static readonly Phrase Holders = new("{0} persoon/personen nu", "{0} personne(s) actuellement", "{0} holder(s) now");
    private static readonly Phrase Taken = new("Genomen", "Empruntés", "Taken");
    private static readonly Phrase NeverTaken = new("Nooit genomen", "Jamais empruntés", "Never taken");
    private static readonly Phrase PathTaken = new("{0} naar {1}: {2}×", "{0} vers {1} : {2}×", "{0} to {1}: {2}×");
    private static readonly Phrase PathOpen = new("{0} naar {1}", "{0} vers {1}", "{0} to {1}");
    private static readonly Phrase MovesTitle = new("Overstappen die gebeurden", "Mouvements qui ont eu lieu", "Moves that happened");
    private static readonly Phrase From = new("Van", "De", "From");
    private static readonly Phrase To = new("Naar", "Vers", "To");
    private static readonly Phrase Kind = new("Soort", "Type", "Kind");
    private static readonly Phrase Source = new("Bron", "Source", "Source");
    private static readonly Phrase Decided = new("Beslist in de review", "Décidé lors de la revue", "Decided in the review");
    private static readonly Phrase OnRoster = new("Gezien op het rooster", "Constaté dans la liste du personnel", "Seen on the roster");
    private static readonly Phrase Date = new("Datum", "Date", "Date");

    public static Markup Render(CareerMap map, JobFunction? opening, IReadOnlyList<Candidate>? candidates, Func<string, string> profilePath, Language language)
    {
        var options = map.Functions.Select((node, index) => H.Html($"""<option value="{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}"{H.Flag(node.Function == opening, "selected")}>{TalentProfileView.FunctionText(node.Function, language)}</option>"""));
        return H.Html($"""
            <p class="lead">{Intro[language]}</p>
            <section class="panel">
            <h2>{OpeningTitle[language]}</h2>
            <form method="get" action="{HrTalentEndpoints.Path}/careers">
            <label for="role">{OpeningLabel[language]}</label>
            <select id="role" name="role">{options}</select>
            <div class="actions"><button type="submit">{ShowCandidates[language]}</button></div>
            </form>
            {(opening is null ? Markup.Empty : CandidatesPart(opening, candidates ?? [], profilePath, language))}
            </section>
            <h2>{Functions[language]}</h2>
            {map.Functions.Select(node => FunctionPart(node, language))}
            <h2>{MovesTitle[language]}</h2>
            {MovesPart(map.Moves, profilePath, language)}
            """);
    }

    private static Markup CandidatesPart(JobFunction opening, IReadOnlyList<Candidate> candidates, Func<string, string> profilePath, Language language)
    {
        var rows = candidates.Select(c => H.Html($"""
            <tr><th scope="row"><a href="{profilePath(c.Latest.EmployeeId)}">{c.Latest.Name}</a></th>
            <td>{TalentProfileView.FunctionText(c.Latest.FunctionAfter, language)}</td>
            <td>{T.Of(c.Move)[language]}</td>
            <td>{(c.Readiness is { } readiness ? DomainTexts.Of(readiness)[language] : T.NotGiven[language])}</td>
            <td>{TalentProfileView.BoxText(c.Box, language)}</td>
            <td>{(c.Latest.Self?.Aspiration is { } wish ? $"{T.Of(wish)[language]} ({(c.AspirationMatches ? Matches : DoesNotMatch)[language]})" : T.NotGiven[language])}</td></tr>
            """));
        return H.Html($"""
            <h3>{CandidatesFor.Format(language, TalentProfileView.FunctionText(opening, language))}</h3>
            <p class="hint">{CandidatesIntro[language]}</p>
            {(candidates.Count == 0 ? H.Html($"<p>{NoCandidates[language]}</p>") : H.Html($"""
                <div class="table-scroll"><table class="candidates">
                <thead><tr><th scope="col">{T.Name[language]}</th><th scope="col">{T.Function[language]}</th><th scope="col">{Move[language]}</th><th scope="col">{Readiness[language]}</th><th scope="col">{T.LatestBox[language]}</th><th scope="col">{Wish[language]}</th></tr></thead>
                <tbody>{rows}</tbody>
                </table></div>
                """))}
            """);
    }

    private static Markup FunctionPart(FunctionNode node, Language language)
    {
        var taken = node.Paths.Where(p => p.Taken).Select(p => H.Html($"<li>{PathTaken.Format(language, T.Of(p.Kind)[language], TalentProfileView.FunctionText(p.To, language), p.Moves.Count)}</li>"));
        var open = node.Paths.Where(p => !p.Taken).Select(p => H.Html($"<li>{PathOpen.Format(language, T.Of(p.Kind)[language], TalentProfileView.FunctionText(p.To, language))}</li>"));
        return H.Html($"""
            <section class="report">
            <h3>{TalentProfileView.FunctionText(node.Function, language)}</h3>
            <p class="hint">{Holders.Format(language, node.Holders)}</p>
            <div class="columns">
            <div><h4>{Taken[language]}</h4>{(node.Paths.Any(p => p.Taken) ? H.Html($"<ul>{taken}</ul>") : H.Html($"<p>{T.None[language]}</p>"))}</div>
            <div><h4>{NeverTaken[language]}</h4>{(node.Paths.Any(p => !p.Taken) ? H.Html($"<ul>{open}</ul>") : H.Html($"<p>{T.None[language]}</p>"))}</div>
            </div>
            </section>
            """);
    }

    private static Markup MovesPart(IReadOnlyList<CareerMove> moves, Func<string, string> profilePath, Language language)
    {
        if (moves.Count == 0)
        {
            return H.Html($"<p>{T.None[language]}</p>");
        }

        var rows = moves.Select(m => H.Html($"""
            <tr><td>{Cultures.Date(m.On, language)}</td><th scope="row"><a href="{profilePath(m.EmployeeId)}">{m.Name}</a></th>
            <td>{T.Of(m.Kind)[language]}</td><td>{TalentProfileView.FunctionText(m.From, language)}</td><td>{TalentProfileView.FunctionText(m.To, language)}</td>
            <td>{(m.Decided ? Decided : OnRoster)[language]} ({m.CycleName})</td></tr>
            """));
        return H.Html($"""
            <div class="table-scroll"><table class="moves">
            <thead><tr><th scope="col">{Date[language]}</th><th scope="col">{T.Name[language]}</th><th scope="col">{Kind[language]}</th><th scope="col">{From[language]}</th><th scope="col">{To[language]}</th><th scope="col">{Source[language]}</th></tr></thead>
            <tbody>{rows}</tbody>
            </table></div>
            """);
    }
}
