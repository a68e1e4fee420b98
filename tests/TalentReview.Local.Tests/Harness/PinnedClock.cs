namespace TalentReview.Local.Tests.Harness;

/// <summary>Where the tests start the host's virtual clock: never the real now, so no test depends on the hour it runs.</summary>
public static class PinnedClock
{
    /// <summary>A Monday after the working hour (08:00 UTC): a cycle launched now sends its invitations at once.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
}
