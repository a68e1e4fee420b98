using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TalentReview.Local.Tests.Harness;

namespace TalentReview.Local.Tests;

/// <summary>
/// A whole demo cycle on the local host, walked through its pages and email links while the host is killed
/// (kill -9) at random moments: in the invitation wave, during the submissions, in the time jump to the manager
/// digests, during the managers' input, while the committee places, moves and approves on the boards, while HR
/// amends and confirms decisions, in both release waves, and in the follow-ups three and six months on (their
/// waves and the managers recording them). Each time it starts again on the same data folder.
/// Afterwards nothing submitted is lost, nobody got an email twice (counted in the capture mailbox by recipient,
/// kind and wave: what the email's idempotency key names), nobody who submitted was reminded, every move and
/// amendment is in the audit once, every follow-up was reminded once and is recorded, and the cycle is released.
/// The moments come from a seed (TALENTREVIEW_CRASH_SEED, 15 by default; TALENTREVIEW_CRASH_SEEDS=1,2,3 for
/// several), named in every failure. The short run (CI) kills ten times: once in each step of the review, in the
/// first board's calibration and decisions, in the first follow-up wave and the last follow-ups' recording.
/// TALENTREVIEW_CRASH_FULL=1 kills in every board's calibration, member approval and decisions, in every follow-up
/// wave and twice in every follow-ups' recording.
/// </summary>
public sealed class CrashTests
{
    /// <summary>The demo roster invites at least this many.</summary>
    private const int Employees = 50;

    /// <summary>Follow-ups due within this many days of the first are one round (three months); the rest the next (six).</summary>
    private const int RoundDays = 45;

    private static readonly bool Full = Environment.GetEnvironmentVariable("TALENTREVIEW_CRASH_FULL") == "1";

