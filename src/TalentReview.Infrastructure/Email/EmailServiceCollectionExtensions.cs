using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Registers the SendGrid <see cref="IEmailSender"/> with options from the "Email" configuration
    /// section, validated at start. It records what it sent in the registered IDocumentStore.
    /// </summary>
    public static IServiceCollection AddTalentReviewEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>());

        // Retry waits and the ledger's timestamps are about the network, so they run on the real
        // clock even where the workflow runs on virtual time: a retry that waited for the virtual
        // clock would hold up the very activity the clock waits for before it moves.
        services.TryAddSingleton<IEmailSender>(provider => new SendGridEmailSender(
            provider.GetRequiredService<IOptions<EmailOptions>>(),
            provider.GetRequiredService<IDocumentStore>(),
            TimeProvider.System,
            provider.GetRequiredService<ILogger<SendGridEmailSender>>()));
        return services;
    }
}
