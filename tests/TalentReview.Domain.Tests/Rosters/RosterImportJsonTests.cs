using TalentReview.Domain.Rosters;

namespace TalentReview.Domain.Tests.Rosters;

public sealed class RosterImportJsonTests
{
    private const string ValidArray = """
        [
          { "employeeId": "E1", "name": "An Peeters", "email": "an@meridia.example", "department": "Board",
            "hireDate": "2010-01-04", "contractType": "permanent", "status": "active", "language": "nl" },
          { "employeeId": "E2", "name": "Julie Dubois", "email": "julie@meridia.example", "managerId": "E1",
            "department": "Sales", "jobTitle": "Account Manager", "level": "L3", "hireDate": "15/03/2021",
            "contractType": "fixed-term", "status": "long-term leave", "language": "fr", "location": "Namur", "badge": 12 }
        ]
        """;

    [Fact]
    public void FromJson_ArrayOfEmployees_Imports()
    {
        var result = RosterImport.FromJson(ValidArray);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
        var julie = result.Roster!.Find("E2")!;
        Assert.Equal(EmploymentStatus.LongTermLeave, julie.Status);
        Assert.Equal("E1", julie.ManagerId);
        Assert.Equal("", result.Roster.Find("E1")!.Location);
    }

    [Fact]
    public void FromJson_ObjectWithEmployeesProperty_Imports()
    {
        var result = RosterImport.FromJson($$"""{ "source": "hr-export", "employees": {{ValidArray}} }""");

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Roster!.Count);
    }

    [Fact]
    public void FromJson_Utf8BytesWithBom_Imports()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(ValidArray)).ToArray();

        Assert.True(RosterImport.FromJson(bytes).Succeeded);
    }

    [Fact]
    public void FromJson_NumericId_IsReadAsText()
    {
        var result = RosterImport.FromJson("""
            [{ "id": 17, "name": "An", "email": "an@meridia.example", "department": "Board", "hireDate": "2010-01-04",
               "contractType": "permanent", "status": "active", "language": "en" }]
            """);

        Assert.NotNull(result.Roster?.Find("17"));
    }

    [Fact]
    public void FromJson_FieldProblems_CarryTheLineWhereTheObjectStarts()
    {
        var result = RosterImport.FromJson("""
            [
              { "id": "E1", "name": "An", "email": "an@meridia.example", "department": "Board", "hireDate": "2010-01-04",
                "contractType": "permanent", "status": "active", "language": "nl" },
              { "id": "E2", "name": "Julie", "email": "nope", "managerId": "E9", "department": "Sales", "hireDate": "2021-13-01",
                "contractType": "permanent", "status": "active", "language": "de" }
            ]
            """);

        Assert.Null(result.Roster);
        Assert.Equal(
            [(4, "email", RosterProblemCode.InvalidEmail), (4, "hireDate", RosterProblemCode.InvalidDate),
             (4, "language", RosterProblemCode.UnknownLanguage), (4, "managerId", RosterProblemCode.UnknownManager)],
            result.Problems.Select(p => (p.Line, p.Field, p.Code)));
    }

    [Fact]
    public void FromJson_MissingProperties_AreMissingRequiredFields()
    {
        var problems = RosterImport.FromJson("""[{ "id": "E1" }]""").Problems;

        Assert.All(problems, p => Assert.Equal(RosterProblemCode.MissingRequiredField, p.Code));
        Assert.Equal(["contractType", "department", "email", "hireDate", "language", "name", "status"], problems.Select(p => p.Field).Order());
    }

    [Fact]
    public void FromJson_MalformedJson_ReportsTheLineAndImportsNothing()
    {
        var result = RosterImport.FromJson("[\n  { \"id\": \"E1\", \"name\": \"An\" },\n  { \"id\": \"E2\" \"name\": \"B\" }\n]");

        var problem = Assert.Single(result.Problems);
        Assert.Null(result.Roster);
        Assert.Equal((3, RosterProblemCode.MalformedJson), (problem.Line, problem.Code));
    }

    [Fact]
    public void FromJson_RootThatIsNotAnArray_IsRejected()
    {
        var problem = Assert.Single(RosterImport.FromJson("""{ "people": [] }""").Problems);

        Assert.Equal(RosterProblemCode.MalformedJson, problem.Code);
    }

    [Fact]
    public void FromJson_NestedValueForAField_IsReported()
    {
        var problems = RosterImport.FromJson("""
            [{ "id": "E1", "name": { "first": "An" }, "email": "an@meridia.example", "department": "Board", "hireDate": "2010-01-04",
               "contractType": "permanent", "status": "active", "language": "nl" }]
            """).Problems;

        Assert.Contains(problems, p => p is { Field: "name", Code: RosterProblemCode.MalformedJson });
    }

    [Fact]
    public void FromJson_EmptyArray_IsAnEmptyRoster()
    {
        Assert.Equal(RosterProblemCode.EmptyRoster, Assert.Single(RosterImport.FromJson("[]").Problems).Code);
    }
}
