using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TalentReview.Workflow.Notifications;

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
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IEmailSender, SendGridEmailSender>();
        return services;
    }
}
