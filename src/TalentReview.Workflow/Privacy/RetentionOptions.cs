namespace TalentReview.Workflow.Privacy;

/// <summary>How long an ended cycle's data is kept. Bound from the "Retention" configuration section.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>
    /// Days after a released or cancelled cycle's last deadline before its data and durable instances
    /// are purged. Two years by default: longer than the follow-ups (3 and 6 months) and a full next
    /// cycle, which compares itself with this one.
    /// </summary>
    public int Days { get; set; } = 730;
}
