namespace TalentReview.MailCapture;

/// <summary>One email as one recipient would receive it: the personalization's subject and substitutions applied.</summary>
public sealed record CapturedEmail(
    long Id,
    string MessageId,
    DateTimeOffset ReceivedAt,
    MailAddressData From,
    MailAddressData To,
    string Subject,
    string? Text,
    string? Html,
    IReadOnlyList<string> Links,
    IReadOnlyList<string> Categories,
    IReadOnlyDictionary<string, string> CustomArgs);

public sealed record MailAddressData(string Email, string? Name);

/// <summary>One call to <c>POST /v3/mail/send</c> and how it was answered.</summary>
public sealed record CapturedRequest(DateTimeOffset ReceivedAt, int StatusCode, long Bytes, int Personalizations);
