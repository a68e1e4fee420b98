using System.Net;
using NSubstitute;
using TalentReview.Web.Tests.Support;
using TalentReview.Workflow.Events;
using TalentReview.Workflow.Links;

namespace TalentReview.Web.Tests.Links;

public sealed class SelfAssessmentLinkTests : IAsyncLifetime
{
    private TestApp app = null!;
    private CycleSeed seed = null!;
    private string path = null!;

    public async ValueTask InitializeAsync()
    {
        app = await TestApp.StartAsync();
        seed = await CycleSeed.WriteAsync(app.Reviews);
        var participant = (await app.Reviews.GetParticipantAsync(CycleSeed.CycleId, seed.Employee.Id))!;
        path = TestApp.PathOf(app.Links.SelfAssessment(participant, TestApp.Start.AddDays(14)));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private static (string, string)[] CompleteForm(string action = "submit") =>
    [
        ("action", action),
        ("objectives[0].objective", "Cut invoice processing time"),
        ("objectives[0].outcome", "Exceeded"),
        ("objectives[0].evidence", "From 9 to 4 days, measured over Q3 and Q4."),
        ("achievements", "Led the migration of the invoicing tool."),
        ("overallSelfRating", "4"),
        ("aspiration", "Promotion"),
        ("mobility", "WithinBelgium"),
    ];

    [Fact]
    public async Task Opening_the_link_shows_the_form_and_changes_nothing()
    {
        var documents = app.Store.Count;
        using var client = app.CreateClient();

        var html = await client.GetPageAsync(path);

        Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"f-achievements\">", html, StringComparison.Ordinal);
        Assert.Equal(documents, app.Store.Count);
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task Submitting_stores_the_assessment_raises_the_event_once_and_shows_what_was_sent()
    {
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));

        using var response = await client.PostFormAsync(path, token, CompleteForm());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.Reviews.GetSelfAssessmentAsync(CycleSeed.CycleId, seed.Employee.Id);
        Assert.Equal("Cut invoice processing time", stored?.Submitted?.Objectives[0].Objective);
        var page = await client.GetPageAsync(path);
        Assert.Contains("has been submitted", page, StringComparison.Ordinal);
        Assert.Contains("Led the migration of the invoicing tool.", page, StringComparison.Ordinal);
        await app.ClientSubstitute!.Received(1).RaiseEventAsync(
            Arg.Any<string>(), WorkflowEvents.SelfAssessmentSubmitted, Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task In_a_tokyo_cycle_the_page_shows_the_plans_deadline_and_a_submission_at_23_30_utc_on_the_next_day_there()
    {
        await app.Reviews.UpdateCycleAsync(CycleSeed.CycleId, c => c with { Plan = c.Plan with { Time = new Domain.Planning.OrganisationTime("Asia/Tokyo", new TimeOnly(9, 0)) } });
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 5, 23, 30, 0, TimeSpan.Zero));
        using var client = app.CreateClient();
        var form = await client.GetPageAsync(path);
        Assert.Contains("Deadline: 18 January 2026", form, StringComparison.Ordinal);

        (await client.PostFormAsync(path, PageForms.AntiforgeryToken(form), CompleteForm())).Dispose();

        Assert.Contains("Submitted on 6 January 2026.", await client.GetPageAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reusing_the_link_after_submitting_changes_nothing_and_raises_no_second_event()
    {
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));
        (await client.PostFormAsync(path, token, CompleteForm())).Dispose();

        using var again = await client.PostFormAsync(path, token, [.. CompleteForm().Select(f => f.Item1 == "achievements" ? (f.Item1, "Something else entirely.") : f)]);

        var stored = await app.Reviews.GetSelfAssessmentAsync(CycleSeed.CycleId, seed.Employee.Id);
        Assert.Equal("Led the migration of the invoicing tool.", stored?.Submitted?.Achievements);
        await app.ClientSubstitute!.Received(1).RaiseEventAsync(
            Arg.Any<string>(), WorkflowEvents.SelfAssessmentSubmitted, Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_rejected_form_keeps_what_was_typed_and_names_the_field()
    {
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));

