using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TalentReview.Domain.Rosters;
using TalentReview.Web.Hr;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;

namespace TalentReview.Web.Tests.Hr;

/// <summary>
/// Excel rosters (.xlsx) as Excel saves them: shared strings, dates as numbers with a date format, ids as numbers.
/// They import as the same roster as the CSV, and refuse what the CSV refuses with the sheet's row numbers.
/// </summary>
public sealed class RosterWorkbookTests
{
    private static readonly object?[] Header = ["id", "name", "email", "managerId", "department", "jobTitle", "level", "hireDate", "contractType", "status", "language", "location"];

    private const string Csv =
        "id;name;email;managerId;department;jobTitle;level;hireDate;contractType;status;language;location\r\n"
        + "1001;Hélène Lefèvre;helene.lefevre@meridia.example;;Direction;Directrice générale;L9;2010-01-04;permanent;active;fr;Liège\r\n"
        + "1002;Jean-François Müller;jean-francois.muller@meridia.example;1001;Ventes;Gestionnaire de comptes;L3;2021-03-15;permanent;active;fr;Namur\r\n"
        + "1003;Anke Peeters;anke.peeters@meridia.example;1001;Ventes;Verkoper;L2;2022-09-01;fixed-term;active;nl;Gent\r\n";

    private static readonly (uint Row, object?[] Cells)[] Rows =
    [
        (1, Header),
        (2, [1001, "Hélène Lefèvre", "helene.lefevre@meridia.example", null, "Direction", "Directrice générale", "L9", new DateOnly(2010, 1, 4), "permanent", "active", "fr", "Liège"]),
        (3, [1002, "Jean-François Müller", "jean-francois.muller@meridia.example", 1001, "Ventes", "Gestionnaire de comptes", "L3", new DateOnly(2021, 3, 15), "permanent", "active", "fr", "Namur"]),
        (4, [1003, "Anke Peeters", "anke.peeters@meridia.example", 1001, "Ventes", "Verkoper", "L2", new DateOnly(2022, 9, 1), "fixed-term", "active", "nl", "Gent"]),
    ];

    [Fact]
    public void A_workbook_with_typed_cells_imports_the_same_roster_as_the_csv()
    {
        var fromCsv = RosterImport.FromCsv(Csv);

        var fromWorkbook = RosterWorkbook.Import(Workbook(Rows));

        Assert.True(fromWorkbook.Succeeded, string.Join("; ", fromWorkbook.Problems.Select(p => $"{p.Line} {p.Field}: {p.Message}")));
        Assert.Equal(fromCsv.Roster!.Employees, fromWorkbook.Roster!.Employees);
        Assert.Equal(new DateOnly(2021, 3, 15), fromWorkbook.Roster.Find("1002")!.HireDate);
        Assert.Equal("1001", fromWorkbook.Roster.Find("1002")!.ManagerId);
    }

    [Fact]
    public void Problems_name_the_rows_excel_shows_with_the_csvs_words_even_after_empty_rows()
    {
        (uint, object?[])[] rows =
        [
            (1, Header),
            (2, Rows[1].Cells),
            // Rows 3 and 4 left empty, as people do between blocks.
            (5, [1002, "Jean-François Müller", "not an address", 1001, "Ventes", "Gestionnaire de comptes", "L3", new DateOnly(2021, 3, 15), "permanent", "active", "fr", "Namur"]),
            (7, [1003, "Anke Peeters", "anke.peeters@meridia.example", 4242, "Ventes", "Verkoper", "L2", "31/02/2022", "fixed-term", "active", "nl", "Gent"]),
        ];
        var csv = RosterImport.FromCsv(string.Join("\r\n", [
            .. Csv.Split("\r\n")[..2],
            string.Empty,
            string.Empty,
            "1002;Jean-François Müller;not an address;1001;Ventes;Gestionnaire de comptes;L3;2021-03-15;permanent;active;fr;Namur",
            string.Empty,
            "1003;Anke Peeters;anke.peeters@meridia.example;4242;Ventes;Verkoper;L2;31/02/2022;fixed-term;active;nl;Gent",
        ]));

        var workbook = RosterWorkbook.Import(Workbook(rows));

        Assert.False(workbook.Succeeded);
        Assert.Equal(csv.Problems, workbook.Problems);
        Assert.Contains(workbook.Problems, p => p is { Line: 5, Field: "email", Code: RosterProblemCode.InvalidEmail });
        Assert.Contains(workbook.Problems, p => p is { Line: 7, Field: "hireDate", Code: RosterProblemCode.InvalidDate });
        Assert.Contains(workbook.Problems, p => p is { Line: 7, Field: "managerId", Code: RosterProblemCode.UnknownManager });
    }

    [Fact]
    public void A_missing_column_is_a_problem_on_row_1_as_in_the_csv()
    {
        var workbook = RosterWorkbook.Import(Workbook([(1, Header.Where(h => (string)h! != "email").ToArray())]));

        var problem = Assert.Single(workbook.Problems, p => p.Code == RosterProblemCode.MissingColumn);
        Assert.Equal((1, "email", "The header has no column for email."), (problem.Line, problem.Field, problem.Message));
    }

    [Fact]
    public void A_file_that_only_looks_like_a_workbook_is_refused_on_line_1_without_a_crash()
    {
        var bytes = new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8 };

        var result = RosterWorkbook.Import(bytes);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((1, RosterProblemCode.UnreadableText), (problem.Line, problem.Code));
        Assert.Contains("not an Excel workbook that can be read", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_launches_from_an_xlsx_roster_with_the_names_spelled_right()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For("hr-1", Roles.HrAdmin));
        var file = new ByteArrayContent(Workbook(Rows));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var settings = JsonSerializer.Serialize(new
        {
            name = "Revue 2026",
            start = "2026-01-05",
            cycleId = "xlsx2026",
            hr = new[] { new { id = "hr-1", name = "Hanne Peeters", email = "hanne.peeters@meridia.example", language = "Nl" } },
        });
        using var content = new MultipartFormDataContent { { new StringContent(settings), "settings" }, { file, "roster", "roster.xlsx" } };

        using var response = await client.PostAsync("/api/cycles", content);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var cycle = await app.Reviews.GetCycleAsync("xlsx2026");
        Assert.Equal(["Hélène Lefèvre", "Jean-François Müller", "Anke Peeters"], (await app.Reviews.ReadRosterAsync(cycle!)).Select(e => e.Name));
    }

    /// <summary>A workbook as Excel writes one: strings shared, numbers as numbers, dates as serial numbers with a date format.</summary>
    private static byte[] Workbook(IEnumerable<(uint Row, object?[] Cells)> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
                new Fonts(new Font()),
                new Fills(new Fill(), new Fill()),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var strings = new List<string>();
            var data = new SheetData();
            foreach (var (index, cells) in rows)
            {
                var row = new Row { RowIndex = index };
                for (var i = 0; i < cells.Length; i++)
                {
                    var reference = $"{(char)('A' + i)}{index}";
                    switch (cells[i])
                    {
                        case string text:
                            strings.Add(text);
                            row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(strings.Count - 1) });
                            break;
                        case int number:
                            row.Append(new Cell { CellReference = reference, CellValue = new CellValue(number) });
                            break;
                        case DateOnly date:
                            row.Append(new Cell
                            {
                                CellReference = reference,
                                StyleIndex = 1,
                                CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
                            });
                            break;
                    }
                }

                data.Append(row);
            }

            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Roster" }));
        }

        return stream.ToArray();
    }
}