    public static TheoryData<int> Seeds()
    {
        var seeds = Environment.GetEnvironmentVariable("TALENTREVIEW_CRASH_SEEDS") ?? Environment.GetEnvironmentVariable("TALENTREVIEW_CRASH_SEED") ?? "15";
        return [.. seeds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task A_whole_cycle_killed_at_random_moments_loses_nothing_sends_nothing_twice_and_is_released(int seed)
    {
        var clock = Stopwatch.StartNew();
        using var data = new TemporaryFolder();
        await using var host = await KilledHost.StartAsync(data.Path, seed);
        string Context() => $"Seed {seed}{(Full ? ", full" : string.Empty)}; kills: {string.Join("; ", host.Kills)}.";

        await host.StepAsync("launch", async hr =>
        {
            await hr.LaunchDemoCycleAsync();
            return true;
        });
        var invitations = await host.StepAsync("invitation wave", hr => hr.WaitForEmailsAsync("SelfAssessmentInvitation", count: Employees), killWithinMs: 1500);

        // Twenty people write their self-assessment; a kill may cut one short, and they send it again.
        var writers = invitations.Take(20).ToList();
        await host.StepAsync("self-assessments", async _ => await SubmitAllAsync(host, writers.Select(i => i.Links[0])), killWithinMs: 4000);

        var digests = await host.StepAsync("time jump to the manager digests", hr => hr.AdvanceUntilEmailAsync("ManagerDigest"), killWithinMs: 3000);
        var managerLinks = digests.GroupBy(d => d.To.Email, StringComparer.OrdinalIgnoreCase).Select(g => g.First().Links[0]).ToList();
        await host.StepAsync("manager input", async _ => await SubmitAllAsync(host, managerLinks), killWithinMs: 4000);

        // Each board as it opens: HR facilitates (places the holding area, moves every fourth card, approves), a member
        // approves too (the quorum), and HR amends every fourth proposed decision and confirms them; time moves on
        // until every group is through. Short: a kill in the first board's calibration and decisions; full: in each.
        var committee = new CommitteeWalk();
        var opened = new HashSet<long>();
        var boards = new List<string>();
        var decided = new HashSet<string>(StringComparer.Ordinal);
        var tried = new HashSet<string>(StringComparer.Ordinal);
        var released = false;
        for (var round = 0; round < 12 && !released; round++)
        {
            var ready = (await host.Hr.MailboxAsync()).Where(e => e.Is("CalibrationReady") && opened.Add(e.Id)).ToList();
            var hrBoards = ready.Where(e => e.To.Email.StartsWith("hr@", StringComparison.Ordinal)).Select(e => e.Links[0]).ToList();
            foreach (var board in hrBoards)
            {
                boards.Add(board);
                await host.StepAsync($"calibration of board {boards.Count}", async hr =>
                {
                    await committee.CalibrateAsync(hr, board);
                    return true;
                }, killWithinMs: KillIn(boards.Count == 1, 5000));
            }

            foreach (var member in ready.Where(e => !e.To.Email.StartsWith("hr@", StringComparison.Ordinal)).Select(e => e.Links[0]))
            {
                await host.StepAsync("a member's approval", async hr =>
                {
                    await CommitteeWalk.ApproveAsync(hr, member);
                    return true;
                }, killWithinMs: KillIn(false, 1500));
            }

            foreach (var board in boards.Except(decided).ToList())
            {
                var number = boards.IndexOf(board) + 1;
                if (await host.StepAsync($"decisions of board {number}", hr => committee.DecideAsync(hr, board, number), killWithinMs: KillIn(number == 1 && tried.Add(board), 5000)))
                {
                    decided.Add(board);
                }
            }

            released = await host.Hr.ReleaseToManagersAsync();
            if (!released)
            {
                await host.Hr.AdvanceAsync();
            }
        }

        Assert.True(released, "The HR console never offered the release to managers. " + Context());
        await host.StepAsync("managers' release wave", hr => hr.WaitForEmailsAsync("ManagerRelease"), killWithinMs: 1500);
        await host.StepAsync("employees' release", async hr => await ReleaseToEmployeesOnceAsync(hr), killWithinMs: 2500);
        await host.StepAsync("employees' release wave", async hr => await hr.WaitForEmailsAsync("EmployeeRelease", count: (await hr.MailboxAsync()).Count(e => e.Is("SelfAssessmentInvitation"))));
        var releasedAfter = clock.Elapsed;

        // Nothing submitted is lost: no form offers to submit again (while the links are valid), HR's figures count every
        // one, and nobody who submitted was reminded.
        var cycleId = await host.Hr.OnlyCycleIdAsync();
        foreach (var link in writers.Select(i => i.Links[0]).Concat(managerLinks))
        {
            using var person = new Browser(host.BaseAddress);
            var (page, address) = await person.OpenAsync(link);
            Assert.DoesNotContain(HtmlForm.FindAll(page, address), f => f.HasButton("action", "submit"));
        }

        using (var status = JsonDocument.Parse(await host.Hr.Http.GetStringAsync(new Uri($"/api/cycles/{cycleId}", UriKind.Relative), TestContext.Current.CancellationToken)))
        {
            Assert.True("Released" == status.RootElement.GetProperty("state").GetString(), $"The cycle is {status.RootElement.GetProperty("state")}. {Context()}");
            Assert.Equal(writers.Count, status.RootElement.GetProperty("selfAssessmentsSubmitted").GetInt32());
        }

        var writerAddresses = writers.Select(w => w.To.Email).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(await host.Hr.MailboxAsync(), e => e.Is("SelfAssessmentReminder") && writerAddresses.Contains(e.To.Email));
        var decisionChanges = new List<string>();
        foreach (var board in boards)
        {
            decisionChanges.AddRange(await CommitteeWalk.DecisionChangesAsync(host.Hr, board));
        }

        // The follow-ups of the plans decided, three and six months on: the time jump runs each round's waves, and the
        // managers record each conversation through the reminder's link (valid until a month after its date, so each
        // round's pages are read before the next jump). Short: a kill in the first round's wave and the last round's
        // recording; full: in each wave and twice in each recording.
        var results = await ExportAsync(host.Hr, cycleId, "results");
        // Someone without a manager (the head of the organisation) has nobody to remind: their follow-ups stay due.
        var due = FollowUpsDue(results);
        var followUps = due.Where(f => f.Manager.Length > 0).ToList();
        Assert.True(followUps.Count > 0, "No plan with follow-ups was decided. " + Context());
        var first = followUps.Min(f => f.Due);
        var rounds = followUps.GroupBy(f => f.Due.DayNumber - first.DayNumber < RoundDays).OrderByDescending(g => g.Key).Select(g => g.ToList()).ToList();
        var reminders = new List<MailboxEmail>();
        foreach (var (round, index) in rounds.Select((r, i) => (r, i + 1)))
        {
            var dates = round.Select(f => f.Due).ToHashSet();
            var wave = await host.StepAsync($"follow-up wave {index}", hr => hr.AdvanceToFollowUpsAsync(dates, round.Count), killWithinMs: KillIn(index == 1, 3000));
            reminders.AddRange(wave);
            var links = wave.Select(e => e.Links[0]).ToList();
            foreach (var part in Full ? links.Chunk((links.Count + 1) / 2) : [links.ToArray()])
            {
                await host.StepAsync($"follow-ups {index} recorded", async _ =>
                {
                    foreach (var link in part)
                    {
                        await FollowUpWalk.RecordAsHeldAsync(host.BaseAddress, link);
                    }

                    return true;
                }, killWithinMs: KillIn(index == rounds.Count, 3000));
            }

            foreach (var reminder in wave)
            {
                Assert.True(await FollowUpWalk.ShowsRecordedAsync(host.BaseAddress, reminder.Links[0]), $"The follow-up {reminder.Subject} is not recorded. {Context()}");
            }
        }

        var mailbox = await host.Hr.MailboxAsync();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Seed {seed}{(Full ? ", full" : string.Empty)}: {host.Kills.Count} kills, {mailbox.Count} emails ({reminders.Count} follow-up reminders for {followUps.Count} follow-ups with a manager, {due.Count} due), "
            + $"released after {releasedAfter.TotalSeconds:0} s, done after {clock.Elapsed.TotalSeconds:0} s.");
        Assert.True(host.Kills.Count >= 10, Context());

        // No email twice, and every invitation and outcome exactly once.
        var twice = mailbox.GroupBy(e => e.Key).Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}").ToList();
        Assert.True(twice.Count == 0, $"Sent twice: {string.Join(", ", twice)}. {Context()}");
        var invited = mailbox.Where(e => e.Is("SelfAssessmentInvitation")).Select(e => e.To.Email.ToUpperInvariant()).Order().ToList();
        Assert.True(invited.Count >= Employees, Context());
        Assert.Equal(invited, mailbox.Where(e => e.Is("EmployeeRelease")).Select(e => e.To.Email.ToUpperInvariant()).Order());

        // Every placement and move the committee made is in the audit once: none lost, none applied twice.
        var moves = await ExportAsync(host.Hr, cycleId, "moves");
        Assert.True(committee.IntendedMoves.Count > 0, Context());
        Assert.Equal(committee.IntendedMoves.Order(StringComparer.Ordinal), moves.Rows.Select(r => r[moves.Column("Reason")]).Order(StringComparer.Ordinal));

        // Every amendment is on its board's trail once (read while the boards' links were valid) and stands in the
        // confirmed decisions; every decision is final.
        Assert.True(committee.IntendedAmendments.Count > 0, Context());
        Assert.Equal(committee.IntendedAmendments.Order(StringComparer.Ordinal), decisionChanges.Order(StringComparer.Ordinal));
        var final = await ExportAsync(host.Hr, cycleId, "results");
        var notes = final.Rows.Select(r => r[final.Column("Note")]).Where(n => n.StartsWith("Committee agreed", StringComparison.Ordinal));
        Assert.Equal(committee.IntendedAmendments.Order(StringComparer.Ordinal), notes.Order(StringComparer.Ordinal));
        Assert.All(final.Rows.Where(r => r[final.Column("Decision")].Length > 0), r => Assert.Equal("Yes", r[final.Column("Decision final")]));

        // Each follow-up was reminded once, to the plan's manager, and every recording is kept: HR's indicator counts each
        // one held, of those due by today (in the demo's zone), and the cycle still reads Released.
        Assert.Equal(
            followUps.Select(f => $"{f.Manager} {f.Due:yyyy-MM-dd}").Order(StringComparer.Ordinal),
            reminders.Select(e => $"{e.To.Name} {FollowUpWalk.DueOf(e):yyyy-MM-dd}").Order(StringComparer.Ordinal));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime((await host.Hr.ClockAsync()).Now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels")).DateTime);
        Assert.Equal((followUps.Count, due.Count(f => f.Due <= today)), await host.Hr.FollowUpCompletionAsync());
        using var after = JsonDocument.Parse(await host.Hr.Http.GetStringAsync(new Uri($"/api/cycles/{cycleId}", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.True("Released" == after.RootElement.GetProperty("state").GetString(), $"After the follow-ups the cycle is {after.RootElement.GetProperty("state")}. {Context()}");
    }

    /// <summary>A kill within <paramref name="ms"/> where the short run kills (the first of a kind of step), and everywhere in the full run.</summary>
    private static int KillIn(bool first, int ms) => Full || first ? ms : 0;

    /// <summary>Opens each link and submits what it still offers (after a kill, the forms that went through are not offered again).</summary>
    private static async Task<int> SubmitAllAsync(KilledHost host, IEnumerable<string> links)
    {
        var submitted = 0;
        foreach (var link in links)
        {
            using var person = new Browser(host.BaseAddress);
            submitted += await person.SubmitEveryFormAsync(link);
        }

        return submitted;
    }

    /// <summary>HR's second action; after a kill it may have gone through already, and the console then offers it no more.</summary>
    private static async Task<bool> ReleaseToEmployeesOnceAsync(Browser hr)
    {
        if (await hr.ReleaseToEmployeesAsync())
        {
            return true;
        }

        using var status = JsonDocument.Parse(await hr.Http.GetStringAsync(new Uri($"/api/cycles/{await hr.OnlyCycleIdAsync()}", UriKind.Relative)));
        Assert.Equal("Released", status.RootElement.GetProperty("state").GetString());
        return false;
    }

    /// <summary>One table of HR's export of the cycle, in English.</summary>
    private static async Task<CsvTable> ExportAsync(Browser hr, string cycleId, string table)
        => CsvTable.Parse(await hr.Http.GetStringAsync(new Uri($"/api/cycles/{cycleId}/export?format=csv&table={table}&lang=en", UriKind.Relative)));

    /// <summary>Every follow-up the confirmed plans set, with the manager it is due with (empty for the head of the organisation).</summary>
    private static List<(string Manager, DateOnly Due)> FollowUpsDue(CsvTable results)
    {
        var manager = results.Column("Manager");
        var dates = results.Header.Select((h, i) => (h, i)).Where(c => c.h.StartsWith("Follow-up ", StringComparison.Ordinal)).Select(c => c.i).ToList();
        return [.. results.Rows.SelectMany(r => dates.Where(d => r[d].Length > 0).Select(d => (r[manager], DateOnly.ParseExact(r[d], "yyyy-MM-dd", CultureInfo.InvariantCulture))))];
    }
}