        using var response = await client.PostFormAsync(path, token, [.. CompleteForm().Where(f => f.Item1 != "achievements")]);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("href=\"#f-achievements\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Cut invoice processing time\"", html, StringComparison.Ordinal);
        Assert.Null((await app.Reviews.GetSelfAssessmentAsync(CycleSeed.CycleId, seed.Employee.Id))?.Submitted);
    }

    [Fact]
    public async Task A_draft_is_saved_without_submitting_and_shown_again()
    {
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));

        using var response = await client.PostFormAsync(path, token, ("action", "draft"), ("achievements", "Half-written thoughts"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await app.Reviews.GetSelfAssessmentAsync(CycleSeed.CycleId, seed.Employee.Id);
        Assert.Equal("Half-written thoughts", stored?.Draft?.Achievements);
        Assert.Null(stored?.Submitted);
        var page = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("draft has been saved", page, StringComparison.Ordinal);
        Assert.Contains("Half-written thoughts", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_open_in_two_windows_saves_from_either_and_the_first_submission_stays()
    {
        using var client = app.CreateClient();
        var opened = await client.GetPageAsync(path);
        var token = PageForms.AntiforgeryToken(opened);
        Assert.Contains("<input type=\"hidden\" name=\"shown\" value=\"\">", opened, StringComparison.Ordinal);

        (await client.PostFormAsync(path, token, ("action", "draft"), ("shown", ""), ("achievements", "Draft from the first window"))).Dispose();
        var reopened = await client.GetPageAsync(path);
        var etag = (await app.Reviews.ReadSelfAssessmentAsync(CycleSeed.CycleId, seed.Employee.Id))!.ETag;
        Assert.Contains($"<input type=\"hidden\" name=\"shown\" value=\"{System.Net.WebUtility.HtmlEncode(etag)}\">", reopened, StringComparison.Ordinal);
        using var fromSecond = await client.PostFormAsync(path, token, [.. CompleteForm(), ("shown", "")]);
        using var fromFirst = await client.PostFormAsync(path, token, [.. CompleteForm().Select(f => f.Item1 == "achievements" ? (f.Item1, "Sent later from the first window.") : f), ("shown", etag)]);

        var stored = (await app.Reviews.GetSelfAssessmentAsync(CycleSeed.CycleId, seed.Employee.Id))!;
        Assert.Equal(("Led the migration of the invoicing tool.", 1), (stored.Submitted?.Achievements, stored.RepeatedSubmissions));
        Assert.DoesNotContain("name=\"shown\"", await client.GetPageAsync(path), StringComparison.Ordinal);
        await app.ClientSubstitute!.Received(1).RaiseEventAsync(
            Arg.Any<string>(), WorkflowEvents.SelfAssessmentSubmitted, Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_refused_and_stores_nothing()
    {
        using var client = app.CreateClient();
        await client.GetPageAsync(path);
        var documents = app.Store.Count;

        using var response = await client.PostFormAsync(path, antiforgery: null, CompleteForm());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nothing was saved", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(documents, app.Store.Count);
        await app.ClientSubstitute!.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task An_oversized_form_is_refused_and_stores_nothing()
    {
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));
        var documents = app.Store.Count;

        using var response = await client.PostFormAsync(path, token, [.. CompleteForm(), ("achievements", new string('x', 300_000))]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(documents, app.Store.Count);
    }

    [Fact]
    public async Task A_form_with_too_many_fields_is_refused_and_stores_nothing()
    {
        using var client = app.CreateClient();
        var token = PageForms.AntiforgeryToken(await client.GetPageAsync(path));
        var documents = app.Store.Count;

        using var response = await client.PostFormAsync(path, token, [.. Enumerable.Range(0, 1000).Select(i => ($"f{i}", "x"))]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(documents, app.Store.Count);
    }

    [Fact]
    public async Task A_post_that_is_not_a_form_is_refused_and_stores_nothing()
    {
        using var client = app.CreateClient();
        var documents = app.Store.Count;

        using var response = await client.PostAsync(path, new StringContent("{\"achievements\":\"x\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(documents, app.Store.Count);
    }

    [Fact]
    public async Task A_tampered_token_gets_a_clear_page()
    {
        using var client = app.CreateClient();
        var tampered = path[..^3] + (path[^3] == 'A' ? 'B' : 'A') + path[^2..];

        var html = await client.GetPageAsync(tampered, HttpStatusCode.NotFound);

        Assert.Contains("This link is not valid", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_signed_with_a_foreign_key_gets_a_clear_page()
    {
        var foreign = new TalentReview.Infrastructure.Links.SealedLinkSigner(Microsoft.Extensions.Options.Options.Create(new TalentReview.Infrastructure.Links.LinkSigningOptions
        {
            PublicBaseUrl = new Uri(TestApp.PublicBaseUrl),
            CurrentKeyId = "k1",
            Keys = { ["k1"] = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()) },
        }));
        var claims = new LinkClaims(CycleSeed.CycleId, seed.Employee.Id, seed.Employee.Id, LinkStep.SelfAssessment, TestApp.Start.AddDays(30), "self0");
        using var client = app.CreateClient();

        var html = await client.GetPageAsync(TestApp.PathOf(foreign.CreateLink(claims)), HttpStatusCode.NotFound);

        Assert.Contains("This link is not valid", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_link_says_how_to_get_a_new_one_and_the_request_sends_a_fresh_link()
    {
        var expired = TestApp.PathOf(app.Signer.CreateLink(new LinkClaims(CycleSeed.CycleId, seed.Employee.Id, seed.Employee.Id, LinkStep.SelfAssessment, TestApp.Start.AddDays(-1), "self0")));
        using var client = app.CreateClient();

        var html = await client.GetPageAsync(expired, HttpStatusCode.Gone);
        using var renewal = await client.PostFormAsync(expired + "/renew", PageForms.AntiforgeryToken(html));

        Assert.Contains("This link has expired", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, renewal.StatusCode);
        var email = Assert.Single(app.Mailbox.For(seed.Employee.Email));
        Assert.Contains(email.Links, l => l.StartsWith(TestApp.PublicBaseUrl + "/l/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_link_whose_nonce_was_replaced_is_refused_clearly()
    {
        var replaced = TestApp.PathOf(app.Signer.CreateLink(new LinkClaims(CycleSeed.CycleId, seed.Employee.Id, seed.Employee.Id, LinkStep.SelfAssessment, TestApp.Start.AddDays(30), "an-older-nonce")));
        using var client = app.CreateClient();

        var html = await client.GetPageAsync(replaced, HttpStatusCode.Gone);

        Assert.Contains("This link has been replaced", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_speak_the_recipients_language()
    {
        await app.Reviews.UpdateParticipantAsync(CycleSeed.CycleId, seed.Employee.Id, p => p with { Language = Domain.Language.Fr });
        using var client = app.CreateClient(acceptLanguage: "en");

        var html = await client.GetPageAsync(path);

        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("Votre auto-évaluation", html, StringComparison.Ordinal);
    }
}
