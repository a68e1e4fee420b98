using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using TalentReview.Domain;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;
using TalentReview.Web.Localization;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Web.Hr.Console;

/// <summary>
/// The set-up form as typed: the cycle's name, start, each step's deadline, reminder days, release date, the
/// HR and leadership contacts (roster ids) and the roster. Turned into the launch request the HR API would
/// make, so the page and the API refuse the same things with the same words.
/// </summary>
internal sealed partial record CycleSetupForm(IReadOnlyDictionary<string, string> Values, string RosterCsv)
{
    public static readonly string[] DateFields = ["start", "selfAssessmentDeadline", "managerInputDeadline", "calibrationDeadline", "decisionsDeadline", "releaseDate"];

    /// <summary>One field per box of the grid: the share of people the guidance expects there, in percent.</summary>
    public static readonly string[] GuidanceFields = [.. Enum.GetValues<GridBox>().Select(GuidanceField)];

    public static readonly string[] Fields = ["name", .. DateFields, "reminderDays", ConversationDaysField, OrganisationTimeInput.ZoneField, OrganisationTimeInput.HourField, "hr", "leadership", GroupsField, .. GuidanceFields, LaunchId];

    /// <summary>The working days managers have for their conversations before employees receive their outcomes.</summary>
    public const string ConversationDaysField = "conversationWorkingDays";

    /// <summary>One calibration group a line: <c>name | departments | calibrators</c> (comma-separated); empty: one group per department.</summary>
    public const string GroupsField = "groups";

    /// <summary>How long the groups' text may be: a line per group, for organisations with many departments.</summary>
    public const int GroupsLimit = 20_000;

    public static string GuidanceField(GridBox box) => $"guidance{box}";

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
                [ConversationDaysField] = ReleaseSettings.DefaultConversationWorkingDays.ToString(CultureInfo.InvariantCulture),
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
            var bytes = buffer.ToArray();
            var (text, problem) = RosterWorkbook.IsWorkbook(bytes) ? RosterWorkbook.ReadAsCsv(bytes) : RosterText.Decode(bytes);
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
            problems.Add("Choose the roster file (CSV or Excel .xlsx).");
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

        // Out of range is the plan's to say (the same words as the API's); here only what is not a whole number.
        var conversationDays = ReleaseSettings.DefaultConversationWorkingDays;
        if (this[ConversationDaysField].Length > 0 && !int.TryParse(this[ConversationDaysField], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out conversationDays))
        {
            problems.Add($"{Label(ConversationDaysField)}: '{this[ConversationDaysField]}' is not a whole number of working days (from {ReleaseSettings.MinConversationWorkingDays} to {ReleaseSettings.MaxConversationWorkingDays}).");
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
        var groups = this[GroupsField].Length == 0 ? plan.Groups : Groups(problems);
        var guidance = GuidanceFields.All(f => this[f].Length == 0) ? plan.Guidance : Guidance(problems);
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
            Release = plan.Release with { ReleaseDate = dates["releaseDate"], ConversationWorkingDays = conversationDays },
            Time = time,
            Groups = groups,
            Guidance = guidance,
        };
        var request = new LaunchCycleRequest(plan, roster, hr, leadership, launchedBy, this[LaunchId] is { Length: > 0 } id ? id : null);
        problems.AddRange(commands.ValidateLaunch(request).Select(Described));
        return (problems.Count == 0 ? request : null, roster, problems);
    }

    /// <summary>The groups and guidance the preview used, written into their fields so HR sees them and can change them before the launch.</summary>
    public CycleSetupForm WithPlan(CyclePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var values = new Dictionary<string, string>(Values, StringComparer.Ordinal);
        if (this[GroupsField].Length == 0)
        {
            values[GroupsField] = string.Join("\n", plan.Groups.Select(g => $"{g.Name} | {string.Join(", ", g.Members)} | {string.Join(", ", g.Calibrators.Distinct(StringComparer.Ordinal))}"));
        }

        if (GuidanceFields.All(f => this[f].Length == 0))
        {
            foreach (var box in Enum.GetValues<GridBox>())
            {
                values[GuidanceField(box)] = plan.Guidance.PercentFor(box).ToString(CultureInfo.InvariantCulture);
            }
        }

        return this with { Values = values };
    }

    /// <summary>A launch problem said of the field HR typed it in: the group by its line, the guidance by its name.</summary>
    private static string Described(ValidationError error)
    {
        if (GroupLine().Match(error.Field) is { Success: true } group)
        {
            return $"{Label(GroupsField)}, line {int.Parse(group.Groups[1].Value, CultureInfo.InvariantCulture) + 1}: {error.Message}";
        }

        return error.Field.StartsWith("plan.guidance", StringComparison.Ordinal) ? $"{GuidanceLabel}: {error.Message}" : error.Message;
    }

    private List<CalibrationGroup> Groups(List<string> problems)
    {
        var groups = new List<CalibrationGroup>();
        var lines = this[GroupsField].Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var where = $"{Label(GroupsField)}, line {(i + 1).ToString(CultureInfo.InvariantCulture)}";
            var parts = lines[i].Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length != 3 || parts[0].Length == 0)
            {
                problems.Add($"{where}: write the group's name, its departments and its calibrators, separated by '|'.");
                continue;
            }

            List<string> Items(string text) => [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];
            var members = Items(parts[1]);
            var calibrators = Items(parts[2]);
            // Unknown departments and calibrators are the launch's own checks (GroupsAgainstRoster), the same as the API's.
            var id = string.Concat(parts[0].ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
            groups.Add(new CalibrationGroup(id.Length > TextLimits.Id ? id[..TextLimits.Id] : id, parts[0], GroupKind.ByDepartment, members, calibrators));
        }

        return groups;
    }

    private DistributionGuidance Guidance(List<string> problems)
    {
        var shares = new List<BoxShare>();
        foreach (var box in Enum.GetValues<GridBox>())
        {
            if (decimal.TryParse(this[GuidanceField(box)], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent) && percent <= 100)
            {
                shares.Add(new BoxShare(box, percent));
            }
            else
            {
                problems.Add($"{GuidanceLabel}, {Label(GuidanceField(box))}: give a percentage from 0 to 100.");
            }
        }

        return new DistributionGuidance(shares);
    }

    private const string GuidanceLabel = "Distribution guidance";

    [GeneratedRegex(@"^plan\.groups\[(\d+)\]")]
    private static partial Regex GroupLine();

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
        "reminderDays" or ConversationDaysField or OrganisationTimeInput.ZoneField or OrganisationTimeInput.HourField => TextLimits.ShortText,
        "hr" or "leadership" => TextLimits.LongText,
        GroupsField => GroupsLimit,
        _ when field.StartsWith("guidance", StringComparison.Ordinal) => TextLimits.ShortText,
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
        ConversationDaysField => "Conversation window (working days managers have before employees receive their outcomes)",
        OrganisationTimeInput.ZoneField => "Time zone (IANA id, e.g. Europe/Brussels)",
        OrganisationTimeInput.HourField => "Working hour (HH:mm): emails go out at this time in that zone",
        "hr" => "HR contacts (roster ids, comma-separated)",
        GroupsField => "Calibration groups",
        _ when field.StartsWith("guidance", StringComparison.Ordinal) => DomainTexts.BoxName(Enum.Parse<GridBox>(field["guidance".Length..]), Language.En),
        _ => "Leadership (roster ids, comma-separated)",
    };
}
