using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;
using TalentReview.Domain.Talent.History;
using TalentReview.Durable.Embedded;
using TalentReview.Durable.Embedded.Time;
using TalentReview.Workflow.Talent.History;

namespace TalentReview.Local.Simulation;

/// <summary>
/// What happens to simulated people between two yearly cycles: managers hold most follow-ups of the
/// plans as they come due (and record them, as on the follow-up page), the moves decided in the
/// cycle show on the next roster, and a few people without reports leave. Drawn from the seed, so
/// the same seed gives the same years.
/// </summary>
[SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "A simulation must be reproducible from a seed, not unpredictable.")]
public sealed class SimulatedCareers(TalentHistoryStore history, int seed)
{
    private const double FollowUpHeld = 0.75;
    private const double Leaves = 0.06;
    private readonly Random random = new(seed);
    private readonly HashSet<(string EmployeeId, string CycleId, DateOnly DueOn)> seen = [];

    /// <summary>The level above ("L3" gives "L4"); a level without a number gets a plus.</summary>
    public static string NextLevel(string level)
    {
        ArgumentNullException.ThrowIfNull(level);
        var digits = new string(level.Where(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? level.Replace(digits, (number + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : level + "+";
    }

    /// <summary>A senior title, then a lead one.</summary>
    public static string NextTitle(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        return title.StartsWith("Senior ", StringComparison.Ordinal) ? "Lead " + title["Senior ".Length..] : "Senior " + title;
    }

    /// <summary>Runs the engine to <paramref name="until"/> a week at a time; each week, the follow-ups that came due are held or not.</summary>
    public async Task LiveUntilAsync(EmbeddedDurableEngine engine, VirtualTimeProvider clock, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(clock);
        for (var next = clock.GetUtcNow().AddDays(7); ; next = next.AddDays(7))
        {
            var stop = next < until ? next : until;
            await engine.RunUntilIdleAdvancingTimeAsync(stop, cancellationToken: cancellationToken);
            await HoldDueFollowUpsAsync(clock.GetUtcNow(), cancellationToken);
            if (stop == until)
            {
                return;
            }
        }
    }

    /// <summary>The roster a year on: decided promotions, lateral moves and step backs applied; some people without reports gone.</summary>
    public Roster NextRoster(Roster roster, IReadOnlyList<TalentOutcome> latest)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(latest);
        var functions = latest.ToDictionary(o => o.EmployeeId, o => o.FunctionAfter, StringComparer.Ordinal);
        var managers = roster.Employees.Where(e => e.ManagerId is not null).Select(e => e.ManagerId!).ToHashSet(StringComparer.Ordinal);
        var next = new List<Employee>(roster.Count);
        foreach (var employee in roster.Employees.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            if (!managers.Contains(employee.Id) && employee.ManagerId is not null && random.NextDouble() < Leaves)
            {
                continue;
            }

            next.Add(functions.GetValueOrDefault(employee.Id) is { } function
                ? employee with { Department = function.Department, JobTitle = function.JobTitle, Level = function.Level }
                : employee);
        }

        var result = Roster.Create(next);
        return result.Roster ?? throw new InvalidOperationException($"The simulated roster a year on is inconsistent: {result.Problems[0].Message}");
    }

    private async Task HoldDueFollowUpsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var outcome in await history.GetLatestOutcomesAsync(cancellationToken))
        {
            var today = new OrganisationTime(outcome.TimeZoneId, OrganisationTime.Default.WorkingHour).DateOf(now);
            foreach (var followUp in outcome.FollowUps.Where(f => f.DueOn <= today && seen.Add((outcome.EmployeeId, outcome.CycleId, f.DueOn))))
            {
                if (random.NextDouble() < FollowUpHeld)
                {
                    await history.RecordFollowUpHeldAsync(outcome.EmployeeId, outcome.CycleId, followUp.DueOn, today, cancellationToken);
                }
            }
        }
    }
}
