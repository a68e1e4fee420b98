using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NSubstitute;
using TalentReview.Domain.Demo;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Links;

namespace TalentReview.Web.Tests.Security;

/// <summary>
/// Requests that send email or cost work are limited, with a 429 that says when to come back. Each test
/// uses up a window's permits at once, so nothing depends on how fast the machine or the clock runs.
/// </summary>
public sealed class RateLimitTests
{
    private static Task<TestApp> StartAsync(string limit, int permits, string? other = null, int otherPermits = 100)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"TalentReview:Web:RateLimits:{limit}:Permits"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"TalentReview:Web:RateLimits:{limit}:Window"] = "01:00:00",
        };
        if (other is not null)
        {
            settings[$"TalentReview:Web:RateLimits:{other}:Permits"] = otherPermits.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return TestApp.StartAsync(settings: settings);
    }

    private static HttpClient Hr(TestApp app, string id = "hr-1")
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For(id, Roles.HrAdmin));
        return client;
    }

    private static object Launch() => new
    {
        name = "Review 2026",
        start = "2026-01-05",
        rosterCsv = DemoOrganisation.Generate(12, 2, new DateOnly(2025, 12, 31)).ToCsv(','),
        hr = new[] { new { id = "hr-1", name = "Hanne Peeters", email = "hanne.peeters@meridia.example", language = "Nl" } },
        hrCalibrators = new[] { "hr-1" },
    };

    private static void AssertRetryAfter(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var seconds = response.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.True(seconds is >= 1 and <= 3600, $"Retry-After is '{response.Headers.RetryAfter}'");
    }

    [Fact]
    public async Task Launches_beyond_the_limit_get_a_429_with_retry_after_and_launch_nothing()
    {
        await using var app = await StartAsync("Launch", 2);
        using var client = Hr(app);
        for (var i = 0; i < 2; i++)
        {
            using var refused = await client.PostAsJsonAsync("/api/cycles", new { });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using var response = await client.PostAsJsonAsync("/api/cycles", Launch());

        AssertRetryAfter(response);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("At most 2 per 60 minutes for each person", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, app.Store.Count);
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().ScheduleNewOrchestrationInstanceAsync(default!, default, default, default);
        using var someoneElse = Hr(app, "hr-2");
        using var theirs = await someoneElse.PostAsJsonAsync("/api/cycles", Launch());
        Assert.Equal(HttpStatusCode.Accepted, theirs.StatusCode);
    }

    [Fact]
    public async Task Exports_beyond_the_limit_get_a_429_with_retry_after()
    {
        await using var app = await StartAsync("Export", 1);
        await CycleSeed.WriteAsync(app.Reviews);
        using var client = Hr(app);

        using var first = await client.GetAsync($"/api/cycles/{CycleSeed.CycleId}/export?format=csv");
        using var second = await client.GetAsync($"/api/cycles/{CycleSeed.CycleId}/export?format=xlsx");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        AssertRetryAfter(second);
    }

    [Fact]
    public async Task A_new_link_is_sent_once_per_window_per_link_then_the_page_says_to_wait()
    {
        await using var app = await StartAsync("LinkRenewalPerLink", 1);
        var seed = await CycleSeed.WriteAsync(app.Reviews);
        var expired = TestApp.PathOf(app.Signer.CreateLink(new LinkClaims(CycleSeed.CycleId, seed.Employee.Id, seed.Employee.Id, LinkStep.SelfAssessment, TestApp.Start.AddDays(-1), "self0")));
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(expired, HttpStatusCode.Gone));

        using var first = await client.PostFormAsync(expired + "/renew", token);
        using var second = await client.PostFormAsync(expired + "/renew", token);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        AssertRetryAfter(second);
        Assert.Contains("no email was sent this time", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(app.Mailbox.For(seed.Employee.Email));
    }

    [Fact]
    public async Task New_links_for_one_recipient_are_limited_over_all_their_links()
    {
        await using var app = await StartAsync("LinkRenewalPerRecipient", 1, "LinkRenewalPerLink", 100);
        var seed = await CycleSeed.WriteAsync(app.Reviews);
        var team = seed.Manager;
        string Expired(string nonce) => TestApp.PathOf(app.Signer.CreateLink(new LinkClaims(CycleSeed.CycleId, team.Id, team.Id, LinkStep.ManagerInput, TestApp.Start.AddDays(-1), nonce)));
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(Expired(WorkflowLinks.TeamNonce), HttpStatusCode.Gone));

        using var first = await client.PostFormAsync(Expired(WorkflowLinks.TeamNonce) + "/renew", token);
        using var second = await client.PostFormAsync(Expired(WorkflowLinks.EscalationNonce) + "/renew", token);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        AssertRetryAfter(second);
    }

    [Fact]
    public async Task Asking_for_a_new_link_while_the_link_still_works_sends_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var seed = await CycleSeed.WriteAsync(app.Reviews);
        var valid = TestApp.PathOf(app.Links.SelfAssessment((await app.Reviews.GetParticipantAsync(CycleSeed.CycleId, seed.Employee.Id))!, TestApp.Start.AddDays(14)));
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(valid));

        using var response = await client.PostFormAsync(valid + "/renew", token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(app.Mailbox.For(seed.Employee.Email));
    }
}
