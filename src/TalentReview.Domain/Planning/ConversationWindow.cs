namespace TalentReview.Domain.Planning;

/// <summary>
/// The time managers have for their conversations: employees receive their outcomes at the organisation's
/// working hour on the working day (Monday to Friday in the cycle's zone) the window ends.
/// </summary>
public static class ConversationWindow
{
    /// <summary>The <paramref name="workingDays"/>-th working day after <paramref name="day"/> (the day itself does not count).</summary>
    public static DateOnly AddWorkingDays(DateOnly day, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var result = day;
        while (workingDays > 0)
        {
            result = result.AddDays(1);
            if (IsWorkingDay(result))
            {
                workingDays--;
            }
        }

        return result;
    }

    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>When employees receive their outcomes after managers received theirs at <paramref name="managersReleasedAt"/>.</summary>
    public static DateTimeOffset EmployeesReleaseAt(OrganisationTime time, DateTimeOffset managersReleasedAt, int workingDays)
    {
        ArgumentNullException.ThrowIfNull(time);
        var day = AddWorkingDays(time.DateOf(managersReleasedAt), workingDays);
        return new DateTimeOffset(time.At(day), TimeSpan.Zero);
    }
}
