namespace TalentReview.Workflow.Tests.Scenarios;

public sealed class EmbeddedCycleScenarioTests
{
    [Fact]
    public async Task A_six_week_cycle_for_fifty_people_runs_to_release_and_follow_ups_in_virtual_time()
    {
        await using var host = await EmbeddedCycleScenarioHost.StartAsync();
        await CycleScenarios.SixWeekCycleAsync(host);
    }

    [Fact]
    public async Task A_cancelled_cycle_stops_everything_it_started_and_tells_the_participants()
    {
        await using var host = await EmbeddedCycleScenarioHost.StartAsync();
        await CycleScenarios.CancelledCycleAsync(host);
    }

    [Fact]
    public async Task A_release_HR_scheduled_reaches_employees_on_the_release_date_as_HR_moved_it()
    {
        await using var host = await EmbeddedCycleScenarioHost.StartAsync();
        await CycleScenarios.ScheduledReleaseAsync(host);
    }
}
