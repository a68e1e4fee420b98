using System.Globalization;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Rosters;
using TalentReview.Domain.Talent.Pools;
using TalentReview.Domain.Talent.Succession;
using TalentReview.Workflow.Talent.Pools;
using TalentReview.Workflow.Talent.Succession;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Local.Simulation;

/// <summary>Critical roles and pools as HR left them after the last simulated cycle, and what HR did after each cycle.</summary>
public sealed record SimulatedSuccession(IReadOnlyList<CriticalRole> Roles, IReadOnlyList<TalentPool> Pools, IReadOnlyList<string> Activity)
{
    public static SimulatedSuccession None { get; } = new([], [], []);
}

/// <summary>
/// What HR does with a released cycle, through the same use cases as the HR pages: after the first cycle it
/// marks the roles of the directors who report to the top as critical (risk of loss from the director's
/// flight risk, impact of loss from the size of their department) and names two pools; after every cycle it
/// reviews each bench (someone who left or fell out of the successor boxes is taken off with the reason, the
/// others get their manager's new readiness), confirms the best suggestions up to <see cref="BenchSize"/>
/// (the role's own department first, nobody on more than <see cref="MaxBenches"/> benches), refills the pools
/// from the calibration and adds to the future leaders whoever is ready now to take over a critical role.
/// </summary>
public sealed class SimulatedTalentWork(
    CriticalRoleCommands roleCommands,
    CriticalRoleQueries roleQueries,
    TalentPoolCommands poolCommands,
    TalentPoolQueries poolQueries,
    LatestCalibration calibration)
{
    public const int CriticalRoles = 4;
    public const int BenchSize = 3;
    public const int MaxBenches = 2;

    public static readonly CreateTalentPool FutureLeaders = new(
        "Future leaders",
        "High potential people who want to grow into a larger role.",
        [GridBox.Star, GridBox.EmergingTalent, GridBox.RoughDiamond],
        [CareerAspiration.Promotion, CareerAspiration.HorizontalMove, CareerAspiration.JobRotation],
        []);

    public static readonly CreateTalentPool KeySpecialists = new(
        "Key specialists",
        "Strong performers whose expertise the organisation relies on.",
        [GridBox.Star, GridBox.HighPerformer, GridBox.TrustedExpert],
        [CareerAspiration.Specialisation, CareerAspiration.JobCrafting, CareerAspiration.Stay],
        []);

    private readonly List<string> activity = [];

    /// <summary>HR's work after the cycle just released; <paramref name="roster"/> is that cycle's roster.</summary>
    public async Task AfterReleaseAsync(Roster roster, string hr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roster);
        if (await calibration.ReadAsync(null, cancellationToken) is not { } snapshot)
        {
            return;
        }

        var done = new List<string>();
        var placed = snapshot.People.ToDictionary(p => p.EmployeeId, StringComparer.Ordinal);
        if ((await roleQueries.ListAsync(cancellationToken)).Count == 0)
        {
            var marked = await MarkRolesAsync(roster, placed, hr, cancellationToken);
            done.Add(Count(marked, "critical role") + " marked");
            foreach (var pool in (CreateTalentPool[])[FutureLeaders, KeySpecialists])
            {
                await Expect(poolCommands.CreateAsync(pool, hr, cancellationToken), $"creating the pool {pool.Name}");
            }

            done.Add($"the pools {FutureLeaders.Name} and {KeySpecialists.Name} named");
        }

        var (removed, rerated, confirmed) = (0, 0, 0);
        var benches = new Dictionary<string, int>(StringComparer.Ordinal);
        var roles = await roleQueries.ListAsync(cancellationToken);
        foreach (var role in roles)
        {
            foreach (var successor in role.Successors)
            {
                if (roster.Find(successor.EmployeeId) is null)
                {
                    await Expect(roleCommands.RemoveSuccessorAsync(role.RoleId, new RemoveSuccessor(successor.EmployeeId, "Left the organisation."), hr, cancellationToken), "taking a leaver off a bench");
                    removed++;
                }
                else if (placed.TryGetValue(successor.EmployeeId, out var talent) && !SuccessorSuggestions.CouldSucceed(talent))
                {
                    var reason = string.Create(CultureInfo.InvariantCulture, $"Placed as {BoxLabels.Default.For(talent.Box, Domain.Language.En).Name} in {snapshot.CycleName}: no longer a successor.");
                    await Expect(roleCommands.RemoveSuccessorAsync(role.RoleId, new RemoveSuccessor(successor.EmployeeId, reason), hr, cancellationToken), "taking someone off a bench");
                    removed++;
                }
                else if (talent is not null && SuccessorSuggestions.ReadinessOf(talent.Readiness) is var readiness && readiness != successor.Readiness)
                {
                    await Expect(roleCommands.NominateAsync(role.RoleId, new NominateSuccessor(successor.EmployeeId, readiness, $"Readiness reviewed after {snapshot.CycleName}."), hr, cancellationToken), "re-rating a successor");
                    rerated++;
                }
            }
        }

        foreach (var role in roles)
        {
            foreach (var successor in (await roleQueries.GetAsync(role.RoleId, cancellationToken))!.Role.Successors)
            {
                benches[successor.EmployeeId] = benches.GetValueOrDefault(successor.EmployeeId) + 1;
            }
        }

        foreach (var role in roles)
        {
            var view = (await roleQueries.GetAsync(role.RoleId, cancellationToken))!;
            var open = BenchSize - view.Role.Successors.Count;
            foreach (var suggestion in view.Suggestions.OrderByDescending(s => s.SameDepartment).Where(s => benches.GetValueOrDefault(s.Talent.EmployeeId) < MaxBenches).Take(Math.Max(0, open)))
            {
                await Expect(roleCommands.NominateAsync(role.RoleId, new NominateSuccessor(suggestion.Talent.EmployeeId, suggestion.Readiness, $"Suggested by the calibration of {snapshot.CycleName}."), hr, cancellationToken), "confirming a successor");
                benches[suggestion.Talent.EmployeeId] = benches.GetValueOrDefault(suggestion.Talent.EmployeeId) + 1;
                confirmed++;
            }
        }

        done.Add(string.Create(CultureInfo.InvariantCulture, $"{Count(confirmed, "successor")} confirmed, {rerated} re-rated, {removed} taken off a bench"));
        done.AddRange(await ReviewPoolsAsync(roster, hr, cancellationToken));
        activity.Add($"After {snapshot.CycleName}: {string.Join("; ", done)}.");
    }

    /// <summary>Where things stand now, for the simulation's summary.</summary>
    public async Task<SimulatedSuccession> ResultAsync(CancellationToken cancellationToken)
        => new(await roleQueries.ListAsync(cancellationToken), await poolQueries.ListAsync(cancellationToken), [.. activity]);

    private async Task<int> MarkRolesAsync(Roster roster, Dictionary<string, CalibratedTalent> placed, string hr, CancellationToken cancellationToken)
    {
        var managers = await calibration.ManagersInLatestRosterAsync(cancellationToken);
        var top = managers.Where(m => m.ManagerId is null).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var directors = managers
            .Where(m => m.ManagerId is { } boss && top.Contains(boss))
            .Select(m => (Director: m, Size: roster.Employees.Count(e => string.Equals(e.Department, m.Department, StringComparison.Ordinal))))
            .OrderByDescending(d => d.Size).ThenBy(d => d.Director.Department, StringComparer.Ordinal)
            .Take(CriticalRoles)
            .ToList();
        var largest = directors.Count > 0 ? directors[0].Size : 0;
        foreach (var (director, size) in directors)
        {
            var risk = placed.TryGetValue(director.Id, out var talent)
                ? talent.FlightRisk switch { FlightRisk.High => LossLevel.High, FlightRisk.Low => LossLevel.Low, _ => LossLevel.Medium }
                : LossLevel.Medium;
            var impact = size * 2 >= largest ? LossLevel.High : LossLevel.Medium;
            await Expect(roleCommands.MarkAsync(new MarkCriticalRole(director.Id, null, risk, impact), hr, cancellationToken), "marking a critical role");
        }

        return directors.Count;
    }

    private async Task<IEnumerable<string>> ReviewPoolsAsync(Roster roster, string hr, CancellationToken cancellationToken)
    {
        var done = new List<string>();
        foreach (var pool in await poolQueries.ListAsync(cancellationToken))
        {
            // A refill keeps whom HR added by hand: HR takes out those of them who left.
            foreach (var leaver in pool.Members.Where(m => m.Source == PoolMembershipSource.AddedByHr && roster.Find(m.EmployeeId) is null))
            {
                await Expect(poolCommands.RemoveMemberAsync(pool.PoolId, new ChangePoolMember(leaver.EmployeeId, "Left the organisation."), hr, cancellationToken), $"taking a leaver out of {pool.Name}");
            }

            var filled = await Expect(poolCommands.FillAsync(pool.PoolId, hr, cancellationToken), $"filling the pool {pool.Name}");
            done.Add($"{pool.Name} filled with {Count(filled.Value, "member")}");
        }

        var leaders = await poolQueries.GetAsync(TalentPoolCommands.PoolIdOf(FutureLeaders.Name!), cancellationToken);
        var added = 0;
        foreach (var role in await roleQueries.ListAsync(cancellationToken))
        {
            foreach (var successor in role.Successors.Where(s => s.Readiness == SuccessorReadiness.ReadyNow))
            {
                if (leaders is not null && leaders.Pool.Members.All(m => m.EmployeeId != successor.EmployeeId)
                    && (await poolCommands.AddMemberAsync(leaders.Pool.PoolId, new ChangePoolMember(successor.EmployeeId, $"Ready now to take over {role.Title}."), hr, cancellationToken)).Status == CommandStatus.Succeeded)
                {
                    added++;
                }
            }
        }

        done.Add($"{Count(added, "successor")} ready now added to {FutureLeaders.Name} by hand");
        return done;
    }

    private static string Count(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    /// <summary>A use case the simulation calls as HR must not refuse it: a refusal is a fault of the simulation, said with its reasons.</summary>
    private static async Task<T> Expect<T>(Task<T> call, string what)
        where T : CommandResult
    {
        var result = await call;
        return result.Succeeded
            ? result
            : throw new InvalidOperationException($"The simulated HR was refused {what}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
    }
}
