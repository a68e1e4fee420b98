using System.Net;
using TalentReview.Domain;
using TalentReview.Infrastructure.Email;
using TalentReview.MailCapture;
using TalentReview.Workflow.Notifications;

namespace TalentReview.Infrastructure.Tests.Email;

/// <summary>The SendGrid adapter against the capture endpoint over real HTTP.</summary>
public sealed class SendGridEmailSenderTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendWave_2500Recipients_ThreeCallsAndEveryoneGetsTheirOwnLink()
    {
        await using var server = await CaptureServer.StartAsync();
        var store = new RecordingDocumentStore();
        using var sender = EmailTestData.Sender(EmailTestData.Options(server.Address), store, new InstantTimeProvider());

        var result = await sender.SendWaveAsync(EmailTestData.InvitationWave(2500), Cancel);

        Assert.Equal(new EmailWaveResult(2500, 0, 3), result);
        Assert.Equal([1000, 1000, 500], server.Mailbox.Requests().Select(r => r.Personalizations).Order().Reverse());
        var emails = server.Mailbox.Snapshot();
        Assert.Equal(2500, emails.Select(e => e.To.Email).Distinct().Count());
        var someone = Assert.Single(server.Mailbox.For("person1234@example.be"));
        Assert.Contains(EmailTestData.Link("E01234").AbsoluteUri, someone.Links);
        Assert.Contains("Beste Person 1234,", someone.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("%tr:", someone.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendWave_StoreWrites_AreTwoPerCallNotOnePerRecipient()
    {
        await using var server = await CaptureServer.StartAsync();
        var store = new RecordingDocumentStore();
        using var sender = EmailTestData.Sender(EmailTestData.Options(server.Address), store, new InstantTimeProvider());

        await sender.SendWaveAsync(EmailTestData.InvitationWave(2500), Cancel);

        Assert.Equal(6, store.Writes);
    }

    [Fact]
    public async Task SendWave_MixedLanguages_OneBodyPerLanguageAndEachPersonInTheirLanguage()
    {
        await using var server = await CaptureServer.StartAsync();
        using var sender = EmailTestData.Sender(EmailTestData.Options(server.Address), new RecordingDocumentStore(), new InstantTimeProvider());

        var result = await sender.SendWaveAsync(EmailTestData.InvitationWave(30, i => (Language)(i % 3)), Cancel);

        Assert.Equal(3, result.ApiCalls);
        Assert.StartsWith("Bonjour Person 1,", server.Mailbox.For("person1@example.be")[0].Text!.Split("\n\n")[1], StringComparison.Ordinal);
        Assert.StartsWith("Dear Person 2,", server.Mailbox.For("person2@example.be")[0].Text!.Split("\n\n")[1], StringComparison.Ordinal);
        Assert.StartsWith("Beste Person 3,", server.Mailbox.For("person3@example.be")[0].Text!.Split("\n\n")[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendWave_SameWaveAgain_SendsNothingTwice()
    {
        await using var server = await CaptureServer.StartAsync();
        using var sender = EmailTestData.Sender(EmailTestData.Options(server.Address), new RecordingDocumentStore(), new InstantTimeProvider());
        var wave = EmailTestData.InvitationWave(1200);

        await sender.SendWaveAsync(wave, Cancel);
        var again = await sender.SendWaveAsync(wave, Cancel);

        Assert.Equal(new EmailWaveResult(0, 1200, 0), again);
        Assert.Equal(1200, server.Mailbox.Count);
    }

    [Fact]
    public async Task SendWave_RetriedAfterACallFailed_SendsOnlyTheRestAndNoDuplicates()
    {
        await using var server = await CaptureServer.StartAsync();
        using var sender = EmailTestData.Sender(EmailTestData.Options(server.Address, delivery: d => { d.MaxParallelCalls = 1; d.MaxAttempts = 1; }), new RecordingDocumentStore(), new InstantTimeProvider());
        var wave = EmailTestData.InvitationWave(2200);
        await sender.SendWaveAsync(wave with { Messages = [.. wave.Messages.Take(1000)] }, Cancel);
        server.Faults.Enqueue(new ServerErrorFault());

        await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendWaveAsync(wave, Cancel));
        var deliveredBeforeRetry = server.Mailbox.Count;
        var retry = await sender.SendWaveAsync(wave, Cancel);

        Assert.Equal(2200 - deliveredBeforeRetry, retry.Sent);
        Assert.Equal(deliveredBeforeRetry, retry.AlreadySent);
        Assert.Equal(2200, server.Mailbox.Count);
        Assert.Equal(2200, server.Mailbox.Snapshot().Select(e => e.To.Email).Distinct().Count());
    }

    [Fact]
    public async Task SendWave_CrashAfterTheCallBeforeTheMark_SendsThatBatchAgain()
    {
        await using var server = await CaptureServer.StartAsync();
        var store = new RecordingDocumentStore { FailNextUpsert = true };
        using var sender = EmailTestData.Sender(EmailTestData.Options(server.Address), store, new InstantTimeProvider());
        var wave = EmailTestData.InvitationWave(10);

        await Assert.ThrowsAsync<IOException>(() => sender.SendWaveAsync(wave, Cancel));
        var retry = await sender.SendWaveAsync(wave, Cancel);

        // The documented at-least-once window: accepted but not recorded, so sent again.
        Assert.Equal(10, retry.Sent);
        Assert.Equal(20, server.Mailbox.Count);
        Assert.Equal(0, (await sender.SendWaveAsync(wave, Cancel)).Sent);
    }

    [Fact]
    public async Task SendWave_DuplicateMessagesInOneWave_SendsEachLogicalEmailOnce()
    {
        await using var server = await CaptureServer.StartAsync();
        using var sender = EmailTestData.Sender(EmailTestData.Options(server.Address), new RecordingDocumentStore(), new InstantTimeProvider());
        var wave = EmailTestData.InvitationWave(3);

        var result = await sender.SendWaveAsync(wave with { Messages = [.. wave.Messages, .. wave.Messages] }, Cancel);

        Assert.Equal(new EmailWaveResult(3, 3, 1), result);
        Assert.Equal(3, server.Mailbox.Count);
    }

    [Fact]
    public async Task SendWave_TooManyRequestsWithRetryAfter_WaitsWhatSendGridAsksThenSends()
    {
        await using var server = await CaptureServer.StartAsync();
        var time = new InstantTimeProvider();
        using var sender = EmailTestData.Sender(EmailTestData.Options(server.Address), new RecordingDocumentStore(), time);
        server.Faults.Enqueue(new TooManyRequestsFault(TimeSpan.FromSeconds(7)), 2);

        var result = await sender.SendWaveAsync(EmailTestData.InvitationWave(5), Cancel);

        Assert.Equal(5, result.Sent);
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7)], time.Waits);
        Assert.Equal([429, 429, 202], server.Mailbox.Requests().Select(r => r.StatusCode));
        Assert.Equal(5, server.Mailbox.Count);
    }

    [Fact]
    public async Task SendWave_TooManyRequestsWithOnlyRateLimitReset_WaitsUntilTheReset()
    {
        await using var server = await CaptureServer.StartAsync();
        var time = new InstantTimeProvider();
        using var sender = EmailTestData.Sender(EmailTestData.Options(server.Address), new RecordingDocumentStore(), time);
        server.Faults.Enqueue(new TooManyRequestsFault(TimeSpan.FromSeconds(30), SendRetryAfter: false));

        await sender.SendWaveAsync(EmailTestData.InvitationWave(1), Cancel);

        var wait = Assert.Single(time.Waits);
        Assert.InRange(wait, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task SendWave_ServerErrorsThenSuccess_RetriesWithGrowingBoundedBackoff()
    {
        await using var server = await CaptureServer.StartAsync();
        var time = new InstantTimeProvider();
        using var sender = EmailTestData.Sender(EmailTestData.Options(server.Address, delivery: d => { d.InitialBackoff = TimeSpan.FromSeconds(2); d.MaxBackoff = TimeSpan.FromSeconds(5); }), new RecordingDocumentStore(), time);
        server.Faults.Enqueue(new ServerErrorFault(500), 2);
        server.Faults.Enqueue(new ServerErrorFault(503), 2);

        var result = await sender.SendWaveAsync(EmailTestData.InvitationWave(4), Cancel);

        Assert.Equal(4, result.Sent);
        Assert.Equal([500, 500, 503, 503, 202], server.Mailbox.Requests().Select(r => r.StatusCode));
        Assert.Collection(
            time.Waits,
            w => Assert.InRange(w, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)),
            w => Assert.InRange(w, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)),
            w => Assert.InRange(w, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(5)),
            w => Assert.InRange(w, TimeSpan.FromSeconds(2.5), TimeSpan.FromSeconds(5)));
        Assert.Equal(4, server.Mailbox.Count);
    }

    [Fact]
    public async Task SendWave_ServerErrorEveryTime_GivesUpAfterMaxAttempts()
    {
        await using var server = await CaptureServer.StartAsync();
        using var sender = EmailTestData.Sender(EmailTestData.Options(server.Address, delivery: d => d.MaxAttempts = 3), new RecordingDocumentStore(), new InstantTimeProvider());
        server.Faults.Enqueue(new ServerErrorFault(), 10);

        var failure = await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendWaveAsync(EmailTestData.InvitationWave(2), Cancel));

        Assert.Contains("failed 3 times", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Mailbox.Requests().Count);
    }

    [Fact]
    public async Task SendWave_SlowAnswer_TimesOutRetriesAndDeliversOnce()
    {
        await using var server = await CaptureServer.StartAsync();
        var time = new InstantTimeProvider();
        using var sender = EmailTestData.Sender(EmailTestData.Options(server.Address, delivery: d => d.AttemptTimeout = TimeSpan.FromSeconds(5)), new RecordingDocumentStore(), time);
        server.Faults.Enqueue(new SlowAnswerFault(TimeSpan.FromMinutes(5)));

        var result = await sender.SendWaveAsync(EmailTestData.InvitationWave(3), Cancel);

        Assert.Equal(3, result.Sent);
        Assert.Single(time.Waits);
        Assert.Equal(3, server.Mailbox.Count);
    }

    [Fact]
    public async Task SendWave_InvalidAddress_RefusesThatRecipientOnlyAndSendsTheOthers()
    {
        await using var server = await CaptureServer.StartAsync();
        var store = new RecordingDocumentStore();
        using var sender = EmailTestData.Sender(EmailTestData.Options(server.Address), store, new InstantTimeProvider());
        var wave = EmailTestData.InvitationWave(5);
        var broken = wave.Messages[3] with { To = wave.Messages[3].To with { Email = "not-an-address" } };
        wave = wave with { Messages = [.. wave.Messages.Take(3), broken, wave.Messages[4]] };

        var result = await sender.SendWaveAsync(wave, Cancel);

        Assert.Equal((4, 0, 1), (result.Sent, result.AlreadySent, result.ApiCalls));
        var refused = Assert.Single(result.Refused!);
        Assert.Equal(("E00004", broken.DedupeKey), (refused.PersonId, refused.DedupeKey));
        Assert.DoesNotContain("not-an-address", refused.Reason, StringComparison.Ordinal);
        Assert.NotEmpty(refused.Reason);
        Assert.Equal(2, server.Mailbox.Requests().Count);
        Assert.Equal(["person1@example.be", "person2@example.be", "person3@example.be", "person5@example.be"], server.Mailbox.Snapshot().Select(e => e.To.Email).Order());

        // Asked again (a retried activity): nothing goes twice, the refused one is refused again, nothing else is called.
        var again = await sender.SendWaveAsync(wave, Cancel);
        Assert.Equal((0, 4), (again.Sent, again.AlreadySent));
        Assert.Equal("E00004", Assert.Single(again.Refused!).PersonId);
        Assert.Equal(4, server.Mailbox.Count);
    }

    [Fact]
    public async Task SendWave_WrongApiKey_IsUnauthorizedWithoutRetrying()
    {
        await using var server = await CaptureServer.StartAsync();
        using var sender = EmailTestData.Sender(EmailTestData.Options(server.Address, apiKey: "SG.wrong"), new RecordingDocumentStore(), new InstantTimeProvider());

        var failure = await Assert.ThrowsAsync<EmailRejectedException>(() => sender.SendWaveAsync(EmailTestData.InvitationWave(1), Cancel));

        Assert.Equal(HttpStatusCode.Unauthorized, failure.StatusCode);
        Assert.Single(server.Mailbox.Requests());
    }

    [Fact]
    public async Task SendWave_Tracking_NamesCycleKindAndWaveButNoPerson()
    {
        await using var server = await CaptureServer.StartAsync();
        using var sender = EmailTestData.Sender(EmailTestData.Options(server.Address), new RecordingDocumentStore(), new InstantTimeProvider());

        await sender.SendWaveAsync(EmailTestData.InvitationWave(2), Cancel);

        var email = server.Mailbox.Snapshot()[0];
        Assert.Equal(EmailTestData.CycleId, email.CustomArgs["cycle_id"]);
        Assert.Equal(nameof(EmailKind.SelfAssessmentInvitation), email.CustomArgs["email_kind"]);
        Assert.Equal("invite-1", email.CustomArgs["wave_id"]);
        Assert.Contains(nameof(EmailKind.SelfAssessmentInvitation), email.Categories);
        var tracking = string.Join(" ", email.CustomArgs.Values.Concat(email.Categories));
        Assert.DoesNotContain("E0000", tracking, StringComparison.Ordinal);
        Assert.DoesNotContain("@", tracking, StringComparison.Ordinal);
        Assert.DoesNotContain("Person", tracking, StringComparison.Ordinal);
    }
}
