using System.Globalization;
using TalentReview.Domain;
using TalentReview.Domain.Planning;
using TalentReview.Web.Html;
using TalentReview.Web.Localization;
using TalentReview.Workflow.Cycle;

namespace TalentReview.Web.Calibration;

/// <summary>
/// A step's deadline as the committee reads it: the date in the organisation's zone (the step ends at
/// the end of that day there) and how long is left, or that it has passed.
/// </summary>
internal static class StepDeadline
{
    public static readonly Phrase Due = new("Uiterste datum: {0}, einde van de dag ({1}).", "Date limite : {0}, fin de journée ({1}).", "Deadline: {0}, end of day ({1}).");
    public static readonly Phrase DaysLeft = new("Nog {0} dag(en).", "Encore {0} jour(s).", "{0} day(s) left.");
    public static readonly Phrase HoursLeft = new("Nog {0} uur.", "Encore {0} heure(s).", "{0} hour(s) left.");
    public static readonly Phrase Passed = new("De uiterste datum is verstreken.", "La date limite est dépassée.", "The deadline has passed.");

    public static Markup Render(Language language, CyclePlan plan, StepKind step, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var schedule = CycleSchedule.From(plan);
        if (!schedule.Has(step))
        {
            return Markup.Empty;
        }

        var left = new DateTimeOffset(schedule.DeadlinePassesAt(step), TimeSpan.Zero) - now;
        var due = Due.Format(language, Cultures.Date(schedule.Step(step).Deadline, language), schedule.Clock.TimeZoneId);
        var remaining = left <= TimeSpan.Zero ? Passed[language]
            : left.TotalDays >= 1 ? DaysLeft.Format(language, ((int)left.TotalDays).ToString(CultureInfo.InvariantCulture))
            : HoursLeft.Format(language, Math.Max(1, (int)left.TotalHours).ToString(CultureInfo.InvariantCulture));
        return H.Html($"""<p id="deadline" class="{(left <= TimeSpan.Zero ? "field-error" : "hint")}"><strong>{due}</strong> {remaining}</p>""");
    }
}
