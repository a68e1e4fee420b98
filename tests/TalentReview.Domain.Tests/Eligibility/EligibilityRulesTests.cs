using TalentReview.Domain.Eligibility;
using TalentReview.Domain.Rosters;
using TalentReview.Domain.Tests.Rosters;

namespace TalentReview.Domain.Tests.Eligibility;

public sealed class EligibilityRulesTests
{
    private static readonly EligibilityRules Rules = new(
        new DateOnly(2026, 9, 30), [ContractType.Permanent, ContractType.FixedTerm], [EmploymentStatus.Active]);

    private static EligibilityResult Evaluate(params Employee[] employees) => Rules.Evaluate(Roster.Create(employees).Roster!);

    [Fact]
    public void Evaluate_PermanentActiveHiredOnTheCutoff_IsEligible()
    {
        var result = Evaluate(RosterTests.Person("E1", null, hired: new DateOnly(2026, 9, 30)));

        Assert.Equal(["E1"], result.EligibleEmployeeIds);
        Assert.Empty(result.Exclusions);
    }

    [Fact]
    public void Evaluate_HiredAfterCutoff_IsExcludedAsTooNew()
    {
        var result = Evaluate(RosterTests.Person("E1", null, hired: new DateOnly(2026, 10, 1)));

        var reason = Assert.Single(Assert.Single(result.Exclusions).Reasons);
        Assert.Equal(ExclusionCode.HiredAfterCutoff, reason.Code);
        Assert.Contains("too new", reason.Message, StringComparison.Ordinal);
        Assert.Contains("2026-10-01", reason.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ContractType.Interim)]
    [InlineData(ContractType.Student)]
    [InlineData(ContractType.Freelance)]
    public void Evaluate_ContractTypeOutOfScope_IsExcludedWithThatReason(ContractType contract)
    {
        var exclusion = Assert.Single(Evaluate(RosterTests.Person("E1", null, contract: contract)).Exclusions);

        Assert.Equal(ExclusionCode.ContractTypeOutOfScope, Assert.Single(exclusion.Reasons).Code);
        Assert.Contains(contract.ToString(), exclusion.Reasons[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_LongTermLeave_IsExcludedByStatus()
    {
        var exclusion = Assert.Single(Evaluate(RosterTests.Person("E1", null, status: EmploymentStatus.LongTermLeave)).Exclusions);

        Assert.Equal(ExclusionCode.StatusOutOfScope, Assert.Single(exclusion.Reasons).Code);
    }

    [Fact]
    public void Evaluate_SeveralReasons_AreAllGiven()
    {
        var exclusion = Assert.Single(Evaluate(RosterTests.Person("E1", null, hired: new DateOnly(2026, 11, 1),
            contract: ContractType.Student, status: EmploymentStatus.Inactive)).Exclusions);

        Assert.Equal([ExclusionCode.HiredAfterCutoff, ExclusionCode.ContractTypeOutOfScope, ExclusionCode.StatusOutOfScope],
            exclusion.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Default_CutsOffThreeMonthsBeforeThePeriodEnd()
    {
        var rules = EligibilityRules.Default(new DateOnly(2026, 12, 31));

        Assert.Equal(new DateOnly(2026, 9, 30), rules.HiredOnOrBefore);
        Assert.Equal([EmploymentStatus.Active], rules.Statuses);
    }
}
