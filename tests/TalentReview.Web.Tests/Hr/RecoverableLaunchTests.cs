using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using NSubstitute;
using TalentReview.Domain.Demo;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Hr;

/// <summary>A launch sent again (a lost answer, a crash between storing the cycle and starting its workflow) resumes that launch: one cycle, its workflow started.</summary>
public sealed class RecoverableLaunchTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async ValueTask InitializeAsync() => app = await TestApp.StartAsync();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient HrClient(string key)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For("hr-1", Roles.HrAdmin));
        client.DefaultRequestHeaders.Add("Idempotency-Key", key);
        return client;
    }

    private static object LaunchBody() => new
    {
        name = "Review 2026",
        start = "2026-01-05",
        rosterCsv = DemoOrganisation.Generate(20, 3, new DateOnly(2025, 12, 31)).ToCsv(','),
        hr = new[] { new { id = "hr-1", name = "Hanne Peeters", email = "hanne.peeters@meridia.example", language = "Nl" } },
        leadership = Array.Empty<object>(),
        hrCalibrators = new[] { "hr-1" },
    };

    [Fact]
    public async Task A_launch_cut_short_before_its_workflow_started_is_resumed_by_the_same_launch_with_one_cycle()
    {
        // The first try stores the cycle and dies starting its workflow, as a process killed at that moment would.
        app.ClientSubstitute!.ScheduleNewOrchestrationInstanceAsync(Arg.Any<TaskName>(), Arg.Any<object?>(), Arg.Any<StartOrchestrationOptions?>(), Arg.Any<CancellationToken>())
            .Returns(_ => throw new IOException("The process stopped."), _ => Task.FromResult("started"));
        using var client = HrClient("launch-2026-01");

        await Assert.ThrowsAnyAsync<Exception>(async () => (await client.PostAsJsonAsync("/api/cycles", LaunchBody(), Cancel)).EnsureSuccessStatusCode());
        var stored = (await app.Reviews.ListCyclesAsync(null, 10, Cancel)).Items.Select(i => i.Value).ToList();
        var orphan = Assert.Single(stored);
        using (var before = JsonDocument.Parse(await client.GetStringAsync($"/api/cycles/{orphan.CycleId}", Cancel)))
        {
            Assert.Equal("NotStarted", before.RootElement.GetProperty("state").GetString());
        }

        using var again = await client.PostAsJsonAsync("/api/cycles", LaunchBody(), Cancel);

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        using var answer = JsonDocument.Parse(await again.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(orphan.CycleId, answer.RootElement.GetProperty("cycleId").GetString());
        Assert.Equal("alreadyLaunched", answer.RootElement.GetProperty("status").GetString());
        Assert.Single((await app.Reviews.ListCyclesAsync(null, 10, Cancel)).Items);
        await app.ClientSubstitute!.Received(2).ScheduleNewOrchestrationInstanceAsync(
            new TaskName("ReviewCycleOrchestration"), Arg.Any<object?>(), Arg.Is<StartOrchestrationOptions?>(o => o!.InstanceId == $"cycle-{orphan.CycleId}"), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Different_keys_launch_different_cycles_and_an_overlong_key_is_refused_by_name()
    {
        using var first = HrClient("a");
        using var second = HrClient("b");
        using var overlong = HrClient(new string('k', 201));

        (await first.PostAsJsonAsync("/api/cycles", LaunchBody(), Cancel)).EnsureSuccessStatusCode();
        (await second.PostAsJsonAsync("/api/cycles", LaunchBody(), Cancel)).EnsureSuccessStatusCode();
        using var refused = await overlong.PostAsJsonAsync("/api/cycles", LaunchBody(), Cancel);

        Assert.Equal(2, (await app.Reviews.ListCyclesAsync(null, 10, Cancel)).Items.Count);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Idempotency-Key", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
