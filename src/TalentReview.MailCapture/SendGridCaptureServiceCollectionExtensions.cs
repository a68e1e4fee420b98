using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TalentReview.MailCapture;

public static class SendGridCaptureServiceCollectionExtensions
{
    /// <summary>
    /// Registers the capture endpoint's mailbox (<see cref="CaptureMailbox"/>), its fault plan
    /// (<see cref="CaptureFaults"/>), what its Email Activity API reports (<see cref="IAcceptedMail"/>, the mailbox unless registered before) and options; map it with <see cref="SendGridCaptureEndpoints.MapSendGridCapture"/>.
    /// </summary>
    public static IServiceCollection AddSendGridCapture(this IServiceCollection services, Action<SendGridCaptureOptions> configure)
    {
        services.AddOptions<SendGridCaptureOptions>().Configure(configure).Validate(
            o => o.ApiKeys.Count > 0 && o.ApiKeys.All(k => !string.IsNullOrWhiteSpace(k)) && o.MailboxCapacity > 0,
            "The SendGrid capture endpoint needs at least one non-empty API key and a positive mailbox capacity.").ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new CaptureMailbox(sp.GetRequiredService<IOptions<SendGridCaptureOptions>>().Value.MailboxCapacity));
        services.TryAddSingleton<IAcceptedMail>(sp => sp.GetRequiredService<CaptureMailbox>());
        services.TryAddSingleton<CaptureFaults>();
        services.TryAddSingleton<MailSendHandler>();
        services.TryAddSingleton<EmailActivityHandler>();
        return services;
    }
}
