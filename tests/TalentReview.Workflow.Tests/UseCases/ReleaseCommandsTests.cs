using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using TalentReview.Domain;
using TalentReview.Domain.Demo;
using TalentReview.Domain.Planning;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Storage;
using TalentReview.Workflow.UseCases;

namespace TalentReview.Workflow.Tests.UseCases;

public sealed class ReleaseCommandsTests
{
    private const string CycleId = "c1";
    private static readonly Contact Hr = new("hr-1", "Hanne HR", "hr@example.test", Language.En);

    private readonly ReviewStore store = new(new InMemoryDocumentStore());
    private readonly DurableTaskClient client = Substitute.For<DurableTaskClient>("test");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));

    private ReleaseCommands Commands => new(store, client, time);

    private async Task SeedAsync(CycleState state, params (string Name, GroupPhase Phase)[] groups)
    {
        var roster = DemoOrganisation.Generate(12, 3, new DateOnly(2025, 12, 31)).ToRoster();
        var sorted = roster.Employees.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        var plan = CyclePlan.Default("Review 2026", new DateOnly(2026, 2, 1), roster, [Hr.Id]);
        await store.WriteNewCycleAsync(new CycleDocument(CycleId, plan.Name, plan, state, time.GetUtcNow(), Hr.Id, [Hr], [Hr], sorted.Count, [sorted[0].Id]), sorted);
        foreach (var (name, phase) in groups)
        {
            await store.UpdateGroupAsync(CycleId, name.ToLowerInvariant(), _ => new CalibrationGroupDocument(CycleId, name.ToLowerInvariant(), name, [Hr], 4, 1, phase));
        }
    }

    [Fact]
    public async Task A_launched_cycle_without_groups_releases_nothing()
    {
        await SeedAsync(CycleState.Launched);

        var result = await Commands.ReleaseToManagersAsync(CycleId, employeesOnReleaseDate: false, Hr.Id);

        Assert.Equal(CommandStatus.NotAllowed, result.Status);
        Assert.Null((await store.GetCycleAsync(CycleId))!.Release);
        await client.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task The_refusal_names_only_the_groups_not_final()
    {
        await SeedAsync(CycleState.Running, ("Finance", GroupPhase.DecisionsFinalised), ("Sales", GroupPhase.DecisionsProposed), ("Logistics", GroupPhase.Calibrating));

        var result = await Commands.ReleaseToManagersAsync(CycleId, employeesOnReleaseDate: false, Hr.Id);

        Assert.Equal(CommandStatus.NotAllowed, result.Status);
        Assert.Equal("The decisions are not final yet for: Logistics, Sales. Release once every group has confirmed its decisions.", result.Errors.Single().Message);
    }

    [Fact]
    public async Task A_repeated_release_keeps_HRs_first_request_and_tells_the_cycle_again()
    {
        await SeedAsync(CycleState.Running, ("Finance", GroupPhase.DecisionsFinalised));

        var first = await Commands.ReleaseToManagersAsync(CycleId, employeesOnReleaseDate: true, Hr.Id);
        time.Advance(TimeSpan.FromMinutes(5));
        var again = await Commands.ReleaseToManagersAsync(CycleId, employeesOnReleaseDate: false, "hr-2");

        Assert.Equal((CommandStatus.Succeeded, CommandStatus.AlreadyDone), (first.Status, again.Status));
        Assert.Equal(new CycleRelease(Hr.Id, new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero), true), (await store.GetCycleAsync(CycleId))!.Release);
        await client.Received(2).RaiseEventAsync(
            "cycle-c1", WorkflowEvents.ReleasedToManagers, Arg.Is<object?>(e => ((ReleasedToManagersEvent)e!).ReleasedBy == Hr.Id && ((ReleasedToManagersEvent)e!).EmployeesOnReleaseDate), Arg.Any<CancellationToken>());
    }
}
