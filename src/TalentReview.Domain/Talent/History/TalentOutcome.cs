using TalentReview.Domain.Decisions;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;

namespace TalentReview.Domain.Talent.History;

/// <summary>
/// One person's released outcome of one cycle, kept across cycles: who they were (function and
/// reporting line as on the cycle's roster), the calibrated box, the manager's and their own
/// ratings, the final decision with its details, and the plan's follow-ups as they went.
/// </summary>
/// <param name="ReleasedOn">The release date, a date in the cycle's zone (<paramref name="TimeZoneId"/>).</param>
/// <param name="ReportingLine">The managers above the person at the time, nearest first.</param>
/// <param name="Box">Null when the committee left the person unplaced.</param>
/// <param name="Decision">Null when no final decision was recorded.</param>
public sealed record TalentOutcome(
    string CycleId,
    string CycleName,
    DateOnly ReleasedOn,
    string TimeZoneId,
    string EmployeeId,
    string Name,
    JobFunction Function,
    IReadOnlyList<string> ReportingLine,
    GridBox? Box,
    ManagerRatings? Manager,
    SelfRatings? Self,
    Decision? Decision,
    IReadOnlyList<PlanFollowUp> FollowUps)
{
    public string? ManagerId => ReportingLine.Count > 0 ? ReportingLine[0] : null;

    /// <summary>The person's function after the decision (a promotion, move or step back changes it; a rotation comes back).</summary>
    public JobFunction FunctionAfter => Decision switch
    {
        PromotionDecision p => Function with { JobTitle = p.NewJobTitle, Level = p.NewLevel },
        LateralMoveDecision m => Function with { Department = m.TargetDepartment, JobTitle = m.TargetJobTitle },
        StepBackDecision s => Function with { JobTitle = s.NewJobTitle, Level = s.NewLevel },
        _ => Function,
    };

    /// <summary>A development or improvement plan's follow-ups that are recorded as held, out of those due by <paramref name="today"/>.</summary>
    public (int Held, int Due) FollowUpsBy(DateOnly today)
        => (FollowUps.Count(f => f.Status == FollowUpStatus.Held), FollowUps.Count(f => f.DueOn <= today || f.Status == FollowUpStatus.Held));
}

/// <summary>A function: what the roster says a person does (department, job title, level).</summary>
public sealed record JobFunction(string Department, string JobTitle, string Level)
{
    /// <summary>The level's number ("L4" is 4), to compare levels; null when the level carries none.</summary>
    public int? Rank => int.TryParse(new string(Level.Where(char.IsAsciiDigit).ToArray()), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var rank) ? rank : null;
}

/// <summary>The manager's ratings of the cycle: performance (1 to 5), potential indicators, readiness and flight risk.</summary>
public sealed record ManagerRatings(int Performance, PotentialIndicators Potential, PromotionReadiness Readiness, FlightRisk FlightRisk);

/// <summary>The person's own overall rating (1 to 5) and career wishes of the cycle.</summary>
public sealed record SelfRatings(int OverallSelfRating, CareerAspiration Aspiration, Mobility Mobility);

/// <summary>Where a plan's follow-up conversation stands.</summary>
public enum FollowUpStatus
{
    /// <summary>Not recorded as held (yet): planned while its date is to come, overdue after it.</summary>
    Planned,

    /// <summary>The manager recorded the conversation as held.</summary>
    Held,
}

/// <summary>One follow-up of a plan: its date (in the cycle's zone), where it stands, and when it was recorded as held.</summary>
public sealed record PlanFollowUp(DateOnly DueOn, FollowUpStatus Status, DateOnly? HeldOn = null);
