using Microsoft.AspNetCore.Http;
using TalentReview.Domain;
using TalentReview.Domain.Calibration;
using TalentReview.Web.Html;
using TalentReview.Web.Links;
using TalentReview.Web.Localization;
using TalentReview.Workflow.Storage;
using T = TalentReview.Web.Calibration.CalibrationTexts;

namespace TalentReview.Web.Calibration;

/// <summary>
/// Which chips the board shows: by manager, department, level and flag. A plain GET form the server
/// applies (no script needed); with script the same form filters in place, so an unsaved drop stays
/// where it was put. Managers are named in the URL by their place in the list, never by id or name.
/// </summary>
internal sealed record BoardFilter(string Manager, string Department, string Level, string Flag)
{
    public const string AnyFlag = "any";

    public static BoardFilter From(IQueryCollection query) => new(query["manager"].ToString(), query["department"].ToString(), query["level"].ToString(), query["flag"].ToString());

    public bool IsEmpty => Manager.Length == 0 && Department.Length == 0 && Level.Length == 0 && Flag.Length == 0;

    /// <summary>The key a manager has in the filter: "m" and their place in the list by name.</summary>
    public static Dictionary<string, (string Key, string Name)> Managers(IReadOnlyList<BoardCard> cards)
        => cards.Where(c => c.Card.ManagerId is not null)
            .GroupBy(c => c.Card.ManagerId!, StringComparer.Ordinal)
            .Select(g => (Id: g.Key, Name: g.First().ManagerName ?? "—"))
            .OrderBy(m => m.Name, StringComparer.CurrentCulture).ThenBy(m => m.Id, StringComparer.Ordinal)
            .Select((m, i) => (m.Id, Key: "m" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Name))
            .ToDictionary(m => m.Id, m => (m.Key, m.Name), StringComparer.Ordinal);

    /// <summary>The flags a chip is filtered by: none for a card of the viewer's own line, whose flags are not theirs to see.</summary>
    public static IEnumerable<string> FlagsOf(BoardCard card) => card.Excluded ? [] : card.Card.Flags.Select(f => f.ToString());

    public bool Shows(BoardCard card, string? managerKey)
    {
        var flags = FlagsOf(card).ToList();
        return (Manager.Length == 0 || Manager == managerKey)
            && (Department.Length == 0 || Department == card.Department)
            && (Level.Length == 0 || Level == card.Level)
            && (Flag.Length == 0 || (Flag == AnyFlag ? flags.Count > 0 : flags.Contains(Flag)));
    }

    public Markup Render(LinkContext link, Language language, IReadOnlyList<BoardCard> cards, Dictionary<string, (string Key, string Name)> managers, int shown)
    {
        Markup Select(string name, string label, string selected, IEnumerable<(string Value, string Text)> options) => H.Html($"""
            <label>{label}
            <select name="{name}"><option value="">{T.FilterAll[language]}</option>{options.Select(o => H.Html($"""<option value="{o.Value}"{H.Flag(o.Value == selected, "selected")}>{o.Text}</option>"""))}</select>
            </label>
            """);
        static IEnumerable<(string, string)> Distinct(IEnumerable<string> values)
            => values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.CurrentCulture).Select(v => (v, v));
        var flags = Enum.GetValues<CardFlag>().Select(f => (f.ToString(), T.Of(f)[language]));
        return H.Html($"""
            <form method="get" action="{link.ActionPath}" class="filters" id="board-filters" aria-labelledby="filters-title">
            <h2 id="filters-title" class="skip">{T.Filters[language]}</h2>
            {Select("manager", T.FilterManager[language], Manager, managers.Values.Select(m => (m.Key, m.Name)))}
            {Select("department", T.FilterDepartment[language], Department, Distinct(cards.Select(c => c.Department)))}
            {Select("level", T.FilterLevel[language], Level, Distinct(cards.Select(c => c.Level)))}
            {Select("flag", T.FilterFlag[language], Flag, [(AnyFlag, T.FilterAnyFlag[language]), .. flags])}
            <button type="submit">{T.Filter[language]}</button>
            <p id="filter-count" role="status" data-template="{T.FilterShowing[language]}">{T.FilterShowing.Format(language, shown, cards.Count)}</p>
            </form>
            """);
    }

    /// <summary>Filters in place: no reload, so a chip dropped but not yet saved keeps its place and its open form (and stays shown).</summary>
    public static Markup Script(string nonce) => H.Html($$"""
        <script nonce="{{nonce}}">
        (function () {
          var form = document.getElementById('board-filters');
          if (!form) { return; }
          var count = document.getElementById('filter-count');
          function apply() {
            var f = { manager: form.elements.manager.value, department: form.elements.department.value, level: form.elements.level.value, flag: form.elements.flag.value };
            var cards = document.querySelectorAll('.card');
            var shown = 0;
            cards.forEach(function (card) {
              var flags = card.dataset.flags ? card.dataset.flags.split(' ') : [];
              var ok = card.dataset.pending === '1' || ((!f.manager || card.dataset.manager === f.manager)
                && (!f.department || card.dataset.department === f.department)
                && (!f.level || card.dataset.level === f.level)
                && (!f.flag || (f.flag === '{{AnyFlag}}' ? flags.length > 0 : flags.indexOf(f.flag) >= 0)));
              card.hidden = !ok;
              if (ok) { shown++; }
            });
            count.textContent = count.dataset.template.replace('{0}', shown).replace('{1}', cards.length);
            history.replaceState(null, '', '?' + new URLSearchParams(new FormData(form)).toString());
          }
          form.addEventListener('change', apply);
          form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
        })();
        </script>
        """);
}
