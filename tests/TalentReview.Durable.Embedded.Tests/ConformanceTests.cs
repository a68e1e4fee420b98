using TalentReview.Durable.Conformance;

namespace TalentReview.Durable.Embedded.Tests;

public sealed class ConformanceTests
{
    public static TheoryData<string> Scenarios => new(ConformanceScenarios.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Scenario_behaves_as_durable_task_in_memory(string scenario)
        => RunAsync(scenario, onSqliteFile: false);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Scenario_behaves_as_durable_task_on_a_sqlite_file(string scenario)
        => RunAsync(scenario, onSqliteFile: true);

    private static async Task RunAsync(string name, bool onSqliteFile)
    {
        // A generous bound so that a hang fails the test instead of the whole run.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await ConformanceScenarios.All.Single(s => s.Name == name).RunAsync(new EmbeddedScenarioHostFactory(onSqliteFile), timeout.Token);
    }
}
