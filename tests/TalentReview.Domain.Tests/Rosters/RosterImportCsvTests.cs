using System.Text;
using TalentReview.Domain.Rosters;

namespace TalentReview.Domain.Tests.Rosters;

public sealed class RosterImportCsvTests
{
    private const string Header = "id;name;email;managerId;department;jobTitle;level;hireDate;contractType;status;language;location";

    private static string Csv(params string[] rows) => string.Join('\n', [Header, .. rows]) + "\n";

    private const string Ceo = "E1;An Peeters;an.peeters@meridia.example;;Board;CEO;L9;2010-01-04;permanent;active;nl;Brussels";
    private const string Report = "E2;Julie Dubois;julie.dubois@meridia.example;E1;Sales;Account Manager;L3;15/03/2021;fixed-term;active;fr;Namur";

    private static RosterProblem Single(RosterImportResult result)
    {
        Assert.False(result.Succeeded);
        Assert.Null(result.Roster);
        return Assert.Single(result.Problems);
    }

    [Fact]
    public void FromCsv_ValidSemicolonFile_ImportsEveryEmployeeWithParsedValues()
    {
        var result = RosterImport.FromCsv(Csv(Ceo, Report));

        Assert.True(result.Succeeded);
        Assert.Empty(result.Problems);
        var julie = result.Roster!.Find("E2")!;
        Assert.Equal("Julie Dubois", julie.Name);
        Assert.Equal("E1", julie.ManagerId);
        Assert.Equal(new DateOnly(2021, 3, 15), julie.HireDate);
        Assert.Equal(ContractType.FixedTerm, julie.ContractType);
        Assert.Equal(EmploymentStatus.Active, julie.Status);
        Assert.Equal(Language.Fr, julie.Language);
        Assert.Null(result.Roster.Find("E1")!.ManagerId);
        Assert.Equal(["E2"], result.Roster.DirectReports("E1").Select(e => e.Id));
    }

    [Fact]
    public void FromCsv_CommaSeparatedWithCrLf_IsDetectedAndImported()
    {
        var text = string.Join("\r\n", Header.Replace(';', ','), Ceo.Replace(';', ','), Report.Replace(';', ','));

        var result = RosterImport.FromCsv(text);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
        Assert.Equal(2, result.Roster!.Count);
        Assert.Equal("Namur", result.Roster.Find("E2")!.Location);
    }

