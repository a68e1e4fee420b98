using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TalentReview.Infrastructure.Email;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Tests.Email;

public sealed class EmailRegistrationTests
{
    private static ServiceProvider Provider(Dictionary<string, string?> settings)
        => new ServiceCollection()
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
}
