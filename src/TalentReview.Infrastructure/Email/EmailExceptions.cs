using System.Net;
using TalentReview.Workflow.Resilience;

namespace TalentReview.Infrastructure.Email;

/// <summary>One problem SendGrid reported, mapped back to the recipient it concerns when the field names one.</summary>
/// <param name="Field">SendGrid's field path, e.g. <c>personalizations.3.to.0.email</c>.</param>
/// <param name="PersonId">The roster id of the recipient at that personalization (an id, never the address).</param>
public sealed record EmailProblem(string? Field, string Message, string? PersonId, string? DedupeKey)
{
    public override string ToString()
        => (Field, PersonId) switch
        {
            (null, _) => Message,
            (_, null) => $"{Field}: {Message}",
            _ => $"{Field} (recipient {PersonId}): {Message}",
        };
}

/// <summary>
/// SendGrid refused a call with a 4xx other than 429: retrying the same request cannot help, so the
/// wave stops here with what is wrong and for whom. Emails of earlier calls are sent and recorded.
/// </summary>
public sealed class EmailRejectedException : Exception
{
    public EmailRejectedException(HttpStatusCode statusCode, IReadOnlyList<EmailProblem> problems)
        : base($"SendGrid rejected the request ({(int)statusCode} {statusCode}): {string.Join("; ", problems)}")
    {
        StatusCode = statusCode;
        Problems = problems;
    }

    public HttpStatusCode StatusCode { get; }

    public IReadOnlyList<EmailProblem> Problems { get; }
}

/// <summary>SendGrid stayed unavailable (429, 5xx, timeouts) through every attempt; the activity may be retried later.</summary>
public sealed class EmailDeliveryException(string message, Exception? innerException = null) : TransientFailureException(message, innerException);
