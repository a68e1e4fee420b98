using System.Globalization;
using TalentReview.Local.TimeControl;
using TalentReview.Web.Html;
using TalentReview.Workflow.Cycle;
using TalentReview.Workflow.Storage;

namespace TalentReview.Local.Hr;

/// <summary>
/// Tells HR when a launched cycle's first emails go out, while they are not due yet: a cycle starting
/// today sends them at the working hour, so HR launching before it would otherwise see nothing happen.
/// </summary>
public static class FirstEmailsNotice
{
    public static Markup? For(CycleDocument cycle, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        if (cycle.State is not (CycleState.Launched or CycleState.Running))
        {
            return null;
        }

        var first = CycleTimeline.Plan(CycleSchedule.From(cycle.Plan))
            .FirstOrDefault(m => m.Action is MilestoneAction.InviteSelfAssessment or MilestoneAction.InviteManagers);
        var due = first is null ? now : new DateTimeOffset(first.At);
        if (first is null || due <= now)
        {
            return null;
        }

        var what = first.Action == MilestoneAction.InviteSelfAssessment ? "self-assessment invitations" : "manager input invitations";
        var zone = cycle.Plan.Time;
        var when = TimeZoneInfo.ConvertTime(due, zone.Zone).ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture) + $" ({zone.TimeZoneId})";
        return H.Html($"""
            <p role="status"><strong>{cycle.Name}</strong>: the {what} go out on {when}, {Wait(due - now)} from now (virtual time).
            To send them now, <a href="{TimeControlEndpoints.PagePath}">advance the clock</a> to the next timer.</p>
            """);
    }

    private static string Wait(TimeSpan span)
        => span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} day(s) {span.Hours} h")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Hours} h {span.Minutes:00} min");
}