    [Fact]
    public void FromCsv_Utf8BytesWithBom_IgnoresTheBom()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(Ceo, Report))).ToArray();

        var result = RosterImport.FromCsv(bytes);

        Assert.True(result.Succeeded);
        Assert.NotNull(result.Roster!.Find("E1"));
    }

    [Fact]
    public void FromCsv_StringStartingWithBom_IgnoresTheBom()
    {
        var result = RosterImport.FromCsv("\uFEFF" + Csv(Ceo));

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void FromCsv_QuotedFieldsWithSeparatorsEscapedQuotesAndLineBreaks_AreUnescaped()
    {
        var text = Csv(
            Ceo,
            "E2;\"Dubois; Julie \"\"Jules\"\"\";julie.dubois@meridia.example;E1;\"Sales\nBenelux\";Account Manager;L3;2021-03-15;permanent;active;fr;Namur",
            "E3;Tom Maes;tom.maes@meridia.example;E1;Sales;Advisor;L2;2021-03-15;permanent;active;nl;Gent;");

        var result = RosterImport.FromCsv(text);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => $"{p.Line} {p.Field} {p.Message}")));
        var julie = result.Roster!.Find("E2")!;
        Assert.Equal("Dubois; Julie \"Jules\"", julie.Name);
        Assert.Equal("Sales\nBenelux", julie.Department);
    }

    [Fact]
    public void FromCsv_LineBreakInsideQuotes_LaterProblemsKeepTheirPhysicalLine()
    {
        var text = Csv(
            Ceo,
            "E2;Julie Dubois;julie.dubois@meridia.example;E1;\"Sales\nBenelux\";AM;L3;2021-03-15;permanent;active;fr;Namur",
            "E3;Tom Maes;not-an-email;E1;Sales;AM;L3;2021-03-15;permanent;active;nl;Gent");

        var problem = Single(RosterImport.FromCsv(text));

        Assert.Equal(5, problem.Line);
        Assert.Equal("email", problem.Field);
    }

    [Fact]
    public void FromCsv_DutchAndFrenchHeadersInAnyCase_AreRecognised()
    {
        const string text = """
            Personeelsnummer;NAAM;E-mailadres;Leidinggevende;Afdeling;Functie;Niveau;Datum in dienst;Type de contrat;Statut;Taal;Vestiging
            E1;An Peeters;an@meridia.example;;Board;CEO;L9;04/01/2010;vast;actief;NL;Brussel
            E2;Julie Dubois;julie@meridia.example;E1;Ventes;Conseillère;L3;01.09.2019;CDI;actif;français;Liège
            """;

        var result = RosterImport.FromCsv(text);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
        var julie = result.Roster!.Find("E2")!;
        Assert.Equal(new DateOnly(2019, 9, 1), julie.HireDate);
        Assert.Equal(ContractType.Permanent, julie.ContractType);
        Assert.Equal(Language.Fr, julie.Language);
    }

    [Fact]
    public void FromCsv_BlankAndSeparatorOnlyLines_AreSkipped()
    {
        var result = RosterImport.FromCsv(Csv(Ceo, "", ";;;;;;;;;;;", Report));

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Roster!.Count);
    }

    [Fact]
    public void FromCsv_MissingRequiredColumn_IsReportedOnTheHeaderLine()
    {
        var problems = RosterImport.FromCsv("id;name;email\nE1;An;an@meridia.example\n").Problems;

        Assert.Contains(problems, p => p is { Line: 1, Field: "hireDate", Code: RosterProblemCode.MissingColumn });
        Assert.Contains(problems, p => p is { Line: 1, Field: "language", Code: RosterProblemCode.MissingColumn });
    }

    [Fact]
    public void FromCsv_EmptyText_IsRejected()
    {
        Assert.Equal(RosterProblemCode.EmptyRoster, Single(RosterImport.FromCsv("")).Code);
    }

    [Fact]
    public void FromCsv_HeaderOnly_IsRejectedAsEmpty()
    {
        Assert.Equal(RosterProblemCode.EmptyRoster, Single(RosterImport.FromCsv(Header + "\n")).Code);
    }

    [Theory]
    [InlineData("E2;;julie@meridia.example;E1;Sales;AM;L3;2021-03-15;permanent;active;fr;Namur", "name", RosterProblemCode.MissingRequiredField)]
    [InlineData("E2;Julie;julie@meridia.example;E1;;AM;L3;2021-03-15;permanent;active;fr;Namur", "department", RosterProblemCode.MissingRequiredField)]
    [InlineData("E2;Julie;julie@meridia.example;E1;Sales;AM;L3;;permanent;active;fr;Namur", "hireDate", RosterProblemCode.MissingRequiredField)]
    [InlineData("E2;Julie;julie@@meridia.example;E1;Sales;AM;L3;2021-03-15;permanent;active;fr;Namur", "email", RosterProblemCode.InvalidEmail)]
    [InlineData("E2;Julie;julie.meridia.example;E1;Sales;AM;L3;2021-03-15;permanent;active;fr;Namur", "email", RosterProblemCode.InvalidEmail)]
    [InlineData("E2;Julie;julie @meridia.example;E1;Sales;AM;L3;2021-03-15;permanent;active;fr;Namur", "email", RosterProblemCode.InvalidEmail)]
    [InlineData("E2;Julie;julie@meridia.example;E1;Sales;AM;L3;2021-02-30;permanent;active;fr;Namur", "hireDate", RosterProblemCode.InvalidDate)]
    [InlineData("E2;Julie;julie@meridia.example;E1;Sales;AM;L3;15/03/21;permanent;active;fr;Namur", "hireDate", RosterProblemCode.InvalidDate)]
    [InlineData("E2;Julie;julie@meridia.example;E1;Sales;AM;L3;next monday;permanent;active;fr;Namur", "hireDate", RosterProblemCode.InvalidDate)]
    [InlineData("E2;Julie;julie@meridia.example;E1;Sales;AM;L3;2021-03-15;permanent;active;de;Namur", "language", RosterProblemCode.UnknownLanguage)]
    [InlineData("E2;Julie;julie@meridia.example;E1;Sales;AM;L3;2021-03-15;zero-hours;active;fr;Namur", "contractType", RosterProblemCode.UnknownContractType)]
    [InlineData("E2;Julie;julie@meridia.example;E1;Sales;AM;L3;2021-03-15;permanent;retired-ish;fr;Namur", "status", RosterProblemCode.UnknownStatus)]
    [InlineData("E2;Julie;julie@meridia.example;E9;Sales;AM;L3;2021-03-15;permanent;active;fr;Namur", "managerId", RosterProblemCode.UnknownManager)]
    [InlineData("E2;Julie;julie@meridia.example;E1;Sales;AM;L3;2021-03-15;permanent;active;fr;Namur;surplus", "", RosterProblemCode.MalformedRow)]
    public void FromCsv_BadValue_IsReportedWithLineFieldAndCode(string row, string field, RosterProblemCode code)
    {
        var problem = Single(RosterImport.FromCsv(Csv(Ceo, row)));

        Assert.Equal(3, problem.Line);
        Assert.Equal(field, problem.Field);
        Assert.Equal(code, problem.Code);
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
    }

    [Fact]
    public void FromCsv_MissingId_IsReported()
    {
        var problem = Single(RosterImport.FromCsv(Csv(Ceo, ";Julie;julie@meridia.example;E1;Sales;AM;L3;2021-03-15;permanent;active;fr;Namur")));

        Assert.Equal((3, "id", RosterProblemCode.MissingRequiredField), (problem.Line, problem.Field, problem.Code));
    }

    [Fact]
    public void FromCsv_DuplicateId_IsReportedOnTheSecondOccurrenceNamingTheFirst()
    {
        var problem = Single(RosterImport.FromCsv(Csv(Ceo, Report, Report.Replace("julie.dubois@", "jules@", StringComparison.Ordinal))));

        Assert.Equal((4, "id", RosterProblemCode.DuplicateId), (problem.Line, problem.Field, problem.Code));
        Assert.Contains("line 3", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCsv_DuplicateEmailInOtherCase_IsReported()
    {
        var problem = Single(RosterImport.FromCsv(Csv(Ceo, Report, Report.Replace("E2;", "E3;", StringComparison.Ordinal).Replace("julie.dubois", "Julie.Dubois", StringComparison.Ordinal))));

        Assert.Equal((4, "email", RosterProblemCode.DuplicateEmail), (problem.Line, problem.Field, problem.Code));
    }

    [Fact]
    public void FromCsv_ManagerCycle_IsReportedOnEveryMemberWithTheChain()
    {
        var result = RosterImport.FromCsv(Csv(
            Ceo,
            "E2;B;b@meridia.example;E4;Sales;AM;L3;2021-03-15;permanent;active;fr;Namur",
            "E3;C;c@meridia.example;E2;Sales;AM;L3;2021-03-15;permanent;active;fr;Namur",
            "E4;D;d@meridia.example;E3;Sales;AM;L3;2021-03-15;permanent;active;fr;Namur",
            "E5;E;e@meridia.example;E4;Sales;AM;L3;2021-03-15;permanent;active;fr;Namur"));

        Assert.False(result.Succeeded);
        Assert.All(result.Problems, p => Assert.Equal((RosterProblemCode.ManagerCycle, "managerId"), (p.Code, p.Field)));
        Assert.Equal([3, 4, 5], result.Problems.Select(p => p.Line));
        Assert.Contains("E2 → E4 → E3 → E2", result.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCsv_OwnManager_IsACycle()
    {
        var problem = Single(RosterImport.FromCsv(Csv(Ceo, "E2;B;b@meridia.example;E2;Sales;AM;L3;2021-03-15;permanent;active;fr;Namur")));

        Assert.Equal((3, RosterProblemCode.ManagerCycle), (problem.Line, problem.Code));
    }

    [Fact]
    public void FromCsv_ManyProblems_AreAllReportedInLineOrderAndNothingIsImported()
    {
        var result = RosterImport.FromCsv(Csv(
            Ceo,
            "E2;Julie;bad-email;E1;Sales;AM;L3;31/31/2021;permanent;active;xx;Namur",
            "E1;Copy;an.peeters@meridia.example;E7;Sales;AM;L3;2021-03-15;permanent;active;nl;Gent"));

        Assert.Null(result.Roster);
        Assert.Equal(
            [(3, "email"), (3, "hireDate"), (3, "language"), (4, "email"), (4, "id"), (4, "managerId")],
            result.Problems.Select(p => (p.Line, p.Field)));
    }

    [Fact]
    public void FromCsv_UnclosedQuote_IsAMalformedRow()
    {
        var problems = RosterImport.FromCsv(Csv(Ceo, "E2;\"Julie;julie@meridia.example;E1;Sales")).Problems;

        Assert.Contains(problems, p => p is { Line: 3, Code: RosterProblemCode.MalformedRow });
    }

    [Fact]
    public void FromCsv_ExtraUnknownColumns_AreIgnored()
    {
        var result = RosterImport.FromCsv(Header + ";Badge\n" + Ceo + ";1234\n");

        Assert.True(result.Succeeded);
    }
}
