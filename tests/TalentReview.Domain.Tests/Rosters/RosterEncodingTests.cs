using System.Text;
using TalentReview.Domain.Rosters;

namespace TalentReview.Domain.Tests.Rosters;

/// <summary>Rosters as HR saves them: Excel in Belgium writes semicolons and Windows-1252.</summary>
public sealed class RosterEncodingTests
{
    private const string BelgianExcelCsv =
        "id;name;email;managerId;department;jobTitle;level;hireDate;contractType;status;language;location\r\n"
        + "E1;Hélène Lefèvre;helene.lefevre@meridia.example;;Direction;Directrice générale;L9;04/01/2010;permanent;active;fr;Liège\r\n"
        + "E2;Jean-François Müller;jean-francois.muller@meridia.example;E1;Ventes;Gestionnaire de comptes;L3;15/03/2021;permanent;active;fr;Namur\r\n";

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    [Fact]
    public void A_roster_saved_by_a_belgian_excel_reads_accented_names_right()
    {
        var bytes = Windows1252.GetBytes(BelgianExcelCsv);
        Assert.Equal(0xE7, bytes[BelgianExcelCsv.IndexOf('ç', StringComparison.Ordinal)]);

        var result = RosterImport.FromCsv(bytes);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
        Assert.Equal("Jean-François Müller", result.Roster!.Find("E2")!.Name);
        Assert.Equal("Hélène Lefèvre", result.Roster.Find("E1")!.Name);
        Assert.Equal("Liège", result.Roster.Find("E1")!.Location);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_utf8_roster_with_or_without_bom_reads_accented_names_right(bool withBom)
    {
        var bytes = (withBom ? Encoding.UTF8.Preamble.ToArray() : []).Concat(Encoding.UTF8.GetBytes(BelgianExcelCsv.Replace(';', ','))).ToArray();

        var result = RosterImport.FromCsv(bytes);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
        Assert.Equal("Jean-François Müller", result.Roster!.Find("E2")!.Name);
    }

    [Fact]
    public void A_utf16_roster_saved_as_unicode_text_reads_right()
    {
        var bytes = Encoding.Unicode.Preamble.ToArray().Concat(Encoding.Unicode.GetBytes(BelgianExcelCsv)).ToArray();

        var result = RosterImport.FromCsv(bytes);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
        Assert.Equal("Hélène Lefèvre", result.Roster!.Find("E1")!.Name);
    }

    [Fact]
    public void Bytes_that_are_neither_utf8_nor_windows1252_text_are_refused_not_garbled()
    {
        var bytes = Windows1252.GetBytes(BelgianExcelCsv);
        bytes[BelgianExcelCsv.IndexOf('ç', StringComparison.Ordinal)] = 0x81;

        var result = RosterImport.FromCsv(bytes);

        Assert.Null(result.Roster);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(RosterProblemCode.UnreadableText, problem.Code);
        Assert.Equal(1, problem.Line);
        Assert.Contains("save it again as CSV UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_claims_utf8_with_a_bom_but_is_not_is_refused()
    {
        var bytes = Encoding.UTF8.Preamble.ToArray().Concat(Windows1252.GetBytes(BelgianExcelCsv)).ToArray();

        var result = RosterImport.FromCsv(bytes);

        Assert.Equal(RosterProblemCode.UnreadableText, Assert.Single(result.Problems).Code);
        Assert.Contains("says it is UTF-8", result.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_excel_workbook_uploaded_as_a_roster_is_refused_with_how_to_save_it_as_csv()
    {
        var result = RosterImport.FromCsv("PK\u0003\u0004\u0014\0\u0006\0"u8);

        Assert.Contains("Save As > CSV", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a@b.example", true)]
    [InlineData("jean-françois@meridia.example", true)]
    [InlineData("not-an-email", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void An_email_address_is_checked_the_same_way_as_in_the_roster(string? email, bool valid)
        => Assert.Equal(valid, EmailAddress.IsValid(email));

    [Theory]
    [InlineData(';')]
    [InlineData(',')]
    public void The_roster_template_has_every_column_and_an_example_that_imports(char separator)
    {
        var template = RosterTemplate.Csv(separator);
        var lines = Encoding.UTF8.GetString(template).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, lines.Length);
        Assert.Equal(15, lines[0].Split(separator).Length);
        Assert.StartsWith("id" + separator + "name" + separator + "email", lines[0], StringComparison.Ordinal);
        var result = RosterImport.FromCsv(template);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
        Assert.Equal("Hélène Dubois", result.Roster!.Find("E1001")!.Name);
    }
}
