using System.Net;
using TalentReview.Web.Security;
using TalentReview.Web.Tests.Support;

namespace TalentReview.Web.Tests.Security;

public sealed class SignInTests
{
    [Fact]
    public async Task A_configured_hr_user_signs_in_on_the_development_page_and_reaches_the_api()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["TalentReview:Web:Authentication:Mode"] = "DevelopmentSignIn",
            ["TalentReview:Web:Authentication:Users:0:Id"] = "hr-1",
            ["TalentReview:Web:Authentication:Users:0:Name"] = "Hanne Peeters",
            ["TalentReview:Web:Authentication:Users:0:Roles:0"] = Roles.HrAdmin,
        });
        using var client = app.CreateClient();
        using var before = await client.GetAsync("/api/cycles");

        var page = await client.GetPageAsync("/dev/sign-in");
        using var signIn = await client.PostFormAsync("/dev/sign-in", PageForms.AntiforgeryToken(page), ("userId", "hr-1"), ("returnUrl", "https://elsewhere.example/"));
        using var after = await client.GetAsync("/api/cycles");

        Assert.Equal(HttpStatusCode.Unauthorized, before.StatusCode);
        Assert.Contains("Sign in as Hanne Peeters", page, StringComparison.Ordinal);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_person_without_the_role_a_page_needs_is_told_so_and_offered_another_sign_in()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["TalentReview:Web:Authentication:Mode"] = "DevelopmentSignIn",
            ["TalentReview:Web:Authentication:Users:0:Id"] = "lead-1",
            ["TalentReview:Web:Authentication:Users:0:Name"] = "Leen Wouters",
            ["TalentReview:Web:Authentication:Users:0:Roles:0"] = Roles.Leadership,
        });
        using var client = app.CreateClient();
        using var signIn = await client.PostFormAsync("/dev/sign-in", PageForms.AntiforgeryToken(await client.GetPageAsync("/dev/sign-in")), ("userId", "lead-1"), ("returnUrl", "/"));

        using var denied = await client.GetAsync("/hr/cycles/new");
        var followed = await client.GetAsync(denied.Headers.Location!.OriginalString);
        var html = WebUtility.HtmlDecode(await followed.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, followed.StatusCode);
        Assert.Contains("You are signed in as Leen Wouters, who may not open this page.", html, StringComparison.Ordinal);
        Assert.Contains("Sign in as Leen Wouters", html, StringComparison.Ordinal);
        Assert.Contains("name=\"returnUrl\" value=\"/hr/cycles/new\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_development_sign_in_page_does_not_exist_when_sign_in_comes_from_app_service()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/dev/sign-in");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void The_app_service_principal_header_yields_the_entra_app_roles()
    {
        var principal = AppServicePrincipalHandler.Parse(Principals.For("user-7", Roles.Calibrator, Roles.Leadership));

        Assert.NotNull(principal);
        Assert.True(principal.IsInRole(Roles.Calibrator));
        Assert.True(principal.IsInRole(Roles.Leadership));
        Assert.False(principal.IsInRole(Roles.HrAdmin));
        Assert.Equal("user-7", Actor.IdOf(principal));
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("eyJub3QiOiAianNvbiBjbGFpbXMifQ==")]
    public void A_malformed_principal_header_yields_no_identity(string header)
        => Assert.Null(AppServicePrincipalHandler.Parse(header));

    [Fact]
    public async Task A_malformed_principal_header_is_refused_by_the_api()
    {
        await using var app = await TestApp.StartAsync();
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Principals.Header, "%%%");

        using var response = await client.GetAsync("/api/cycles");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
