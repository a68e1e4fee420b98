using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TalentReview.MailCapture;

namespace TalentReview.Infrastructure.Tests.Email;

/// <summary>The capture endpoint answers as SendGrid does, over real HTTP.</summary>
public sealed class SendGridCaptureTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static JsonObject ValidPayload(int personalizations = 1) => new()
    {
        ["from"] = new JsonObject { ["email"] = "talentreview@example.be", ["name"] = "TalentReview" },
        ["subject"] = "Hello -name-",
        ["content"] = new JsonArray(
            new JsonObject { ["type"] = "text/plain", ["value"] = "Dear -name-, open https://review.example.be/l/-token-" },
            new JsonObject { ["type"] = "text/html", ["value"] = "<p>Dear -name-, <a href=\"https://review.example.be/l/-token-\">open</a></p>" }),
        ["personalizations"] = new JsonArray([.. Enumerable.Range(0, personalizations).Select(i => (JsonNode)new JsonObject
        {
            ["to"] = new JsonArray(new JsonObject { ["email"] = $"p{i}@example.be", ["name"] = $"P {i}" }),
            ["substitutions"] = new JsonObject { ["-name-"] = $"P {i}", ["-token-"] = $"t{i}" },
        })]),
    };

    private static async Task<HttpResponseMessage> PostAsync(CaptureServer server, JsonNode payload, string? apiKey = CaptureServer.ApiKey)
    {
        using var client = server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/mail/send") { Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json") };
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return await client.SendAsync(request, Cancel);
    }

    private static async Task<List<string?>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Cancel);
        return [.. body!["errors"]!.AsArray().Select(e => e!["field"]?.GetValue<string>())];
    }

    [Fact]
    public async Task Send_ValidPayload_Answers202WithMessageIdAndStoresEachRecipientsOwnEmail()
    {
        await using var server = await CaptureServer.StartAsync();

        using var response = await PostAsync(server, ValidPayload(2));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("X-Message-Id").Single()));
        var email = Assert.Single(server.Mailbox.For("p1@example.be"));
        Assert.Equal("Hello P 1", email.Subject);
        Assert.Equal("Dear P 1, open https://review.example.be/l/t1", email.Text);
        Assert.Equal(["https://review.example.be/l/t1"], email.Links);
        Assert.Equal(2, server.Mailbox.Count);
    }

    [Fact]
    public async Task Send_PersonalizationSubject_OverridesTheMessageSubject()
    {
        await using var server = await CaptureServer.StartAsync();
        var payload = ValidPayload();
        payload["personalizations"]![0]!["subject"] = "Only for -name-";

        using var response = await PostAsync(server, payload);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Only for P 0", server.Mailbox.Snapshot()[0].Subject);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("SG.other")]
    public async Task Send_WithoutTheRightKey_Is401InSendGridsShape(string? apiKey)
    {
        await using var server = await CaptureServer.StartAsync();

        using var response = await PostAsync(server, ValidPayload(), apiKey);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal([null], await ErrorFieldsAsync(response));
        Assert.Equal(0, server.Mailbox.Count);
    }

    [Fact]
    public async Task Send_EmptyObject_ListsEveryMissingField()
    {
        await using var server = await CaptureServer.StartAsync();

        using var response = await PostAsync(server, new JsonObject());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["content", "from.email", "personalizations", "subject"], (await ErrorFieldsAsync(response)).Order());
    }

    [Fact]
    public async Task Send_InvalidRecipient_NamesThePersonalizationAndAddress()
    {
        await using var server = await CaptureServer.StartAsync();
        var payload = ValidPayload(3);
        payload["personalizations"]![2]!["to"]!.AsArray().Add(new JsonObject { ["email"] = "nobody-at-example" });

        using var response = await PostAsync(server, payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["personalizations.2.to.1.email"], await ErrorFieldsAsync(response));
        Assert.Equal(0, server.Mailbox.Count);
    }

    [Fact]
    public async Task Send_MoreThan1000Personalizations_IsRejected()
    {
        await using var server = await CaptureServer.StartAsync();

        using var response = await PostAsync(server, ValidPayload(1001));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["personalizations"], await ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task Send_EmptyContentOrHtmlBeforeText_IsRejectedPerBlock()
    {
        await using var server = await CaptureServer.StartAsync();
        var payload = ValidPayload();
        payload["content"] = new JsonArray(
            new JsonObject { ["type"] = "text/html", ["value"] = "" },
            new JsonObject { ["type"] = "text/plain", ["value"] = "text" });

        using var response = await PostAsync(server, payload);

        Assert.Equal(["content.0.value", "content.1.type"], (await ErrorFieldsAsync(response)).Order());
    }

    [Fact]
    public async Task Send_SubstitutionsOver10000Bytes_AreRejected()
    {
        await using var server = await CaptureServer.StartAsync();
        var payload = ValidPayload();
        payload["personalizations"]![0]!["substitutions"]!["-big-"] = new string('x', 10_001);

        using var response = await PostAsync(server, payload);

        Assert.Equal(["personalizations.0.substitutions"], await ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task Send_NotJson_IsBadRequest()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CaptureServer.ApiKey);

        using var response = await client.PostAsync("/v3/mail/send", new StringContent("{not json", Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Mailbox_BeyondItsCapacity_KeepsTheNewest()
    {
        await using var server = await CaptureServer.StartAsync(mailboxCapacity: 3);

        using var response = await PostAsync(server, ValidPayload(5));

        Assert.Equal(["p2@example.be", "p3@example.be", "p4@example.be"], server.Mailbox.Snapshot().Select(e => e.To.Email));
    }

    [Fact]
    public async Task DevApi_PlannedFault_AnswersTheNextRequestAndThenRecovers()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = server.CreateClient();

        using var planned = await client.PostAsJsonAsync("/dev/mailbox/faults", new FaultRequest("tooManyRequests", Times: 1, Seconds: 4), Cancel);
        using var first = await PostAsync(server, ValidPayload());
        using var second = await PostAsync(server, ValidPayload());

        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(4), first.Headers.RetryAfter?.Delta);
        Assert.True(first.Headers.Contains("X-RateLimit-Reset"));
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
    }

    [Fact]
    public async Task DevApi_UnknownFault_IsAValidationProblem()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = server.CreateClient();

        using var response = await client.PostAsJsonAsync("/dev/mailbox/faults", new FaultRequest("explode"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, server.Faults.Pending);
    }

    [Fact]
    public async Task DevApi_Messages_ReturnsTheEmailsOfOneRecipientAsJson()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = server.CreateClient();
        (await PostAsync(server, ValidPayload(3))).Dispose();

        var emails = await client.GetFromJsonAsync<JsonArray>("/dev/mailbox/messages?to=P1@example.be", Cancel);

        var email = Assert.Single(emails!);
        Assert.Equal("p1@example.be", email!["to"]!["email"]!.GetValue<string>());
        Assert.Equal("https://review.example.be/l/t1", email["links"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task DevPage_ListsEveryEmailWithItsLinksAndEscapesWhatItShows()
    {
        await using var server = await CaptureServer.StartAsync();
        using var client = server.CreateClient();
        var payload = ValidPayload();
        payload["subject"] = "<script>alert(1)</script> -name-";
        (await PostAsync(server, payload)).Dispose();

        using var page = await client.GetAsync("/dev/mailbox", Cancel);
        var html = await page.Content.ReadAsStringAsync(Cancel);
        var id = server.Mailbox.Snapshot()[0].Id;
        using var body = await client.GetAsync($"/dev/mailbox/messages/{id}/html", Cancel);

        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://review.example.be/l/t0\">", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("sandbox", body.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://review.example.be/l/t0\">open</a>", await body.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
