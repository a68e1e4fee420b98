using System.Text.Json;
using Microsoft.Extensions.Logging;
using SendGrid;

namespace TalentReview.Infrastructure.Email;

/// <summary>
/// Asks the provider which recipients of one call it accepted, by the call's <c>batch_id</c> custom
/// argument: SendGrid's Email Activity API (<c>GET /v3/messages?query=unique_args['batch_id']="…"</c>),
/// which the capture endpoint answers too. Null means "cannot tell": the caller then sends again
/// (at least once rather than lose an email).
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
            if (!response.IsSuccessStatusCode)
            {
                LogCannotTell(logger, batchId, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
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
        catch (Exception exception) when (exception is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogCannotTell(logger, batchId, exception.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ask the provider what it accepted of batch {BatchId} ({Reason}); its emails are sent again")]
    private static partial void LogCannotTell(ILogger logger, string batchId, string reason);
}
