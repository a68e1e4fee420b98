using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace TalentReview.Local.Tests.Harness;

/// <summary>The follow-ups of the plans decided in a cycle, months after its release: the reminders' waves and the managers recording them.</summary>
public static partial class FollowUpWalk
{
    public const string Kind = "FollowUpReminder";

    /// <summary>How the follow-up page says a conversation was recorded, in each language of the demo.</summary>
    private static readonly string[] RecordedAsHeld = ["Recorded as held on", "Geregistreerd als gehouden op", "Enregistré comme tenu le"];

    /// <summary>The date a follow-up reminder is about, from its wave (followup-{group}-{yyyyMMdd}).</summary>
    public static DateOnly DueOf(MailboxEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var wave = email.CustomArgs?.GetValueOrDefault("wave_id") ?? string.Empty;
        var match = WaveDate().Match(wave);
        Assert.True(match.Success, $"The follow-up reminder's wave \"{wave}\" names no date.");
        return DateOnly.ParseExact(match.Groups["date"].Value, "yyyyMMdd", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Moves virtual time timer by timer until the reminders due on <paramref name="dates"/> are all in the mailbox. Once no
    /// timer up to those dates is left (the wave runs, or a kill cut it and the restart resumes it), it waits instead of
    /// jumping on: a jump past them would run the next wave first.
    /// </summary>
    public static async Task<IReadOnlyList<MailboxEmail>> AdvanceToFollowUpsAsync(this Browser hr, IReadOnlySet<DateOnly> dates, int expected)
    {
        ArgumentNullException.ThrowIfNull(hr);
        ArgumentNullException.ThrowIfNull(dates);
        var last = dates.Max().AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var waitUntil = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        for (var advances = 0; ;)
        {
            var sent = (await hr.MailboxAsync()).Where(e => e.Is(Kind) && dates.Contains(DueOf(e))).ToList();
            if (sent.Count >= expected)
            {
                return sent;
            }

            var clock = await hr.ClockAsync();
            if (clock.NextTimer is { } next && next.UtcDateTime < last && advances < 40)
            {
                await hr.AdvanceAsync("next-timer");
                advances++;
                continue;
            }

            Assert.True(DateTime.UtcNow < waitUntil, $"{sent.Count} of {expected} follow-up reminders due on {string.Join(", ", dates)} arrived; the virtual clock is at {clock.Now:o}, the next timer at {clock.NextTimer:o}.");
            await Task.Delay(250);
        }
    }

    /// <summary>A manager opens the reminder's link and records the conversation as held, unless the page shows it recorded already.</summary>
    public static async Task RecordAsHeldAsync(Uri baseAddress, string link)
    {
        using var manager = new Browser(baseAddress);
        var (page, address) = await manager.OpenAsync(link);
        if (RecordForm(page, address) is not { } record)
        {
            Assert.True(IsRecorded(page), $"The follow-up page {link} neither records the conversation nor shows it recorded: {page}");
            return;
        }

        var (recorded, status) = await manager.SubmitAsync(record, record.Hidden);
        Assert.True(status == HttpStatusCode.OK && IsRecorded(recorded), $"Recording the follow-up {link} answered {status}: {recorded}");
    }

    /// <summary>Whether the follow-up page shows the conversation recorded, with no form to record it again.</summary>
    public static async Task<bool> ShowsRecordedAsync(Uri baseAddress, string link)
    {
        using var reader = new Browser(baseAddress);
        var (page, address) = await reader.OpenAsync(link);
        return RecordForm(page, address) is null && IsRecorded(page);
    }

    /// <summary>HR's indicator "follow-up of development plans" for the whole organisation in the (only) cycle: held, out of due.</summary>
    public static async Task<(int Held, int Due)> FollowUpCompletionAsync(this Browser hr)
    {
        ArgumentNullException.ThrowIfNull(hr);
        var (page, _) = await hr.OpenAsync("/hr/talent/indicators");
        var table = page.IndexOf("data-indicator=\"followUpCompletion\"", StringComparison.Ordinal);
        Assert.True(table >= 0, "HR's indicators show no follow-up completion.");
        var cell = Measured().Match(page, page.IndexOf("<tbody>", table, StringComparison.Ordinal));
        Assert.True(cell.Success, "The follow-up completion of the whole organisation has no value.");
        return (int.Parse(cell.Groups["count"].Value, CultureInfo.InvariantCulture), int.Parse(cell.Groups["of"].Value, CultureInfo.InvariantCulture));
    }

    private static HtmlForm? RecordForm(string page, Uri address)
        => HtmlForm.FindAll(page, address).FirstOrDefault(f => new Uri(f.Action).AbsolutePath == address.AbsolutePath);

    private static bool IsRecorded(string page) => RecordedAsHeld.Any(text => page.Contains(text, StringComparison.Ordinal));

    [GeneratedRegex("^followup-.+-(?<date>[0-9]{8})$")]
    private static partial Regex WaveDate();

    [GeneratedRegex("<td>[^<(]*\\((?<count>[0-9]+) [^ ]+ (?<of>[0-9]+)\\)</td>")]
    private static partial Regex Measured();
}
