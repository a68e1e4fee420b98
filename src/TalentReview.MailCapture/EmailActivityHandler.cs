using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace TalentReview.MailCapture;

/// <summary>
/// <c>GET /v3/messages</c> as SendGrid's Email Activity API answers it, for the one query a sender
/// needs after a lost answer: <c>query=unique_args['name']="value"</c> (a custom argument), with
/// <c>limit</c> 1 to 1,000. Every accepted email is reported at once, as "delivered".
/// </summary>
internal sealed partial class EmailActivityHandler(IAcceptedMail accepted, IOptions<SendGridCaptureOptions> options)
{
    private const int MaxLimit = 1000;

    public IResult Handle(HttpContext context)
    {
        var request = context.Request;
        if (!BearerKey.IsOneOf(request.Headers.Authorization.ToString(), options.Value.ApiKeys))
        {
            return Error(StatusCodes.Status401Unauthorized, "authorization required");
        }

        if (UniqueArgQuery().Match(request.Query["query"].ToString()) is not { Success: true } match)
        {
            return Error(StatusCodes.Status400BadRequest, "query must be unique_args['name']=\"value\"");
        }

        var limit = int.TryParse(request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var asked) ? asked : 10;
        if (limit is < 1 or > MaxLimit)
        {
            return Error(StatusCodes.Status400BadRequest, $"limit must be between 1 and {MaxLimit}");
        }

        var messages = accepted.WithCustomArg(match.Groups[1].Value, match.Groups[2].Value, limit)
            .Select(e => new ActivityMessage(e.From.Email, e.MessageId, e.Subject, e.To.Email, "delivered", 0, 0, e.ReceivedAt))
            .ToList();
        return Results.Json(new ActivityAnswer(messages));
    }

    private static IResult Error(int status, string message)
        => Results.Json(new SendGridErrorBody([new SendGridError(message, null)]), statusCode: status);

    [GeneratedRegex("""^unique_args\['([A-Za-z0-9_]{1,100})'\]="([^"]{1,200})"$""", RegexOptions.CultureInvariant)]
    private static partial Regex UniqueArgQuery();

    private sealed record ActivityAnswer([property: JsonPropertyName("messages")] IReadOnlyList<ActivityMessage> Messages);

    private sealed record ActivityMessage(
        [property: JsonPropertyName("from_email")] string FromEmail,
        [property: JsonPropertyName("msg_id")] string MessageId,
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("to_email")] string ToEmail,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("opens_count")] int OpensCount,
        [property: JsonPropertyName("clicks_count")] int ClicksCount,
        [property: JsonPropertyName("last_event_time")] DateTimeOffset LastEventTime);
}
