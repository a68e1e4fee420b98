namespace TalentReview.Domain.Rosters;

/// <summary>One person on the roster. <see cref="ManagerId"/> is null for the top of the hierarchy.</summary>
public sealed record Employee(
    string Id,
    string Name,
    string Email,
    string? ManagerId,
    string Department,
    string JobTitle,
    string Level,
    DateOnly HireDate,
    ContractType ContractType,
    EmploymentStatus Status,
    Language Language,
    string Location);

public enum ContractType
{
    Permanent,
    FixedTerm,
    Interim,
    Student,
    Trainee,
    Freelance,
}

public enum EmploymentStatus
{
    Active,
    LongTermLeave,
    ParentalLeave,
    NoticePeriod,
    Inactive,
}
