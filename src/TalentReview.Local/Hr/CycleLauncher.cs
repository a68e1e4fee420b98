using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;
using TalentReview.Local.Seeding;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Local.Hr;

/// <summary>Launches a cycle with the default six-week plan starting today (virtual time), as the HR page and simulate do.</summary>
public sealed class CycleLauncher(CycleCommands commands, TimeProvider time)
{
    public Task<CommandResult<string>> LaunchAsync(Roster roster, string launchedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roster);
        var today = OrganisationTime.Default.DateOf(time.GetUtcNow());
        var plan = CyclePlan.Default($"Talent review {today.Year}", today, roster, [DemoContacts.Hr.Id]);
        return commands.LaunchCycleAsync(
            new LaunchCycleRequest(plan, roster, [DemoContacts.Hr], [DemoContacts.Leadership], launchedBy),
            cancellationToken);
    }
}
