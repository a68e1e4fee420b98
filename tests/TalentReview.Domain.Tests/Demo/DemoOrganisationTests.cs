using TalentReview.Domain.Demo;
using TalentReview.Domain.Eligibility;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;

namespace TalentReview.Domain.Tests.Demo;

public sealed class DemoOrganisationTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void Generate_SameSeed_GivesTheSameOrganisation()
    {
        var first = DemoOrganisation.Generate(300, 7, Today);
        var second = DemoOrganisation.Generate(300, 7, Today);

        Assert.Equal(first.Employees, second.Employees);
        Assert.Equal(first.ToCsv(), second.ToCsv());
    }

    [Fact]
    public void Generate_WithoutDate_UsesTheReferenceDate()
    {
        var organisation = DemoOrganisation.Generate(120, 7);

        Assert.Equal(DemoOrganisation.ReferenceDate, organisation.Today);
        Assert.Equal(DemoOrganisation.Generate(120, 7, DemoOrganisation.ReferenceDate).Employees, organisation.Employees);
    }

    [Fact]
    public void Generate_OtherSeed_GivesOtherPeople()
    {
        Assert.NotEqual(DemoOrganisation.Generate(120, 1, Today).ToCsv(), DemoOrganisation.Generate(120, 2, Today).ToCsv());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(12)]
    [InlineData(120)]
    [InlineData(5000)]
    public void ToCsv_ImportsWithoutProblemsAndMatchesTheGeneratedPeople(int size)
    {
        var organisation = DemoOrganisation.Generate(size, 42, Today);

        var result = RosterImport.FromCsv(organisation.ToCsv());

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Take(5).Select(p => $"{p.Line} {p.Field} {p.Message}")));
        Assert.Equal(organisation.Employees, result.Roster!.Employees);
        Assert.Equal(size, organisation.ToRoster().Count);
    }

    [Fact]
    public void ToCsv_WithCommas_AlsoImports()
    {
        Assert.True(RosterImport.FromCsv(DemoOrganisation.Generate(200, 3, Today).ToCsv(',')).Succeeded);
    }

    [Fact]
    public void Generate_LooksLikeABelgianCompany()
    {
        var people = DemoOrganisation.Generate(2000, 42, Today).Employees;
        var roster = Roster.Create(people).Roster!;

        Assert.Single(people, e => e.ManagerId is null);
        Assert.All(people, e => Assert.EndsWith("@" + DemoOrganisation.MailDomain, e.Email, StringComparison.Ordinal));
        Assert.InRange(people.Count(e => e.Language == Language.Nl) / 2000.0, 0.45, 0.65);
        Assert.InRange(people.Count(e => e.Language == Language.Fr) / 2000.0, 0.28, 0.45);
        Assert.Contains(people, e => e.Language == Language.En);
        Assert.InRange(people.Count(e => e.ContractType == ContractType.Permanent) / 2000.0, 0.75, 0.95);
        Assert.Contains(people, e => e.Status == EmploymentStatus.LongTermLeave);
        Assert.InRange(people.Select(e => e.Department).Distinct().Count(), 8, 12);
        Assert.InRange(people.Count(e => e.HireDate > Today.AddMonths(-3)), 10, 120);
        Assert.All(people.Where(e => e.JobTitle.StartsWith("Team Lead", StringComparison.Ordinal)), e => Assert.NotEmpty(roster.DirectReports(e.Id)));
        Assert.InRange(MaxDepth(roster), 4, 8);
    }

    [Fact]
    public void Generate_LargeOrganisation_HasARealisticDepth()
    {
        var roster = DemoOrganisation.Generate(50_000, 42, Today).ToRoster();

        Assert.InRange(MaxDepth(roster), 6, 10);
    }

    [Fact]
    public void Generate_SomeHiresAreTooNewForTheDefaultRules()
    {
        var organisation = DemoOrganisation.Generate(1000, 42, Today);

        var result = EligibilityRules.Default(Today).Evaluate(organisation.ToRoster());

        Assert.Contains(result.Exclusions, e => e.Reasons.Any(r => r.Code == ExclusionCode.HiredAfterCutoff));
        Assert.InRange(result.EligibleEmployeeIds.Count, 700, 950);
    }

    [Fact]
    public void GeneratedInputs_AreDeterministicValidAndRealisticallySpread()
    {
        var organisation = DemoOrganisation.Generate(3000, 42, Today);
        var ids = organisation.Employees.Select(e => e.Id).ToList();

        var inputs = organisation.GenerateManagerInputs(ids, 9);
        var again = organisation.GenerateManagerInputs(ids, 9);
        var selves = organisation.GenerateSelfAssessments(ids, 9);

        Assert.Equal(inputs, again);
        Assert.InRange(inputs.Count, 2800, 2950);
        Assert.All(inputs, i => Assert.DoesNotContain(i.Validate(), e => e.Code != "form.evidenceRequiredForExtreme"));
        Assert.Contains(inputs, i => i.Validate().Count > 0);
        Assert.All(selves, s => Assert.Empty(s.Validate()));
        var middle = inputs.Count(i => i.Performance == 3) / (double)inputs.Count;
        Assert.InRange(middle, 0.3, 0.6);
        Assert.Contains(inputs, i => i.Performance == 5);
        Assert.Contains(inputs, i => i.Performance == 1);
        Assert.Contains(inputs, i => i.PotentialLevel == Domain.NineBox.RatingLevel.High);
    }

    [Fact]
    public void DefaultPlan_ForTheDemoOrganisation_IsValidAndCoversEveryone()
    {
        var roster = DemoOrganisation.Generate(500, 42, Today).ToRoster();
        var plan = CyclePlan.Default("2026", Today, roster, ["hr@meridia.example"]);

        var assignment = GroupAssignment.Assign(plan.Groups, roster, roster.Employees.Select(e => e.Id));

        Assert.Empty(plan.Validate());
        Assert.Empty(assignment.Unassigned);
    }

    private static int MaxDepth(Roster roster)
    {
        var max = 0;
        foreach (var employee in roster.Employees)
        {
            var depth = 1;
            for (var current = employee; current.ManagerId is { } id; current = roster.Find(id)!)
            {
                depth++;
            }

            max = Math.Max(max, depth);
        }

        return max;
    }
}
