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

        var result = await Commands.ReleaseToManagersAsync(CycleId, Hr.Id);

        Assert.Equal(CommandStatus.NotAllowed, result.Status);
        Assert.Null((await store.GetCycleAsync(CycleId))!.Release);
        await client.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task The_refusal_names_only_the_groups_not_final()
    {
        await SeedAsync(CycleState.Running, ("Finance", GroupPhase.DecisionsFinalised), ("Sales", GroupPhase.DecisionsProposed), ("Logistics", GroupPhase.Calibrating));

        var result = await Commands.ReleaseToManagersAsync(CycleId, Hr.Id);

        Assert.Equal(CommandStatus.NotAllowed, result.Status);
        Assert.Equal("The decisions are not final yet for: Logistics, Sales. Release once every group has confirmed its decisions.", result.Errors.Single().Message);
    }

    [Fact]
    public async Task A_repeated_release_keeps_HRs_first_request_and_tells_the_cycle_again()
    {
        await SeedAsync(CycleState.Running, ("Finance", GroupPhase.DecisionsFinalised));

        var first = await Commands.ReleaseToManagersAsync(CycleId, Hr.Id);
        time.Advance(TimeSpan.FromMinutes(5));
        var again = await Commands.ReleaseToManagersAsync(CycleId, "hr-2");

        Assert.Equal((CommandStatus.Succeeded, CommandStatus.AlreadyDone), (first.Status, again.Status));
        Assert.Equal(new CycleRelease(Hr.Id, new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero), EmployeesDueAt), (await store.GetCycleAsync(CycleId))!.Release);
        await client.Received(2).RaiseEventAsync(
            "cycle-c1", WorkflowEvents.ReleasedToManagers, Arg.Is<object?>(e => ((ReleasedToManagersEvent)e!).ReleasedBy == Hr.Id && ((ReleasedToManagersEvent)e!).EmployeesAt == EmployeesDueAt), Arg.Any<CancellationToken>());
    }

    // Released on Wednesday 4 March: five working days later is Wednesday 11 March, 09:00 in Brussels (08:00 UTC).
    private static readonly DateTimeOffset EmployeesDueAt = new(2026, 3, 11, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_release_to_managers_sets_the_employees_release_at_the_end_of_the_plans_window()
    {
        await SeedAsync(CycleState.Running, ("Finance", GroupPhase.DecisionsFinalised));
        await store.UpdateCycleAsync(CycleId, c => c with { Plan = c.Plan with { Release = c.Plan.Release with { ConversationWorkingDays = 3 } } });

        await Commands.ReleaseToManagersAsync(CycleId, Hr.Id);

        // Wednesday plus three working days skips the weekend: Monday 9 March, 09:00 in Brussels.
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.Zero), (await store.GetCycleAsync(CycleId))!.Release!.EmployeesDueAt);
    }
}
