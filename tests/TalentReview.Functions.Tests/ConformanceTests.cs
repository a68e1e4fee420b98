using TalentReview.Durable.Conformance;

namespace TalentReview.Functions.Tests;

/// <summary>The engine-agnostic scenarios, through the Functions adapters, on the real Durable Task engine.</summary>
public sealed class ConformanceTests
{
    public static TheoryData<string> Scenarios => new(ConformanceScenarios.All.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Scenario_behaves_the_same_on_durable_task(string scenario)
        => ConformanceScenarios.All.Single(s => s.Name == scenario).RunAsync(new InProcessScenarioHostFactory(), TestContext.Current.CancellationToken);
}
