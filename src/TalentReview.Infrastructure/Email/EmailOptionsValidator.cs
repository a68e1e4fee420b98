using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace TalentReview.Infrastructure.Email;

/// <summary>Fails the host at start when email could never be sent with these settings.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        if (!MailAddress.TryCreate(options.FromAddress, out _))
        {
            failures.Add("Email:FromAddress must be an email address (a verified SendGrid sender).");
        }

        if (string.IsNullOrWhiteSpace(options.SendGrid.ApiKey))
        {
            failures.Add("Email:SendGrid:ApiKey is required.");
        }

        if (options.SendGrid.Host is not { IsAbsoluteUri: true } host || (host.Scheme != Uri.UriSchemeHttps && host.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Email:SendGrid:Host must be an absolute http(s) URL.");
        }

        var delivery = options.Delivery;
        if (delivery.MaxRecipientsPerCall is < 1 or > 1000)
        {
            failures.Add("Email:Delivery:MaxRecipientsPerCall must be between 1 and 1000 (SendGrid's limit).");
        }

        if (delivery.MaxParallelCalls is < 1 or > 32)
        {
            failures.Add("Email:Delivery:MaxParallelCalls must be between 1 and 32.");
        }

        if (delivery.MaxAttempts is < 1 or > 20)
        {
            failures.Add("Email:Delivery:MaxAttempts must be between 1 and 20.");
        }

        if (delivery.InitialBackoff <= TimeSpan.Zero || delivery.MaxBackoff < delivery.InitialBackoff || delivery.MaxRetryAfter <= TimeSpan.Zero || delivery.AttemptTimeout <= TimeSpan.Zero)
        {
            failures.Add("Email:Delivery: backoffs and timeouts must be positive, and MaxBackoff at least InitialBackoff.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
