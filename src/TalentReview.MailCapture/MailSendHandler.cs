using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace TalentReview.MailCapture;

/// <summary>
/// <c>POST /v3/mail/send</c> as SendGrid answers it: 401 without a valid bearer key, 400 with
/// SendGrid's error body, otherwise 202 with an X-Message-Id, after which every recipient's email
/// is in the <see cref="CaptureMailbox"/>. Planned <see cref="CaptureFaults"/> come first.
/// </summary>
internal sealed partial class MailSendHandler(CaptureMailbox mailbox, CaptureFaults faults, IOptions<SendGridCaptureOptions> options, TimeProvider time)
{
    private static readonly SendGridErrorBody Unauthorized = new([new SendGridError("The provided authorization grant is invalid, expired, or revoked", null)]);
    private static readonly SendGridErrorBody TooManyRequests = new([new SendGridError("too many requests", null)]);
    private static readonly SendGridErrorBody ServerError = new([new SendGridError("internal server error", null)]);

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
        var receivedAt = time.GetUtcNow();

        if (!IsAuthorized(request.Headers.Authorization.ToString()))
        {
            return Answer(StatusCodes.Status401Unauthorized, Unauthorized, receivedAt, body.Length, 0);
        }

        var fault = faults.TakeNext();
        switch (fault)
        {
            case TooManyRequestsFault tooMany:
                var reset = receivedAt.Add(tooMany.RetryAfter).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                context.Response.Headers["X-RateLimit-Limit"] = "600";
                context.Response.Headers["X-RateLimit-Remaining"] = "0";
                context.Response.Headers["X-RateLimit-Reset"] = reset;
                if (tooMany.SendRetryAfter)
                {
                    context.Response.Headers.RetryAfter = ((int)Math.Ceiling(tooMany.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return Answer(StatusCodes.Status429TooManyRequests, TooManyRequests, receivedAt, body.Length, 0);
            case ServerErrorFault serverError:
                return Answer(serverError.StatusCode, ServerError, receivedAt, body.Length, 0);
            case SlowAnswerFault slow:
                // A client that times out aborts the request, which cancels this wait: nothing is stored.
                await Task.Delay(slow.Delay, time, context.RequestAborted).ConfigureAwait(false);
                break;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.GetBuffer().AsMemory(0, (int)body.Length));
        }
        catch (JsonException)
        {
            return Answer(StatusCodes.Status400BadRequest, new SendGridErrorBody([new SendGridError("Bad Request", null)]), receivedAt, body.Length, 0);
        }

        using (document)
        {
            var (mail, errors) = MailSendValidator.Validate(document.RootElement);
            if (mail is null)
            {
                return Answer(StatusCodes.Status400BadRequest, new SendGridErrorBody(errors), receivedAt, body.Length, 0);
            }

            var messageId = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
            mailbox.Add(Expand(mail, messageId, receivedAt));
            mailbox.Record(new CapturedRequest(receivedAt, StatusCodes.Status202Accepted, body.Length, mail.Personalizations.Count));
            if (fault is AnswerLostFault)
            {
                context.Abort();
                return Results.Empty;
            }

            context.Response.Headers["X-Message-Id"] = messageId;
            return Results.StatusCode(StatusCodes.Status202Accepted);
        }
    }

    private IResult Answer(int status, SendGridErrorBody errors, DateTimeOffset receivedAt, long bytes, int personalizations)
    {
        mailbox.Record(new CapturedRequest(receivedAt, status, bytes, personalizations));
        return Results.Json(errors, statusCode: status);
    }

    private bool IsAuthorized(string header) => BearerKey.IsOneOf(header, options.Value.ApiKeys);

    private static IEnumerable<Func<long, CapturedEmail>> Expand(MailSendRequest mail, string messageId, DateTimeOffset receivedAt)
    {
        var text = mail.Contents.FirstOrDefault(c => c.Type == "text/plain")?.Value;
        var html = mail.Contents.FirstOrDefault(c => c.Type == "text/html")?.Value;
        foreach (var personalization in mail.Personalizations)
        {
            var subject = Substitute(personalization.Subject ?? mail.Subject ?? "", personalization.Substitutions);
            var personalText = text is null ? null : Substitute(text, personalization.Substitutions);
            var personalHtml = html is null ? null : Substitute(html, personalization.Substitutions);
            var links = ExtractLinks(personalText, personalHtml);
            var customArgs = new Dictionary<string, string>(mail.CustomArgs, StringComparer.Ordinal);
            foreach (var (key, value) in personalization.CustomArgs)
            {
                customArgs[key] = value;
            }

            foreach (var recipient in personalization.Recipients)
            {
                yield return id => new CapturedEmail(id, messageId, receivedAt, mail.From, recipient, subject, personalText, personalHtml, links, mail.Categories, customArgs);
            }
        }
    }

    private static string Substitute(string template, IReadOnlyDictionary<string, string> substitutions)
    {
        if (substitutions.Count == 0)
        {
            return template;
        }

        var builder = new StringBuilder(template);
        foreach (var (key, value) in substitutions)
        {
            builder.Replace(key, value);
        }

        return builder.ToString();
    }

    private static string[] ExtractLinks(string? text, string? html)
    {
        var fromHtml = html is null ? [] : HrefPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));
        var fromText = text is null ? [] : UrlPattern().Matches(text).Select(m => m.Value);
        return [.. fromHtml.Concat(fromText).Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex("href=\"(https?://[^\"]+)\"", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HrefPattern();

    [GeneratedRegex("https?://[^\\s<>\"]+", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
