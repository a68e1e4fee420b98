using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace TalentReview.Infrastructure.Email;

/// <summary>
/// One SendGrid call with its retries: 429 waits as long as SendGrid asks (Retry-After, else
/// X-RateLimit-Reset); 5xx, timeouts and network errors back off exponentially with jitter, bounded
/// in attempts and delay. Waits run on the <see cref="TimeProvider"/> so tests need not sleep. Any
/// other 4xx is final and becomes an <see cref="EmailRejectedException"/> naming the recipient.
/// After a failure that may hide an acceptance (5xx, timeout, network error) and with a
/// <paramref name="lookup"/>, the next attempt first asks what was accepted and sends only the rest.
/// </summary>
internal sealed partial class SendGridCaller(ISendGridClient client, DeliverySettings settings, TimeProvider time, ILogger logger, AcceptedRecipientsLookup? lookup = null)
{
    public async Task SendAsync(SendGridMessage message, IReadOnlyList<PreparedEmail> recipients, string batchId, CancellationToken cancellationToken)
    {
        var mayHaveBeenAccepted = false;
        for (var attempt = 1; ; attempt++)
        {
            if (mayHaveBeenAccepted && lookup is not null && await lookup.AcceptedAsync(batchId, cancellationToken).ConfigureAwait(false) is { Count: > 0 } accepted)
            {
                // One personalization per recipient, in the order of the recipients.
                var remaining = Enumerable.Range(0, recipients.Count).Where(i => !accepted.Contains(recipients[i].Message.To.Email)).ToList();
                LogAccepted(logger, batchId, recipients.Count - remaining.Count, remaining.Count);
                if (remaining.Count == 0)
                {
                    return;
                }

                message.Personalizations = [.. remaining.Select(i => message.Personalizations[i])];
                recipients = [.. remaining.Select(i => recipients[i])];
            }

            TimeSpan delay;
            string reason;
            using (var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptTimeout.CancelAfter(settings.AttemptTimeout);
                try
                {
                    var response = await client.SendEmailAsync(message, attemptTimeout.Token).ConfigureAwait(false);
                    var status = (int)response.StatusCode;
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }

                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        delay = RateLimitDelay(response) ?? Backoff(attempt);
                        mayHaveBeenAccepted = false;
                    }
                    else if (status >= 500)
                    {
                        delay = Backoff(attempt);
                        mayHaveBeenAccepted = true;
                    }
                    else
                    {
                        var body = response.Body is null ? "" : await response.Body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                        throw new EmailRejectedException(response.StatusCode, Problems(body, recipients));
                    }

                    reason = status.ToString(CultureInfo.InvariantCulture);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    (delay, reason, mayHaveBeenAccepted) = (Backoff(attempt), "timeout", true);
                }
                catch (HttpRequestException exception)
                {
                    (delay, reason, mayHaveBeenAccepted) = (Backoff(attempt), exception.HttpRequestError.ToString(), true);
                }
            }

            if (attempt >= settings.MaxAttempts)
            {
                throw new EmailDeliveryException($"SendGrid call for batch {batchId} failed {attempt} times; last answer: {reason}.");
            }

            LogRetry(logger, batchId, reason, delay, attempt, settings.MaxAttempts);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(settings.MaxBackoff.TotalMilliseconds, settings.InitialBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1));

        // Half fixed, half random: spreads retries of parallel calls without ever retrying at once.
        return TimeSpan.FromMilliseconds((ceiling / 2) + (RandomNumberGenerator.GetInt32(1001) / 1000.0 * ceiling / 2));
    }

    private TimeSpan? RateLimitDelay(Response response)
    {
        TimeSpan? asked = null;
        if (response.Headers?.RetryAfter is { } retryAfter)
        {
            asked = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - time.GetUtcNow() : null);
        }
        else if (response.Headers?.TryGetValues("X-RateLimit-Reset", out var values) == true
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var resetSeconds))
        {
            asked = DateTimeOffset.FromUnixTimeSeconds(resetSeconds) - time.GetUtcNow();
        }

        return asked is { } wait ? TimeSpan.FromTicks(Math.Clamp(wait.Ticks, 0, settings.MaxRetryAfter.Ticks)) : null;
    }

    /// <summary>SendGrid's <c>errors[].field</c> points into the payload; a personalization index names the recipient.</summary>
    internal static List<EmailProblem> Problems(string body, IReadOnlyList<PreparedEmail> recipients)
    {
        var problems = new List<EmailProblem>();
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errors", out var errors)
                && errors.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in errors.EnumerateArray())
                {
                    var field = error.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
                    var text = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "(no message)";
                    var recipient = field is not null && PersonalizationIndex().Match(field) is { Success: true } match
                        && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < recipients.Count
                        ? recipients[index].Message
                        : null;
                    problems.Add(new EmailProblem(field, text, recipient?.To.PersonId, recipient?.DedupeKey));
                }
            }
        }
        catch (JsonException)
        {
            // Not SendGrid's error shape: the status alone has to do.
        }

        if (problems.Count == 0)
        {
            problems.Add(new EmailProblem(null, "SendGrid gave no details.", null, null));
        }

        return problems;
    }

    [GeneratedRegex(@"^personalizations\.(\d+)(\.|$)", RegexOptions.CultureInvariant)]
    private static partial Regex PersonalizationIndex();

    [LoggerMessage(Level = LogLevel.Information, Message = "SendGrid had accepted {Accepted} email(s) of batch {BatchId} before its answer was lost; {Remaining} left to send")]
    private static partial void LogAccepted(ILogger logger, string batchId, int accepted, int remaining);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid call for batch {BatchId} answered {Reason}; retrying in {Delay} (attempt {Attempt} of {MaxAttempts})")]
    private static partial void LogRetry(ILogger logger, string batchId, string reason, TimeSpan delay, int attempt, int maxAttempts);
}
