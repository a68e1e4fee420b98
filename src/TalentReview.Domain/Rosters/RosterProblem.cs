namespace TalentReview.Domain.Rosters;

/// <summary>
/// One reason a roster was rejected. <see cref="Line"/> is the 1-based line in the source text
/// (the header is line 1 in CSV); <see cref="Field"/> is the canonical field name (e.g. <c>managerId</c>).
/// </summary>
public sealed record RosterProblem(int Line, string Field, RosterProblemCode Code, string Message);

public enum RosterProblemCode
{
    MissingRequiredField,
    DuplicateId,
    DuplicateEmail,
    UnknownManager,
    ManagerCycle,
    InvalidEmail,
    UnknownLanguage,
    UnknownContractType,
    UnknownStatus,
    InvalidDate,
    MissingColumn,
    MalformedRow,
    MalformedJson,
    EmptyRoster,
    TooLong,
    UnreadableText,
    InvalidBirthYear,
    UnknownGender,
    InvalidWorkingTime,
}

/// <summary>Either a complete roster or every problem found; never a partial import.</summary>
public sealed record RosterImportResult(Roster? Roster, IReadOnlyList<RosterProblem> Problems)
{
    public bool Succeeded => Roster is not null;
}
