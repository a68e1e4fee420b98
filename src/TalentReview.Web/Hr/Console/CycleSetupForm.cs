using System.Globalization;
using Microsoft.AspNetCore.Http;
using TalentReview.Domain;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Web.Hr.Console;

/// <summary>
/// The set-up form as typed: the cycle's name, start, each step's deadline, reminder days, release date, the
/// HR and leadership contacts (roster ids) and the roster. Turned into the launch request the HR API would
/// make, so the page and the API refuse the same things with the same words.
/// </summary>
internal sealed record CycleSetupForm(IReadOnlyDictionary<string, string> Values, string RosterCsv)
{
    public static readonly string[] DateFields = ["start", "selfAssessmentDeadline", "managerInputDeadline", "calibrationDeadline", "decisionsDeadline", "releaseDate"];

    public static readonly string[] Fields = ["name", .. DateFields, "reminderDays", OrganisationTimeInput.ZoneField, OrganisationTimeInput.HourField, "hr", "leadership", LaunchId];

    /// <summary>The hidden field with the cycle id chosen when the form was first shown: sent twice, the launch still makes one cycle.</summary>
    public const string LaunchId = "launchId";

    public string this[string field] => Values.TryGetValue(field, out var value) ? value : string.Empty;

    /// <summary>The default six-week plan's dates from <paramref name="start"/>, for a new form.</summary>
    public static CycleSetupForm Suggested(DateOnly start, string launchId)
    {
        string Day(int offset) => start.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new CycleSetupForm(
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["name"] = string.Create(CultureInfo.InvariantCulture, $"Talent review {start.Year}"),
                ["start"] = Day(0),
                ["selfAssessmentDeadline"] = Day(13),
                ["managerInputDeadline"] = Day(20),
                ["calibrationDeadline"] = Day(27),
                ["decisionsDeadline"] = Day(34),
                ["releaseDate"] = Day(35),
                ["reminderDays"] = "7, 2",
                [OrganisationTimeInput.ZoneField] = OrganisationTime.Default.TimeZoneId,
                [OrganisationTimeInput.HourField] = OrganisationTime.Default.WorkingHour.ToString("HH:mm", CultureInfo.InvariantCulture),
                [LaunchId] = launchId,
            },
            string.Empty);
    }

    public static async Task<CycleSetupForm> ReadAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        var values = Fields.ToDictionary(f => f, f => form[f].ToString().Trim(), StringComparer.Ordinal);
        var roster = form["rosterCsv"].ToString();
        if (form.Files.GetFile("roster") is { Length: > 0 } file)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            var (text, problem) = RosterText.Decode(buffer.ToArray());
            roster = text ?? string.Empty;
            if (problem is not null)
            {
                values["rosterProblem"] = problem.Message;
            }
        }

        return new CycleSetupForm(values, roster);
    }

    /// <summary>The launch request, or every problem: the form's own, the roster's (line and field), then the launch's.</summary>
    public (LaunchCycleRequest? Request, Roster? Roster, IReadOnlyList<string> Problems) ToRequest(CycleCommands commands, string launchedBy)
    {
        var problems = Fields
            .Select(f => LimitOf(f) is { } limit ? TextLimits.Check(Label(f), this[f], limit) : null)
            .OfType<ValidationError>()
            .Select(e => e.Message)
            .ToList();
        if (problems.Count > 0)
        {
            return (null, null, problems);
        }

        if (Values.TryGetValue("rosterProblem", out var unreadable))
        {
            problems.Add("Roster: " + unreadable);
        }
        else if (RosterCsv.Length == 0)
        {
            problems.Add("Choose the roster file (CSV).");
        }

        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var field in DateFields)
        {
            if (DateOnly.TryParseExact(this[field], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                dates[field] = date;
            }
            else
            {
                problems.Add($"{Label(field)}: give a date.");
            }
        }

        var reminders = new List<int>();
        foreach (var part in this["reminderDays"].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is > 0 and <= 60)
            {
                reminders.Add(days);
            }
            else
            {
                problems.Add($"Reminder days: '{part}' is not a number of days from 1 to 60.");
            }
        }

        var (time, timeErrors) = OrganisationTimeInput.Read(this[OrganisationTimeInput.ZoneField], this[OrganisationTimeInput.HourField], OrganisationTime.Default);
        problems.AddRange(timeErrors.Select(e => $"{Label(e.Field)}: {e.Message}"));

        var import = RosterCsv.Length == 0 ? null : RosterImport.FromCsv(RosterCsv);
        problems.AddRange(import?.Problems.Select(p => $"Roster, line {p.Line}{(p.Field.Length > 0 ? $", {p.Field}" : string.Empty)}: {p.Message}") ?? []);
        if (problems.Count > 0 || import?.Roster is not { } roster)
        {
            return (null, null, problems);
        }

        var hr = Contacts(roster, "hr", problems);
        var leadership = Contacts(roster, "leadership", problems);
        var start = dates["start"];
        var plan = CyclePlan.Default(this["name"], start, roster, [.. hr.Select(c => c.Id)]);
        var inputDeadline = dates["managerInputDeadline"];
        var inputOpens = start.AddDays(7) < inputDeadline ? start.AddDays(7) : start;
        plan = plan with
        {
            Steps =
            [
                new(StepKind.SelfAssessment, start, dates["selfAssessmentDeadline"]),
                new(StepKind.ManagerInput, inputOpens, inputDeadline),
                new(StepKind.Calibration, inputDeadline.AddDays(1), dates["calibrationDeadline"]),
                new(StepKind.Decisions, dates["calibrationDeadline"].AddDays(1), dates["decisionsDeadline"]),
                new(StepKind.Release, dates["decisionsDeadline"].AddDays(1), dates["releaseDate"]),
            ],
            ReminderDaysBeforeDeadline = reminders,
            Release = plan.Release with { ReleaseDate = dates["releaseDate"] },
            Time = time,
        };
        var request = new LaunchCycleRequest(plan, roster, hr, leadership, launchedBy, this[LaunchId] is { Length: > 0 } id ? id : null);
        problems.AddRange(commands.ValidateLaunch(request).Select(e => e.Message));
        return (problems.Count == 0 ? request : null, roster, problems);
    }

    private List<Contact> Contacts(Roster roster, string field, List<string> problems)
    {
        var contacts = new List<Contact>();
        foreach (var id in this[field].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal))
        {
            if (roster.Find(id) is { } employee)
            {
                contacts.Add(Contact.Of(employee));
            }
            else
            {
                problems.Add($"{Label(field)}: '{id}' is not an employee id in the roster.");
            }
        }

        return contacts;
    }

    /// <summary>The longest text a field takes, the same as the API's for what it becomes; null for dates.</summary>
    public static int? LimitOf(string field) => field switch
    {
        "name" => TextLimits.CycleName,
        "reminderDays" or OrganisationTimeInput.ZoneField or OrganisationTimeInput.HourField => TextLimits.ShortText,
        "hr" or "leadership" => TextLimits.LongText,
        _ => null,
    };

    public static string Label(string field) => field switch
    {
        "name" => "Name",
        "start" => "Start",
        "selfAssessmentDeadline" => "Self-assessment deadline",
        "managerInputDeadline" => "Manager input deadline",
        "calibrationDeadline" => "Calibration deadline",
        "decisionsDeadline" => "Decisions deadline",
        "releaseDate" => "Release date",
        "reminderDays" => "Reminder days before each deadline",
        OrganisationTimeInput.ZoneField => "Time zone (IANA id, e.g. Europe/Brussels)",
        OrganisationTimeInput.HourField => "Working hour (HH:mm): emails go out at this time in that zone",
        "hr" => "HR contacts (roster ids, comma-separated)",
        _ => "Leadership (roster ids, comma-separated)",
    };
}
