using System.Text.Json;
using Microsoft.Extensions.Logging;
using SendGrid;

namespace TalentReview.Infrastructure.Email;

/// <summary>
/// Asks the provider which recipients of one call it accepted, by the call's <c>batch_id</c> custom
/// argument: SendGrid's Email Activity API (<c>GET /v3/messages?query=unique_args['batch_id']="…"</c>),
/// which the capture endpoint answers too. Null means "cannot tell" (the provider does not answer such
/// questions, or not readably): the caller then sends again (at least once rather than lose an email).
/// A provider that cannot be reached now (a network error, a timeout, 429 or 5xx) has not said it cannot
/// tell: that is a transient failure, and nothing of the call is sent again until it answers. On one
/// machine the provider is the host's own capture endpoint, which a restarted host's resumed waves
/// ask before its web server listens.
/// </summary>
internal sealed partial class AcceptedRecipientsLookup(ISendGridClient client, ILogger logger)
{
    private const int Limit = 1000;

    public async Task<IReadOnlySet<string>?> AcceptedAsync(string batchId, CancellationToken cancellationToken)
    {
        // The client puts these values into the query string as they are, so they go in encoded.
        var query = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["query"] = Uri.EscapeDataString($"unique_args['batch_id']=\"{batchId}\""),
            ["limit"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        try
        {
            var response = await client.RequestAsync(BaseClient.Method.GET, queryParams: query, urlPath: "messages", cancellationToken: cancellationToken).ConfigureAwait(false);
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (response.StatusCode == System.Net.HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
            {
                throw Unreachable(batchId, status, null);
            }

            if (!response.IsSuccessStatusCode)
            {
                LogCannotTell(logger, batchId, status);
                return null;
            }

            var body = await response.Body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            var accepted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var message in document.RootElement.GetProperty("messages").EnumerateArray())
            {
                if (message.TryGetProperty("to_email", out var to) && to.GetString() is { } email)
                {
                    accepted.Add(email);
                }
            }

            return accepted;
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw Unreachable(batchId, exception.GetType().Name, exception);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            LogCannotTell(logger, batchId, exception.GetType().Name);
            return null;
        }
    }

    private static EmailDeliveryException Unreachable(string batchId, string reason, Exception? cause)
        => new($"Could not ask the provider what it accepted of batch {batchId} ({reason}); none of its emails is sent again until it answers.", cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask the provider what it accepted of batch {BatchId} ({Reason}); its emails are sent again")]
    private static partial void LogCannotTell(ILogger logger, string batchId, string reason);
}
