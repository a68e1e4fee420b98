namespace TalentReview.Domain.Planning;

/// <summary>
/// The organisation's clock for a cycle: the time zone (an IANA id) its dates are read in, and the
/// hour of the day its invitations, reminders, escalations and release go out. A date of the plan is
/// a date in that zone: a deadline D ends at the end of D there.
/// </summary>
public sealed record OrganisationTime(string TimeZoneId, TimeOnly WorkingHour)
{
    public const string DefaultTimeZoneId = "Europe/Brussels";

    public static OrganisationTime Default { get; } = new(DefaultTimeZoneId, new TimeOnly(9, 0));

    public static bool IsKnownZone(string? timeZoneId)
        => !string.IsNullOrWhiteSpace(timeZoneId) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out _);

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>The working hour of <paramref name="day"/> in the zone, as a UTC instant.</summary>
    public DateTime At(DateOnly day) => ToUtc(day.ToDateTime(WorkingHour));

    /// <summary>The end of <paramref name="day"/> in the zone (the next day's midnight there), as a UTC instant.</summary>
    public DateTime EndOf(DateOnly day) => ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue));

    /// <summary>The date it is in the zone at <paramref name="moment"/>.</summary>
    public DateOnly DateOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);

    /// <summary>The moment as the organisation's clocks show it.</summary>
    public DateTimeOffset LocalOf(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    private DateTime ToUtc(DateTime local)
    {
        var zone = Zone;
        // A wall-clock time skipped when clocks go forward is taken at the offset before the change
        // (02:30 becomes 03:30); one that happens twice when they go back is its first occurrence.
        var offset = zone.IsInvalidTime(local) ? zone.GetUtcOffset(local.AddHours(-3))
            : zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
    }
}
