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
    string Location)
{
    /// <summary>
    /// Confidential, optional: read only into fairness aggregates for HR and the calibration committee
    /// (with small groups hidden), never shown per person, never in an email, never to a manager.
    /// </summary>
    public int? BirthYear { get; init; }

    /// <inheritdoc cref="BirthYear"/>
    public Gender? Gender { get; init; }

    /// <summary>Working time in percent of full time (100 is full time); null when the roster gives none or only says part-time. Confidential, as <see cref="BirthYear"/>.</summary>
    public int? WorkingTimePercent { get; init; }

    /// <summary>Works part-time, as the roster says or as its working time shows; null when not given. Confidential, as <see cref="BirthYear"/>.</summary>
    public bool? PartTime { get; init; }
}

public enum Gender
{
    Female,
    Male,

    /// <summary>Non-binary or another gender (the "X" of Belgian records).</summary>
    Other,
}

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
