using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Spreadsheet;
using TalentReview.Domain;
using TalentReview.Domain.Calibration;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Hr;

/// <summary>Exports as people open them: typed, filtered workbooks; CSV their Excel splits; labels in their language, every decision detail.</summary>
public sealed class ExportTests : IAsyncLifetime
{
    private static readonly string[] EnumNames =
    [
        .. Enum.GetNames<GridBox>(), .. Enum.GetNames<DecisionType>(), .. Enum.GetNames<StepState>(), .. Enum.GetNames<RatingLevel>(),
        .. Enum.GetNames<PromotionReadiness>(),
    ];

    private TestApp app = null!;
    private CycleSeed seed = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync();
        seed = await CycleSeed.WriteAsync(app.Reviews, GroupPhase.DecisionsFinalised);
        var (merit, plan) = (seed.Reports[0], seed.Reports[1]);
        await app.Reviews.UpdateManagerInputAsync(CycleSeed.CycleId, merit.Id, _ => new ManagerInputDocument(
            CycleSeed.CycleId, merit.Id, null,
            new ManagerInput(merit.Id, seed.Manager.Id, 4, new PotentialIndicators(5, 4, 4), PromotionReadiness.InOneToTwoYears, FlightRisk.Low, DecisionType.MeritIncrease, "Led the Ghent migration."),
            seed.Manager.Id, TestApp.Start.AddDays(10), TestApp.Start.AddDays(10)));
        await app.Reviews.UpsertDecisionsAsync(new DecisionChunkDocument(CycleSeed.CycleId, CycleSeed.GroupId, 0, Final: true,
        [
            new MeritIncreaseDecision(merit.Id, new DateOnly(2026, 2, 10), "hr-1", 2.5m),
            new DevelopmentPlanDecision(plan.Id, new DateOnly(2026, 2, 11), "hr-1", ["Lead a client workshop", "Finish the Excel course"], [new DateOnly(2026, 5, 4), new DateOnly(2026, 9, 7)]),
        ]));
        await app.Reviews.AddAuditAsync(new CalibrationAuditDocument(CycleSeed.CycleId, CycleSeed.GroupId, merit.Id, new CalibrationAdjustment(
            merit.Id, GridPosition.Of(GridBox.CorePlayer), GridPosition.Of(GridBox.Star), "Exceptional year: led the migration.", "hr-1",
            new DateTimeOffset(2026, 3, 29, 8, 30, 0, TimeSpan.Zero))));
        await app.Reviews.UpdateAcknowledgementAsync(CycleSeed.CycleId, merit.Id, _ => new AcknowledgementDocument(
            CycleSeed.CycleId, merit.Id, new DateTimeOffset(2026, 3, 30, 22, 15, 0, TimeSpan.Zero), "Merci, d'accord."));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private HttpClient HrClient(string? acceptLanguage = null)
    {
        var client = app.CreateClient(acceptLanguage);
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For("hr-1", Roles.HrAdmin));
        return client;
    }

    private async Task<SpreadsheetDocument> WorkbookAsync(string query, string? acceptLanguage = null)
    {
        using var client = HrClient(acceptLanguage);
        using var response = await client.GetAsync($"/api/cycles/{CycleSeed.CycleId}/export?format=xlsx{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
    }

    private static List<List<(Cell Cell, string Text)>> Rows(WorkbookPart workbook, WorksheetPart sheet)
        => [.. sheet.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => (c, c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty)).ToList())];

    private static (Cell Cell, string Text) At(List<List<(Cell Cell, string Text)>> rows, string header, int row)
    {
        var column = rows[0].FindIndex(h => h.Text == header);
        Assert.True(column >= 0, $"No column '{header}' in: {string.Join(" | ", rows[0].Select(h => h.Text))}");
        var reference = rows[0][column].Cell.CellReference!.Value![..^1] + (row + 1).ToString(CultureInfo.InvariantCulture);
        return rows[row].FirstOrDefault(c => c.Cell.CellReference == reference);
    }

    [Fact]
    public async Task The_workbook_types_numbers_and_dates_and_has_filters_widths_and_a_frozen_header()
    {
        using var workbook = await WorkbookAsync("&lang=en");

        Assert.Empty(new OpenXmlValidator().Validate(workbook).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var part = workbook.WorkbookPart!;
        var sheets = part.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Results", "Calibration moves"], sheets.Select(s => s.Name!.Value));
        var results = (WorksheetPart)part.GetPartById(sheets[0].Id!);
        var rows = Rows(part, results);
        Assert.Equal(seed.Reports.Count + 1, rows.Count);
        var meritRow = rows.FindIndex(r => r.Count > 0 && r[0].Text == seed.Reports[0].Id);
        var planRow = rows.FindIndex(r => r.Count > 0 && r[0].Text == seed.Reports[1].Id);

        var merit = At(rows, "Merit increase (%)", meritRow);
        Assert.Equal(CellValues.Number, merit.Cell.DataType!.Value);
        Assert.Equal(2.5m, decimal.Parse(merit.Text, CultureInfo.InvariantCulture));
        var performance = At(rows, "Performance (1-5)", meritRow);
        Assert.Equal(CellValues.Number, performance.Cell.DataType!.Value);
        Assert.Equal("4", performance.Text);

        var followUp = At(rows, "Follow-up 2", planRow);
        Assert.Equal(new DateOnly(2026, 9, 7), DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(followUp.Text, CultureInfo.InvariantCulture))));
        var format = part.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)followUp.Cell.StyleIndex!.Value);
        Assert.Equal(14u, format.NumberFormatId!.Value);

        var acknowledged = At(rows, "Acknowledged on", meritRow);
        Assert.Equal(new DateTime(2026, 3, 31, 0, 15, 0), DateTime.FromOADate(double.Parse(acknowledged.Text, CultureInfo.InvariantCulture)));

        Assert.Equal($"A1:{rows[0][^1].Cell.CellReference!.Value![..^1]}{rows.Count}", results.Worksheet.Elements<AutoFilter>().Single().Reference!.Value);
        Assert.All(results.Worksheet.Elements<Columns>().Single().Elements<Column>(), c => Assert.True(c.Width!.Value >= 8));
        Assert.Equal(PaneStateValues.Frozen, results.Worksheet.Descendants<Pane>().Single().State!.Value);
    }

    [Fact]
    public async Task The_workbook_holds_every_decision_detail_moves_and_comments_in_french_labels()
    {
        using var workbook = await WorkbookAsync(string.Empty, acceptLanguage: "fr-BE");

        var part = workbook.WorkbookPart!;
        var sheets = part.Workbook.Sheets!.Elements<Sheet>().ToList();
        var rows = Rows(part, (WorksheetPart)part.GetPartById(sheets[0].Id!));
        var meritRow = rows.FindIndex(r => r.Count > 0 && r[0].Text == seed.Reports[0].Id);
        var planRow = rows.FindIndex(r => r.Count > 0 && r[0].Text == seed.Reports[1].Id);
        Assert.Equal("Augmentation au mérite", At(rows, "Décision", meritRow).Text);
        Assert.Equal("Pilier", At(rows, "Case selon le responsable", meritRow).Text);
        Assert.Equal("Pas encore envoyée", At(rows, "Auto-évaluation", meritRow).Text);
        Assert.Equal("Prêt d'ici un à deux ans", At(rows, "Prêt pour l'étape suivante", meritRow).Text);
        Assert.Equal("Plan de développement personnel", At(rows, "Décision", planRow).Text);
        Assert.Equal("Lead a client workshop; Finish the Excel course", At(rows, "Objectifs", planRow).Text);
        Assert.Equal("Merci, d'accord.", At(rows, "Commentaire du collaborateur", meritRow).Text);
        Assert.Equal("Oui", At(rows, "Décision définitive", meritRow).Text);

        var moves = Rows(part, (WorksheetPart)part.GetPartById(sheets[1].Id!));
        Assert.Equal("Déplacements en calibrage", sheets[1].Name!.Value);
        Assert.Equal("Pilier", At(moves, "De", 1).Text);
        Assert.Equal("Étoile", At(moves, "Vers", 1).Text);
        Assert.Equal("Exceptional year: led the migration.", At(moves, "Motif", 1).Text);
        Assert.Equal(seed.Calibrator.Name, At(moves, "Déplacé par", 1).Text);

        var texts = rows.Concat(moves).SelectMany(r => r.Select(c => c.Text)).ToList();
        Assert.DoesNotContain(texts, t => EnumNames.Contains(t, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("fr-BE", "", ';', "2,5")]
    [InlineData("nl-BE", "", ';', "2,5")]
    [InlineData("en-GB", "", ',', "2.5")]
    [InlineData("nl-BE", "&separator=comma", ',', "2.5")]
    [InlineData("en-GB", "&separator=semicolon", ';', "2,5")]
    public async Task The_csv_splits_in_the_readers_excel_and_has_a_bom_and_labels(string language, string query, char separator, string merit)
    {
        using var client = HrClient(language);

        using var response = await client.GetAsync($"/api/cycles/{CycleSeed.CycleId}/export?format=csv{query}");

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        var line = lines.Single(l => l.StartsWith(seed.Reports[0].Id + separator, StringComparison.Ordinal));
        Assert.Contains(separator + merit + separator, line, StringComparison.Ordinal);
        Assert.Contains(separator + "2026-02-10" + separator, line, StringComparison.Ordinal);
        Assert.DoesNotContain("MeritIncrease", line, StringComparison.Ordinal);
        Assert.DoesNotContain("CorePlayer", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Submitted", lines[0] + line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_of_calibration_moves_lists_each_move_with_its_reason_in_dutch()
    {
        using var client = HrClient("nl-BE");

        using var response = await client.GetAsync($"/api/cycles/{CycleSeed.CycleId}/export?format=csv&table=moves");

        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Personeelsnummer;Naam;Kalibratiegroep;Van;Naar;Reden;Verplaatst door;Verplaatst op", lines[0]);
        Assert.Equal($"{seed.Reports[0].Id};{seed.Reports[0].Name};Operations;Kernspeler;Ster;Exceptional year: led the migration.;{seed.Calibrator.Name};2026-03-29 10:30", lines[1]);
    }

    [Fact]
    public async Task A_placement_from_the_holding_area_is_told_apart_from_a_move_in_the_csv()
    {
        await app.Reviews.AddAuditAsync(new CalibrationAuditDocument(CycleSeed.CycleId, CycleSeed.GroupId, seed.Reports[1].Id, new CalibrationAdjustment(
            seed.Reports[1].Id, null, GridPosition.Of(GridBox.HighPerformer), "Placed from the manager's input.", "hr-1",
            new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.Zero))));
        using var client = HrClient("nl-BE");

        using var response = await client.GetAsync($"/api/cycles/{CycleSeed.CycleId}/export?format=csv&table=moves");

        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"{seed.Reports[1].Id};{seed.Reports[1].Name};Operations;Wachtruimte;", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"{seed.Reports[0].Id};{seed.Reports[0].Name};Operations;Kernspeler;Ster;", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_a_spreadsheet_would_run_as_a_formula_is_written_as_text()
    {
        await app.Reviews.UpdateAcknowledgementAsync(CycleSeed.CycleId, seed.Reports[1].Id, _ => new AcknowledgementDocument(
            CycleSeed.CycleId, seed.Reports[1].Id, new DateTimeOffset(2026, 3, 30, 9, 0, 0, TimeSpan.Zero), "=HYPERLINK(\"http://x.example\")"));
        using var client = HrClient("en-GB");

        using var response = await client.GetAsync($"/api/cycles/{CycleSeed.CycleId}/export?format=csv");

        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("\"'=HYPERLINK(\"\"http://x.example\"\")\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_table_is_a_problem_naming_the_parameter()
    {
        using var client = HrClient();

        using var response = await client.GetAsync($"/api/cycles/{CycleSeed.CycleId}/export?format=csv&table=everything");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("table=moves", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
