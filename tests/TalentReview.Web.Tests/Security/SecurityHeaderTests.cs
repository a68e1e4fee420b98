using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;

namespace TalentReview.Web.Tests.Security;

/// <summary>Every answer, API JSON, downloads and pages behind links alike, carries the headers that keep personal data out of caches, frames and referrers.</summary>
public sealed class SecurityHeaderTests : IAsyncLifetime
{
    private TestApp app = null!;
    private CycleSeed seed = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync();
        seed = await CycleSeed.WriteAsync(app.Reviews);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        string Header(string name) => response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : string.Empty;
        Assert.True(Header("X-Content-Type-Options") == "nosniff", $"{what}: X-Content-Type-Options is '{Header("X-Content-Type-Options")}'");
        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{what}: Cache-Control is '{response.Headers.CacheControl}'");
        Assert.True(Header("Content-Security-Policy").Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{what}: Content-Security-Policy is '{Header("Content-Security-Policy")}'");
        Assert.True(Header("Referrer-Policy") == "no-referrer", $"{what}: Referrer-Policy is '{Header("Referrer-Policy")}'");
    }

    [Fact]
    public async Task Every_operation_in_the_openapi_document_answers_with_the_security_headers()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For("hr-1", Roles.HrAdmin));
        using var documentResponse = await client.GetAsync("/openapi/v1.json");
        AssertSecurityHeaders(documentResponse, "GET /openapi/v1.json");
        var document = await documentResponse.Content.ReadFromJsonAsync<JsonElement>();

        var walked = new List<string>();
        var succeeded = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var url = path.Name.Replace("{cycleId}", CycleSeed.CycleId, StringComparison.Ordinal);
                using var request = new HttpRequestMessage(new HttpMethod(operation.Name.ToUpperInvariant()), url);
                if (operation.Name is "post" or "put" or "patch")
                {
                    // An empty body: every write answers with a problem and changes nothing, which is enough to see its headers.
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                AssertSecurityHeaders(response, $"{operation.Name.ToUpperInvariant()} {url} ({(int)response.StatusCode})");
                succeeded += response.IsSuccessStatusCode ? 1 : 0;
                walked.Add($"{operation.Name} {path.Name}");
            }
        }

        Assert.Contains("get /api/cycles/{cycleId}/export", walked);
        Assert.Contains("post /api/cycles", walked);
        Assert.Contains("delete /api/cycles/{cycleId}", walked);
        Assert.True(succeeded >= 3, $"Only {succeeded} operations answered with success: the walk must see real answers, not only problems.");
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task An_export_download_is_neither_sniffed_nor_stored(string format)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Principals.Header, Principals.For("hr-1", Roles.HrAdmin));

        using var response = await client.GetAsync($"/api/cycles/{CycleSeed.CycleId}/export?format={format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response, "export " + format);
    }

    [Fact]
    public async Task Answers_from_sign_in_and_routing_carry_the_headers_too()
    {
        using var client = app.CreateClient();

        using var unauthorized = await client.GetAsync("/api/cycles");
        using var missing = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        AssertSecurityHeaders(unauthorized, "401 from sign-in");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        AssertSecurityHeaders(missing, "404");
    }

    [Fact]
    public async Task Every_kind_of_link_page_answers_with_the_security_headers()
    {
        var deadline = TestApp.Start.AddDays(30);
        var participant = (await app.Reviews.GetParticipantAsync(CycleSeed.CycleId, seed.Employee.Id))!;
        var links = new Dictionary<string, Uri>
        {
            ["self-assessment"] = app.Links.SelfAssessment(participant, deadline),
            ["team"] = app.Links.Team(CycleSeed.CycleId, seed.Manager.Id, deadline),
            ["escalation"] = app.Links.Escalation(CycleSeed.CycleId, seed.Employee.Id, "hr-1", deadline),
            ["board"] = app.Links.Board(CycleSeed.CycleId, CycleSeed.GroupId, seed.Calibrator.Id, deadline),
            ["decisions"] = app.Links.Decisions(CycleSeed.CycleId, CycleSeed.GroupId, seed.Calibrator.Id, deadline),
            ["leadership summary"] = app.Links.LeadershipSummary(CycleSeed.CycleId, "hr-1", deadline),
            ["team outcomes"] = app.Links.TeamOutcomes(CycleSeed.CycleId, seed.Manager.Id, deadline),
            ["employee outcome"] = app.Links.EmployeeOutcome(participant, deadline),
            ["follow-up"] = app.Links.FollowUp(CycleSeed.CycleId, seed.Employee.Id, seed.Manager.Id, deadline),
            ["expired"] = app.Links.Team(CycleSeed.CycleId, seed.Manager.Id, TestApp.Start.AddDays(-40)),
        };
        using var client = app.CreateClient();

        foreach (var (kind, link) in links)
        {
            using var response = await client.GetAsync(TestApp.PathOf(link));
            AssertSecurityHeaders(response, $"{kind} link ({(int)response.StatusCode})");
        }

        using var tampered = await client.GetAsync("/l/not-a-token");
        AssertSecurityHeaders(tampered, "an invalid link");
    }
}
