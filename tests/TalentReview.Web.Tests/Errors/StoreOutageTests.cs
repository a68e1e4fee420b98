using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TalentReview.Infrastructure.Storage.Sqlite;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Errors;

/// <summary>A store that cannot be used (a full or read-only disk) answers 503 saying so, never a blank 500, and recovers by itself.</summary>
public sealed class StoreOutageTests : IAsyncLifetime
{
    private const int SqliteFull = 13;
    private const int SqliteReadOnly = 8;

    private TestApp app = null!;
    private FailingDocumentStore store = null!;
    private string path = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync(storeInFront: inner => store = new FailingDocumentStore(inner), settings: null, engine: false);
        var seed = await CycleSeed.WriteAsync(app.Reviews);
        var participant = (await app.Reviews.GetParticipantAsync(CycleSeed.CycleId, seed.Employee.Id))!;
        path = TestApp.PathOf(app.Links.SelfAssessment(participant, TestApp.Start.AddDays(14)));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_full_disk_shows_the_person_a_page_that_says_so_in_their_language()
    {
        store.Failure = new SqliteException("SQLite Error 13: 'database or disk is full'.", SqliteFull);
        using var client = app.CreateClient("nl-BE");
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using var response = await client.GetAsync(path);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter?.Delta);
        Assert.Contains("<h1>Even niet beschikbaar</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Oorzaak: de schijf met de gegevens is vol.", page, StringComparison.Ordinal);
        Assert.Contains("Het herstelt vanzelf", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_only_store_answers_the_api_with_problem_details_and_the_api_recovers_when_it_is_writable_again()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For("hr-1", Roles.HrAdmin));
        store.Failure = new SqliteException("SQLite Error 8: 'attempt to write a readonly database'.", SqliteReadOnly);

        using var down = await client.GetAsync("/api/cycles");
        using var problem = JsonDocument.Parse(await down.Content.ReadAsStringAsync());
        store.Failure = null;
        using var back = await client.GetAsync("/api/cycles");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("The store is unavailable for now.", problem.RootElement.GetProperty("title").GetString());
        Assert.StartsWith("The data files are read-only.", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(nameof(StoreOutage.ReadOnly), problem.RootElement.GetProperty("outage").GetString());
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task An_unexpected_failure_is_a_500_with_a_reference_never_a_blank_page()
    {
        store.Failure = new InvalidOperationException("A bug.");
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Add(Principals.Header, Principals.For("hr-1", Roles.HrAdmin));
        using var browser = app.CreateClient("en-GB");
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        using var fromApi = await api.GetAsync("/api/cycles");
        using var problem = JsonDocument.Parse(await fromApi.Content.ReadAsStringAsync());
        using var fromBrowser = await browser.GetAsync(path);
        var page = await fromBrowser.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, fromApi.StatusCode);
        var reference = problem.RootElement.GetProperty("reference").GetString();
        Assert.False(string.IsNullOrEmpty(reference));
        Assert.DoesNotContain("A bug.", problem.RootElement.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.InternalServerError, fromBrowser.StatusCode);
        Assert.Contains("<h1>Something went wrong</h1>", page, StringComparison.Ordinal);
        Assert.Contains("give HR this reference: ", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_the_framework_cannot_read_keeps_its_400_where_it_throws_instead_of_answering()
    {
        // As in Development: minimal APIs throw on a body they cannot read instead of answering 400.
        await using var throwing = await TestApp.StartAsync(configureServices: s => s.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true));
        using var client = throwing.CreateClient();
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For("hr-1", Roles.HrAdmin));

        using var response = await client.PostAsync($"/api/cycles/{CycleSeed.CycleId}/cancel", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void Sqlite_errors_of_the_disk_are_outages_and_others_are_not()
    {
        var describers = new IStoreOutageDescriber[] { new SqliteOutageDescriber() };

        Assert.Equal(StoreOutage.DiskFull, StoreOutages.Find(describers, new InvalidOperationException("wrapped", new SqliteException("full", SqliteFull))));
        Assert.Equal(StoreOutage.DiskError, StoreOutages.Find(describers, new SqliteException("disk I/O error", 10 | (3 << 8))));
        Assert.Null(StoreOutages.Find(describers, new SqliteException("constraint", 19)));
        Assert.Null(StoreOutages.Find(describers, new IOException("not the store")));
    }
}
