using System.Text.Json;
using TalentReview.Domain.Rosters;

namespace TalentReview.Domain.Tests.Rosters;

public sealed class RosterTests
{
    internal static Employee Person(string id, string? managerId, string department = "Sales", string level = "L3", DateOnly? hired = null,
        ContractType contract = ContractType.Permanent, EmploymentStatus status = EmploymentStatus.Active)
        => new(id, $"Person {id}", $"{id.ToLowerInvariant()}@meridia.example", managerId, department, "Advisor", level,
            hired ?? new DateOnly(2020, 1, 1), contract, status, Language.Nl, "Gent");

    [Fact]
    public void Create_ValidEmployees_BuildsTheHierarchy()
    {
        var roster = Roster.Create([Person("E1", null), Person("E2", "E1"), Person("E3", "E2")]).Roster!;

        Assert.Equal("E1", roster.SkipLevelManager("E3")!.Id);
        Assert.Null(roster.SkipLevelManager("E2"));
        Assert.Empty(roster.DirectReports("E3"));
    }

    [Fact]
    public void Create_MissingTextAndBadEmail_AreReportedPerEmployeeIndex()
    {
        var result = Roster.Create([Person("E1", null), Person("E2", "E1") with { Email = "x", Name = " " }]);

        Assert.Equal([(2, "email", RosterProblemCode.InvalidEmail), (2, "name", RosterProblemCode.MissingRequiredField)],
            result.Problems.Select(p => (p.Line, p.Field, p.Code)));
    }

    [Fact]
    public void Roster_RoundTripsThroughJson()
    {
        var roster = Roster.Create([Person("E1", null), Person("E2", "E1")]).Roster!;
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var copy = JsonSerializer.Deserialize<Roster>(JsonSerializer.Serialize(roster, options), options)!;

        Assert.Equal(roster.Employees, copy.Employees);
        Assert.Equal("E2", Assert.Single(copy.DirectReports("E1")).Id);
    }
}
