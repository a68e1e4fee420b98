using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TalentReview.MailCapture;

/// <summary>What the dev API accepts to plan faults: kind is "tooManyRequests", "serverError", "slow" or "answerLost".</summary>
public sealed record FaultRequest(string Kind, int Times = 1, double Seconds = 1, int? StatusCode = null, bool SendRetryAfter = true);

public static class SendGridCaptureEndpoints
{
    /// <summary>Maps <c>POST /v3/mail/send</c>: point a SendGrid client's Host at this application.</summary>
    public static IEndpointConventionBuilder MapSendGridCapture(this IEndpointRouteBuilder endpoints)
        => endpoints.MapPost("/v3/mail/send", (HttpContext context, MailSendHandler handler) => handler.HandleAsync(context));

    /// <summary>Maps <c>GET /v3/messages</c>, the Email Activity API a sender asks what was accepted (see <see cref="EmailActivityHandler"/>).</summary>
    public static IEndpointConventionBuilder MapSendGridActivity(this IEndpointRouteBuilder endpoints)
        => endpoints.MapGet("/v3/messages", (HttpContext context, EmailActivityHandler handler) => handler.Handle(context));

    /// <summary>
    /// Maps the dev mailbox under <paramref name="prefix"/>: an HTML page (<c>GET {prefix}</c>, <c>?to=</c> filters),
    /// JSON (<c>GET {prefix}/messages[?to=]</c>, <c>GET {prefix}/messages/{id}</c>), each email's HTML
    /// (<c>GET {prefix}/messages/{id}/html</c>), <c>DELETE {prefix}/messages</c>, and fault planning
    /// (<c>POST {prefix}/faults</c> with a <see cref="FaultRequest"/>, <c>DELETE {prefix}/faults</c>).
    /// Development only: it shows every captured email.
    /// </summary>
    public static RouteGroupBuilder MapDevMailbox(this IEndpointRouteBuilder endpoints, string prefix = "/dev/mailbox")
    {
        var group = endpoints.MapGroup(prefix);
        group.MapGet("/", (CaptureMailbox mailbox, string? to) =>
            Results.Content(DevMailboxPage.Render(Select(mailbox, to), to, prefix), "text/html; charset=utf-8"));
        group.MapGet("/messages", (CaptureMailbox mailbox, string? to) => Results.Json(Select(mailbox, to)));
        group.MapGet("/messages/{id:long}", (CaptureMailbox mailbox, long id) =>
            mailbox.Find(id) is { } email ? Results.Json(email) : Results.NotFound());
        group.MapGet("/messages/{id:long}/html", (HttpContext context, CaptureMailbox mailbox, long id) =>
        {
            if (mailbox.Find(id) is not { Html: { } html })
            {
                return Results.NotFound();
            }

            // Show the email as a mail client would: its own inline styles, nothing it could run or fetch.
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation";
            return Results.Content(html, "text/html; charset=utf-8");
        });
        group.MapDelete("/messages", (CaptureMailbox mailbox) =>
        {
            mailbox.Clear();
            return Results.NoContent();
        });
        group.MapPost("/faults", (CaptureFaults faults, FaultRequest request) =>
        {
            if (ToFault(request) is not { } fault || request.Times is < 1 or > 1000)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["kind"] = ["Use tooManyRequests, serverError, slow or answerLost, with times between 1 and 1000 and seconds between 0 and 600."],
                });
            }

            faults.Enqueue(fault, request.Times);
            return Results.Json(new FaultsPending(faults.Pending));
        });
        group.MapDelete("/faults", (CaptureFaults faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        return group;
    }

    private static IReadOnlyList<CapturedEmail> Select(CaptureMailbox mailbox, string? to)
        => string.IsNullOrWhiteSpace(to) ? mailbox.Snapshot() : mailbox.For(to.Trim());

    private static CaptureFault? ToFault(FaultRequest request)
    {
        if (request.Seconds is < 0 or > 600)
        {
            return null;
        }

        var duration = TimeSpan.FromSeconds(request.Seconds);
        return request.Kind switch
        {
            "tooManyRequests" => new TooManyRequestsFault(duration, request.SendRetryAfter),
            "serverError" => new ServerErrorFault(request.StatusCode is >= 500 and <= 599 ? request.StatusCode.Value : 500),
            "slow" => new SlowAnswerFault(duration),
            "answerLost" => new AnswerLostFault(),
            _ => null,
        };
    }

    private sealed record FaultsPending([property: JsonPropertyName("pending")] int Pending);
}
