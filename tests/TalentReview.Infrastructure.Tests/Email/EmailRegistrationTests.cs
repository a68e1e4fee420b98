using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TalentReview.Infrastructure.Email;
using TalentReview.MailCapture;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Tests.Email;

public sealed class EmailRegistrationTests
{
    private static ServiceProvider Provider(Dictionary<string, string?> settings, TimeProvider? appClock = null)
        => new ServiceCollection()
            .AddSingleton(appClock ?? TimeProvider.System)
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddSingleton<IDocumentStore, InMemoryDocumentStore>()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddTalentReviewEmail()
            .BuildServiceProvider();

    [Fact]
    public void AddTalentReviewEmail_BindsTheEmailSection()
    {
        using var provider = Provider(new()
        {
            ["Email:FromAddress"] = "talentreview@example.be",
            ["Email:SendGrid:ApiKey"] = "SG.key",
            ["Email:SendGrid:Host"] = "http://127.0.0.1:5080",
            ["Email:Delivery:MaxAttempts"] = "3",
        });

        var options = provider.GetRequiredService<IOptions<EmailOptions>>().Value;

        Assert.IsType<SendGridEmailSender>(provider.GetRequiredService<IEmailSender>());
        Assert.Equal(new Uri("http://127.0.0.1:5080"), options.SendGrid.Host);
        Assert.Equal(3, options.Delivery.MaxAttempts);
        Assert.Equal(1000, options.Delivery.MaxRecipientsPerCall);
    }

    [Fact]
    public void AddTalentReviewEmail_MissingKeyAndTooLargeBatches_FailValidationWithEveryProblem()
    {
        using var provider = Provider(new()
        {
            ["Email:FromAddress"] = "talentreview@example.be",
            ["Email:Delivery:MaxRecipientsPerCall"] = "5000",
        });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IEmailSender>());

        Assert.Contains("Email:SendGrid:ApiKey is required.", failure.Failures);
        Assert.Contains(failure.Failures, f => f.StartsWith("Email:Delivery:MaxRecipientsPerCall", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_retry_waits_on_the_real_clock_when_the_workflow_runs_on_a_clock_that_does_not_move()
    {
        // The local host and the tests run the workflow on virtual time, which moves only once every
        // activity has finished; a retry waiting on that clock would wait forever.
        await using var server = await CaptureServer.StartAsync();
        server.Faults.Enqueue(new ServerErrorFault(503));
        using var provider = Provider(
            new()
            {
                ["Email:FromAddress"] = "talentreview@example.be",
                ["Email:SendGrid:ApiKey"] = CaptureServer.ApiKey,
                ["Email:SendGrid:Host"] = server.Address.ToString(),
                ["Email:Delivery:InitialBackoff"] = "00:00:00.050",
                ["Email:Delivery:MaxBackoff"] = "00:00:00.100",
            },
            new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero)));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(1));

        var result = await provider.GetRequiredService<IEmailSender>().SendWaveAsync(EmailTestData.InvitationWave(2), deadline.Token);

        Assert.Equal(2, result.Sent);
        Assert.Equal([503, 202], server.Mailbox.Requests().Select(r => r.StatusCode));
    }
}
