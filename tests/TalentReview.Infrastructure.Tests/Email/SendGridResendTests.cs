using TalentReview.Infrastructure.Email;
using TalentReview.MailCapture;
using TalentReview.Workflow.Notifications;

namespace TalentReview.Infrastructure.Tests.Email;

/// <summary>
/// No email twice when the answer to a call is lost or the process stops mid-wave: with
/// <see cref="SendGridSettings.AskBeforeResend"/>, what the provider accepted is asked before sending again.
/// A new sender on the same store stands for the host after a restart.
/// </summary>
public sealed class SendGridResendTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_whose_answer_is_lost_is_not_sent_again_by_the_retry()
    {
        await using var server = await CaptureServer.StartAsync();
        using var sender = EmailTestData.Sender(AskingOptions(server), new RecordingDocumentStore(), new InstantTimeProvider());
        server.Faults.Enqueue(new AnswerLostFault());

        var result = await sender.SendWaveAsync(EmailTestData.InvitationWave(5), Cancel);

        Assert.Equal(new EmailWaveResult(5, 0, 1), result);
        Assert.Single(server.Mailbox.Requests());
        Assert.All(Enumerable.Range(1, 5), i => Assert.Single(server.Mailbox.For($"person{i}@example.be")));
    }

    [Fact]
    public async Task A_send_whose_answer_is_lost_is_not_sent_again_after_a_restart()
    {
        await using var server = await CaptureServer.StartAsync();
        var store = new RecordingDocumentStore();
        var wave = EmailTestData.InvitationWave(5);
        server.Faults.Enqueue(new AnswerLostFault());
        using (var beforeCrash = EmailTestData.Sender(AskingOptions(server, d => d.MaxAttempts = 1), store, new InstantTimeProvider()))
        {
            await Assert.ThrowsAsync<EmailDeliveryException>(() => beforeCrash.SendWaveAsync(wave, Cancel));
        }

        using var afterRestart = EmailTestData.Sender(AskingOptions(server), store, new InstantTimeProvider());
        var retry = await afterRestart.SendWaveAsync(wave, Cancel);

        Assert.Equal(new EmailWaveResult(0, 5, 0), retry);
        Assert.Equal(5, server.Mailbox.Count);
        Assert.Equal(new EmailWaveResult(0, 5, 0), await afterRestart.SendWaveAsync(wave, Cancel));
    }

    [Fact]
    public async Task A_restart_that_cannot_reach_the_provider_to_ask_sends_nothing_again_until_it_can()
    {
        await using var server = await CaptureServer.StartAsync();
        var store = new RecordingDocumentStore();
        var wave = EmailTestData.InvitationWave(5);
        server.Faults.Enqueue(new AnswerLostFault());
        using (var beforeCrash = EmailTestData.Sender(AskingOptions(server, d => d.MaxAttempts = 1), store, new InstantTimeProvider()))
        {
            await Assert.ThrowsAsync<EmailDeliveryException>(() => beforeCrash.SendWaveAsync(wave, Cancel));
        }

        // The restarted host asks before the provider can be reached (on one machine: its own capture endpoint, before
        // the web server listens), and sends once it can: the question is transient, not "cannot tell".
        var options = AskingOptions(server);
        var askedTooEarly = new FirstQuestionUnanswered(new SendGrid.SendGridClient(new SendGrid.SendGridClientOptions { ApiKey = options.SendGrid.ApiKey, Host = options.SendGrid.Host.AbsoluteUri.TrimEnd('/') }));
        using var afterRestart = new SendGridEmailSender(Microsoft.Extensions.Options.Options.Create(options), store, new InstantTimeProvider(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, askedTooEarly);
        await Assert.ThrowsAsync<EmailDeliveryException>(() => afterRestart.SendWaveAsync(wave, Cancel));
        Assert.Equal(5, server.Mailbox.Count);

        var retry = await afterRestart.SendWaveAsync(wave, Cancel);

        Assert.Equal(new EmailWaveResult(0, 5, 0), retry);
        Assert.Equal(5, server.Mailbox.Count);
    }

    [Fact]
    public async Task A_wave_stopped_after_its_first_call_resends_only_the_emails_not_yet_accepted()
    {
        await using var server = await CaptureServer.StartAsync();
        var store = new RecordingDocumentStore { FailNextUpsert = true };
        var wave = EmailTestData.InvitationWave(7);
        using (var beforeCrash = EmailTestData.Sender(AskingOptions(server, d => { d.MaxRecipientsPerCall = 3; d.MaxParallelCalls = 1; }), store, new InstantTimeProvider()))
        {
            // The first call is accepted; the process stops before it is marked sent and before the other calls.
            await Assert.ThrowsAsync<IOException>(() => beforeCrash.SendWaveAsync(wave, Cancel));
        }

        Assert.Equal(3, server.Mailbox.Count);
        using var afterRestart = EmailTestData.Sender(AskingOptions(server, d => { d.MaxRecipientsPerCall = 3; d.MaxParallelCalls = 1; }), store, new InstantTimeProvider());
        var retry = await afterRestart.SendWaveAsync(wave, Cancel);

        Assert.Equal(new EmailWaveResult(4, 3, 2), retry);
        var received = server.Mailbox.Snapshot().GroupBy(e => e.To.Email).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(7, received.Count);
        Assert.All(received.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task A_stopped_call_is_settled_for_the_recipients_still_in_the_wave_and_kept_pending_for_the_others()
    {
        await using var server = await CaptureServer.StartAsync();
        var store = new RecordingDocumentStore();
        var wave = EmailTestData.InvitationWave(4);
        server.Faults.Enqueue(new AnswerLostFault());
        using (var beforeCrash = EmailTestData.Sender(AskingOptions(server, d => d.MaxAttempts = 1), store, new InstantTimeProvider()))
        {
            await Assert.ThrowsAsync<EmailDeliveryException>(() => beforeCrash.SendWaveAsync(wave, Cancel));
        }

        // Person 4 left the wave meanwhile (a reminder: they submitted); person 5 joined it.
        var changed = wave with { Messages = [.. wave.Messages.Take(3), EmailTestData.Invitation(EmailTestData.Recipient(5))] };
        using var afterRestart = EmailTestData.Sender(AskingOptions(server), store, new InstantTimeProvider());
        var retry = await afterRestart.SendWaveAsync(changed, Cancel);
        var again = await afterRestart.SendWaveAsync(wave, Cancel);

        Assert.Equal(new EmailWaveResult(1, 3, 1), retry);
        Assert.Equal(new EmailWaveResult(0, 4, 0), again);
        Assert.Equal(5, server.Mailbox.Count);
        Assert.Equal(5, server.Mailbox.Snapshot().Select(e => e.To.Email).Distinct().Count());
    }

    [Fact]
    public async Task Without_asking_the_provider_a_lost_answer_still_delivers_at_least_once()
    {
        await using var server = await CaptureServer.StartAsync();
        using var sender = EmailTestData.Sender(EmailTestData.Options(server.Address), new RecordingDocumentStore(), new InstantTimeProvider());
        server.Faults.Enqueue(new AnswerLostFault());

        var result = await sender.SendWaveAsync(EmailTestData.InvitationWave(2), Cancel);

        Assert.Equal(2, result.Sent);
        Assert.Equal(4, server.Mailbox.Count);
    }

    [Fact]
    public async Task The_activity_api_lists_the_accepted_emails_of_one_call_by_its_batch_id()
    {
        await using var server = await CaptureServer.StartAsync();
        using var sender = EmailTestData.Sender(EmailTestData.Options(server.Address), new RecordingDocumentStore(), new InstantTimeProvider());
        await sender.SendWaveAsync(EmailTestData.InvitationWave(3), Cancel);
        var batchId = server.Mailbox.Snapshot()[0].CustomArgs["batch_id"];
        using var http = server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", CaptureServer.ApiKey);

        var found = await http.GetStringAsync($"/v3/messages?limit=10&query={Uri.EscapeDataString($"unique_args['batch_id']=\"{batchId}\"")}", Cancel);
        var unknown = await http.GetStringAsync($"/v3/messages?limit=10&query={Uri.EscapeDataString("unique_args['batch_id']=\"nope\"")}", Cancel);
        using var anonymous = server.CreateClient();
        var refused = await anonymous.GetAsync("/v3/messages?limit=10", Cancel);

        Assert.Contains("\"to_email\":\"person3@example.be\"", found, StringComparison.Ordinal);
        Assert.Equal(3, found.Split("\"to_email\"").Length - 1);
        Assert.Equal("{\"messages\":[]}", unknown);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    /// <summary>The provider, except that its Email Activity API cannot be reached the first time it is asked.</summary>
    private sealed class FirstQuestionUnanswered(SendGrid.ISendGridClient provider) : SendGrid.ISendGridClient
    {
        private bool asked;

        public string UrlPath { get => provider.UrlPath; set => provider.UrlPath = value; }

        public string Version { get => provider.Version; set => provider.Version = value; }

        public string MediaType { get => provider.MediaType; set => provider.MediaType = value; }

        public System.Net.Http.Headers.AuthenticationHeaderValue AddAuthorization(KeyValuePair<string, string> header) => provider.AddAuthorization(header);

        public Task<SendGrid.Response> MakeRequest(HttpRequestMessage request, CancellationToken cancellationToken = default) => provider.MakeRequest(request, cancellationToken);

        public Task<SendGrid.Response> RequestAsync(
            SendGrid.BaseClient.Method method, string? requestBody = null, string? queryParams = null, string? urlPath = null, CancellationToken cancellationToken = default)
        {
            if (!asked)
            {
                asked = true;
                throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused");
            }

            return provider.RequestAsync(method, requestBody, queryParams, urlPath, cancellationToken);
        }

        public Task<SendGrid.Response> SendEmailAsync(SendGrid.Helpers.Mail.SendGridMessage msg, CancellationToken cancellationToken = default) => provider.SendEmailAsync(msg, cancellationToken);
    }

    private static EmailOptions AskingOptions(CaptureServer server, Action<DeliverySettings>? delivery = null)
    {
        var options = EmailTestData.Options(server.Address, delivery: delivery);
        options.SendGrid.AskBeforeResend = true;
        return options;
    }
}
