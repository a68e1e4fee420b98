using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NSubstitute;
using TalentReview.Domain.Demo;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;

namespace TalentReview.Web.Tests.Security;

/// <summary>A browser on another site must not change anything with the HR session; scripts with a bearer token keep working.</summary>
public sealed class CrossSiteRequestTests
{
    private static MultipartFormDataContent LaunchForm() => new()
    {
        {
            new StringContent(JsonSerializer.Serialize(new
            {
                name = "Review 2026",
                start = "2026-01-05",
                hr = new[] { new { id = "hr-1", name = "Hanne Peeters", email = "hanne.peeters@meridia.example", language = "Nl" } },
                hrCalibrators = new[] { "hr-1" },
            })),
            "settings"
        },
        { new StringContent(DemoOrganisation.Generate(12, 2, new DateOnly(2025, 12, 31)).ToCsv(','), System.Text.Encoding.UTF8, "text/csv"), "roster", "roster.csv" },
    };

    private static HttpRequestMessage Launch(params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cycles") { Content = LaunchForm() };
        request.Headers.Add(Principals.Header, Principals.For("hr-1", Roles.HrAdmin));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://elsewhere.example")]
    [InlineData("Origin", "null")]
    public async Task A_launch_a_browser_sends_from_another_site_is_refused_and_launches_nothing(string header, string value)
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.SendAsync(Launch((header, value)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Cross-site request refused", problem.GetProperty("title").GetString());
        Assert.Contains("Nothing was changed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, app.Store.Count);
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().ScheduleNewOrchestrationInstanceAsync(default!, default, default, default);
    }

    [Fact]
    public async Task A_launch_from_the_site_itself_goes_through()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.SendAsync(Launch(("Sec-Fetch-Site", "same-origin"), ("Origin", app.BaseAddress.GetLeftPart(UriPartial.Authority))));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_launch_with_an_origin_naming_this_host_goes_through_from_a_browser_without_fetch_metadata()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.SendAsync(Launch(("Origin", app.BaseAddress.GetLeftPart(UriPartial.Authority))));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_launch_with_a_bearer_token_goes_through_whatever_the_browser_headers_say()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();
        using var request = Launch(("Sec-Fetch-Site", "cross-site"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "token-from-entra");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_cross_site_launch_riding_the_development_sign_in_cookie_is_refused()
    {
        await using var app = await TestApp.StartAsync(settings: DevelopmentSignInWithHr);
        using var client = app.CreateClient();
        var page = await client.GetPageAsync("/dev/sign-in");
        using (var signIn = await client.PostFormAsync("/dev/sign-in", PageForms.AntiforgeryToken(page), ("userId", "hr-1")))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cycles") { Content = LaunchForm() };
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, app.Store.Count);
    }

    [Fact]
    public async Task A_sign_in_posted_from_another_site_is_refused()
    {
        await using var app = await TestApp.StartAsync(settings: DevelopmentSignInWithHr);
        using var client = app.CreateClient();
        var page = await client.GetPageAsync("/dev/sign-in");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/dev/sign-in")
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("userId", "hr-1"), KeyValuePair.Create("__rvt", PageForms.AntiforgeryToken(page))]),
        };
        request.Headers.Add("Origin", "https://elsewhere.example");

        using var response = await client.SendAsync(request);
        using var api = await client.GetAsync("/api/cycles");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Theory]
    [InlineData("/hr/cycles/new", "action=launch&confirm=yes&name=Review+2026")]
    [InlineData("/hr/cycles/c1/cancel", "reason=Merger&confirm=yes")]
    [InlineData("/hr/cycles/c1/deadline", "step=ManagerInput&newDeadline=2026-03-01")]
    [InlineData("/hr/cycles/c1/reassign", "employeeId=e1&newManagerId=m2")]
    public async Task A_form_of_the_hr_pages_posted_from_another_site_is_refused(string path, string form)
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add(Principals.Header, Principals.For("hr-1", Roles.HrAdmin));
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Cross-site request refused", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(0, app.Store.Count);
    }

    [Fact]
    public async Task The_openapi_document_says_how_cross_site_requests_are_refused()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.Contains("Sec-Fetch-Site", document.GetProperty("info").GetProperty("description").GetString(), StringComparison.Ordinal);
        var paths = document.GetProperty("paths");
        Assert.Contains("another site", paths.GetProperty("/api/cycles").GetProperty("post").GetProperty("responses").GetProperty("403").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(paths.GetProperty("/api/cycles/{cycleId}").GetProperty("delete").GetProperty("responses").TryGetProperty("403", out _));
        Assert.False(paths.GetProperty("/api/cycles/{cycleId}").GetProperty("get").GetProperty("responses").TryGetProperty("403", out _));
    }

    /// <summary>The development sign-in with one HR user, as the local host offers it.</summary>
    private static Dictionary<string, string?> DevelopmentSignInWithHr => new()
    {
        ["TalentReview:Web:Authentication:Mode"] = "DevelopmentSignIn",
        ["TalentReview:Web:Authentication:Users:0:Id"] = "hr-1",
        ["TalentReview:Web:Authentication:Users:0:Name"] = "Hanne Peeters",
        ["TalentReview:Web:Authentication:Users:0:Roles:0"] = Roles.HrAdmin,
    };
}
