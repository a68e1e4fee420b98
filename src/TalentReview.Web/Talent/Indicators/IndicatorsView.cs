using TalentReview.Domain;
using TalentReview.Domain.Talent.Indicators;
using TalentReview.Web.Hr.Export;
using TalentReview.Web.Html;
using TalentReview.Web.Localization;
using TalentReview.Workflow.Talent.Indicators;

namespace TalentReview.Web.Talent.Indicators;

/// <summary>HR's indicators across cycles, for the organisation and per department: one table per indicator, and the same as a workbook sheet.</summary>
internal static class IndicatorsView
{
    private static readonly Phrase Intro = new(
        "Per cyclus, voor de hele organisatie en per afdeling. Tussen haakjes: waarop de waarde berekend is.",
        "Par cycle, pour toute l'organisation et par département. Entre parenthèses : sur quoi la valeur est calculée.",
        "Per cycle, for the whole organisation and per department. In brackets: what the value is measured on.");
    private static readonly Phrase AsOf = new("Stand op {0}.", "Situation au {0}.", "As of {0}.");
    private static readonly Phrase Download = new("Downloaden als Excel-bestand (XLSX)", "Télécharger en fichier Excel (XLSX)", "Download as an Excel file (XLSX)");
    private static readonly Phrase Organisation = new("Hele organisatie", "Toute l'organisation", "Whole organisation");
    private static readonly Phrase Scope = new("Bereik", "Périmètre", "Scope");
    private static readonly Phrase Indicator = new("Indicator", "Indicateur", "Indicator");
    private static readonly Phrase Cycle = new("Cyclus", "Cycle", "Cycle");
    private static readonly Phrase ReleasedOn = new("Bekendgemaakt op", "Communiqué le", "Released on");
    private static readonly Phrase Value = new("Waarde", "Valeur", "Value");
    private static readonly Phrase Unit = new("Eenheid", "Unité", "Unit");
    private static readonly Phrase Count = new("Aantal", "Nombre", "Count");
    private static readonly Phrase Of = new("Op", "Sur", "Out of");
    private static readonly Phrase Percent = new("procent", "pour cent", "percent");
    private static readonly Phrase Months = new("maanden", "mois", "months");
    private static readonly Phrase NotMeasured = new("—", "—", "—");
    private static readonly Phrase Measured = new("{0} ({1} van {2})", "{0} ({1} sur {2})", "{0} ({1} of {2})");
    private static readonly Phrase SheetName = new("Indicatoren", "Indicateurs", "Indicators");
    private static readonly Phrase NoValues = new("Er zijn nog geen bekendgemaakte cycli bewaard.", "Aucun cycle communiqué n'est encore conservé.", "No released cycles are kept yet.");

    public static Markup Render(IndicatorReport report, string exportPath, Language language)
    {
        if (report.Values.Count == 0)
        {
            return H.Html($"<p>{NoValues[language]}</p>");
        }

        var cycles = report.Values.Select(v => (v.CycleId, v.CycleName, v.ReleasedOn)).Distinct().OrderBy(c => c.ReleasedOn).ToList();
        var tables = report.Definitions.Select(definition =>
        {
            var values = report.Values.Where(v => v.Key == definition.Key).ToList();
            var scopes = values.Select(v => v.Department).Distinct().OrderBy(d => d is not null).ThenBy(d => d, StringComparer.Ordinal).ToList();
            var rows = scopes.Select(scope => H.Html($"""
                <tr><th scope="row">{scope ?? Organisation[language]}</th>{cycles.Select(c => H.Html($"<td>{Cell(definition, values.FirstOrDefault(v => v.Department == scope && v.CycleId == c.CycleId), language)}</td>"))}</tr>
                """));
            return H.Html($"""
                <h2>{NameOf(definition, language)}</h2>
                <div class="table-scroll"><table class="indicator" data-indicator="{definition.Key}">
                <thead><tr><th scope="col">{Scope[language]}</th>{cycles.Select(c => H.Html($"""<th scope="col">{c.CycleName}</th>"""))}</tr></thead>
                <tbody>{rows}</tbody>
                </table></div>
                """);
        });
        return H.Html($"""
            <p class="lead">{Intro[language]} {AsOf.Format(language, Cultures.Date(report.Today, language))}</p>
            <p><a href="{exportPath}">{Download[language]}</a></p>
            {tables}
            """);
    }

    /// <summary>The indicators as one sheet: a row per indicator, scope and cycle, values as numbers.</summary>
    public static ExportTable Table(IndicatorReport report, Language language)
    {
        var definitions = report.Definitions.ToDictionary(d => d.Key, StringComparer.Ordinal);
        var order = report.Definitions.Select((d, i) => (d.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var rows = report.Values
            .OrderBy(v => order.GetValueOrDefault(v.Key)).ThenBy(v => v.Department is not null).ThenBy(v => v.Department, StringComparer.Ordinal).ThenBy(v => v.ReleasedOn)
            .Select(v => (IReadOnlyList<object?>)
            [
                NameOf(definitions[v.Key], language),
                v.Department ?? Organisation[language],
                v.CycleName,
                v.ReleasedOn,
                v.Value,
                UnitOf(definitions[v.Key], language),
                v.Count,
                v.Of,
            ])
            .ToList();
        IReadOnlyList<ExportColumn> columns =
        [
            new(Indicator[language], ExportCellKind.Text, 34), new(Scope[language], ExportCellKind.Text, 26), new(Cycle[language], ExportCellKind.Text, 24),
            new(ReleasedOn[language], ExportCellKind.Date, 14), new(Value[language], ExportCellKind.Number, 10), new(Unit[language], ExportCellKind.Text, 12),
            new(Count[language], ExportCellKind.Number, 10), new(Of[language], ExportCellKind.Number, 10),
        ];
        return new ExportTable(SheetName[language], columns, rows);
    }

    private static string NameOf(IndicatorDefinition definition, Language language) => new Phrase(definition.Nl, definition.Fr, definition.En)[language];

    private static string UnitOf(IndicatorDefinition definition, Language language) => (definition.Unit == IndicatorUnit.Months ? Months : Percent)[language];

    private static string Cell(IndicatorDefinition definition, IndicatorValue? value, Language language)
    {
        if (value?.Value is not { } number)
        {
            return value is null ? NotMeasured[language] : Measured.Format(language, NotMeasured[language], value.Count, value.Of);
        }

        var culture = Cultures.For(language);
        var shown = definition.Unit == IndicatorUnit.Months
            ? $"{number.ToString("0.#", culture)} {Months[language]}"
            : $"{number.ToString("0.#", culture)} %";
        return Measured.Format(language, shown, value.Count, value.Of);
    }
}
