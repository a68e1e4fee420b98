using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TalentReview.Workflow.Links;

namespace TalentReview.Infrastructure.Links;

public static class LinksServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ILinkSigner"/> with keys from the "Links" configuration section, validated at start.</summary>
    public static IServiceCollection AddTalentReviewLinks(this IServiceCollection services)
    {
        services.AddOptions<LinkSigningOptions>().BindConfiguration(LinkSigningOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LinkSigningOptions>, LinkSigningOptionsValidator>());
        services.TryAddSingleton<ILinkSigner, SealedLinkSigner>();
        return services;
    }
}
