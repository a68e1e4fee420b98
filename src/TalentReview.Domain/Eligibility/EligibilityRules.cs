using TalentReview.Domain.Rosters;

namespace TalentReview.Domain.Eligibility;

/// <summary>
/// Who takes part in a cycle. People hired after <see cref="HiredOnOrBefore"/> are too new to rate;
/// only the listed contract types and statuses are in scope.
/// </summary>
public sealed record EligibilityRules(
    DateOnly HiredOnOrBefore,
    IReadOnlyList<ContractType> ContractTypes,
    IReadOnlyList<EmploymentStatus> Statuses)
{
    /// <summary>Permanent and fixed-term staff who are active and were hired at least three months before the period ends.</summary>
    public static EligibilityRules Default(DateOnly periodEnd) => new(
        periodEnd.AddMonths(-3),
        [ContractType.Permanent, ContractType.FixedTerm],
        [EmploymentStatus.Active]);

    public EligibilityResult Evaluate(Roster roster) => throw new NotImplementedException();
}

public enum ExclusionCode
{
    HiredAfterCutoff,
    ContractTypeOutOfScope,
    StatusOutOfScope,
}

public sealed record ExclusionReason(ExclusionCode Code, string Message);

/// <summary>An employee left out of the cycle, with every reason that applies.</summary>
public sealed record Exclusion(string EmployeeId, IReadOnlyList<ExclusionReason> Reasons);

public sealed record EligibilityResult(IReadOnlyList<string> EligibleEmployeeIds, IReadOnlyList<Exclusion> Exclusions);
