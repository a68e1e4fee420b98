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

    [Theory]
    [InlineData("Europe/Brussels", "2026-03-02T03:00:00Z")]
    [InlineData("Europe/Brussels", "2026-03-01T23:30:00Z")]
    [InlineData("America/New_York", "2026-03-01T23:30:00Z")]
    [InlineData("America/New_York", "2026-03-02T03:00:00Z")]
    [InlineData("Asia/Tokyo", "2026-03-02T03:00:00Z")]
    [InlineData("Asia/Tokyo", "2026-03-01T23:30:00Z")]
    public async Task A_cycle_in_the_organisations_zone_mails_at_its_working_hour_and_never_names_a_past_date(string zone, string launchedAt)
    {
        await using var host = await EmbeddedCycleScenarioHost.StartAsync(DateTimeOffset.Parse(launchedAt, System.Globalization.CultureInfo.InvariantCulture));
        await CycleScenarios.SilentCycleInTheOrganisationsZoneAsync(host, new Domain.Planning.OrganisationTime(zone, new TimeOnly(9, 0)));
    }

    [Fact]
    public async Task Employees_receive_their_outcome_by_themselves_at_the_working_hour_the_conversation_window_ends()
    {
        await using var host = await EmbeddedCycleScenarioHost.StartAsync();
        await CycleScenarios.ScheduledReleaseAsync(host);
    }
}
