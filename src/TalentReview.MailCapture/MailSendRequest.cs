namespace TalentReview.MailCapture;

/// <summary>The parts of a v3 mail/send payload the capture endpoint understands.</summary>
internal sealed record MailSendRequest(
    MailAddressData From,
    string? Subject,
    IReadOnlyList<MailContent> Contents,
    IReadOnlyList<MailPersonalization> Personalizations,
    IReadOnlyList<string> Categories,
    IReadOnlyDictionary<string, string> CustomArgs);

internal sealed record MailContent(string Type, string Value);

internal sealed record MailPersonalization(
    IReadOnlyList<MailAddressData> Recipients,
    string? Subject,
    IReadOnlyDictionary<string, string> Substitutions,
    IReadOnlyDictionary<string, string> CustomArgs);

/// <summary>One entry of SendGrid's error body <c>{"errors":[{"message","field","help"}]}</c>.</summary>
public sealed record SendGridError(string Message, string? Field, string? Help = null);

public sealed record SendGridErrorBody(IReadOnlyList<SendGridError> Errors);
