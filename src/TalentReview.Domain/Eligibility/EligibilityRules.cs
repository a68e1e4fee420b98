using System.Globalization;
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

    public EligibilityResult Evaluate(Roster roster)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var eligible = new List<string>(roster.Count);
        var exclusions = new List<Exclusion>();
        List<ExclusionReason>? reasons = null;
        foreach (var employee in roster.Employees)
        {
            if (employee.HireDate > HiredOnOrBefore)
            {
                (reasons ??= []).Add(new ExclusionReason(ExclusionCode.HiredAfterCutoff,
                    string.Create(CultureInfo.InvariantCulture, $"Hired on {employee.HireDate:yyyy-MM-dd}, after the cut-off of {HiredOnOrBefore:yyyy-MM-dd}: too new to rate in this cycle.")));
            }

            if (!ContractTypes.Contains(employee.ContractType))
            {
                (reasons ??= []).Add(new ExclusionReason(ExclusionCode.ContractTypeOutOfScope,
                    $"Contract type {employee.ContractType} is not part of this cycle."));
            }

            if (!Statuses.Contains(employee.Status))
            {
                (reasons ??= []).Add(new ExclusionReason(ExclusionCode.StatusOutOfScope,
                    $"Status {employee.Status} is not part of this cycle."));
            }

            if (reasons is null)
            {
                eligible.Add(employee.Id);
            }
            else
            {
                exclusions.Add(new Exclusion(employee.Id, reasons));
                reasons = null;
            }
        }

        return new EligibilityResult(eligible, exclusions);
    }
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
