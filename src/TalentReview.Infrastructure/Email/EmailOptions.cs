namespace TalentReview.Infrastructure.Email;

/// <summary>
/// Configuration section "Email": the sender (<c>Email:FromAddress</c>, <c>Email:FromName</c>),
/// SendGrid (<c>Email:SendGrid:ApiKey</c>, <c>Email:SendGrid:Host</c>, which tests and the local host
/// point at the capture endpoint) and delivery (<c>Email:Delivery:*</c>).
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public string FromAddress { get; set; } = "";

    public string FromName { get; set; } = "TalentReview";

    public SendGridSettings SendGrid { get; set; } = new();

    public DeliverySettings Delivery { get; set; } = new();
}

public sealed class SendGridSettings
{
    public string ApiKey { get; set; } = "";

    public Uri Host { get; set; } = new("https://api.sendgrid.com");

    /// <summary>
    /// Before sending again what may have been accepted (an answer lost, a crash mid-call), ask the
    /// Email Activity API which recipients of the call were accepted, and send only the others. Needs
    /// SendGrid's Email Activity add-on and an API key allowed to read it; the capture endpoint always answers.
    /// </summary>
    public bool AskBeforeResend { get; set; }
}

/// <summary>How calls are batched and retried.</summary>
public sealed class DeliverySettings
{
    /// <summary>SendGrid's limit is 1,000 personalizations per call.</summary>
    public int MaxRecipientsPerCall { get; set; } = 1000;

    public int MaxParallelCalls { get; set; } = 4;

    /// <summary>Attempts per call, the first included, for 429, 5xx, timeouts and network errors.</summary>
    public int MaxAttempts { get; set; } = 6;

    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait a 429 may ask for; a longer Retry-After is capped to this.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
