using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TalentReview.Domain;
using TalentReview.Infrastructure.Email;
using TalentReview.Workflow.Notifications;
using TalentReview.Workflow.Storage;

namespace TalentReview.Infrastructure.Tests.Email;

internal static class EmailTestData
{
    public const string CycleId = "cycle-2026";
    public static readonly DateOnly Deadline = new(2026, 3, 15);

    public static EmailRecipient Recipient(int i, Language language = Language.Nl)
        => new($"E{i:D5}", $"person{i}@example.be", $"Person {i}", language);

    public static Uri Link(string personId) => new($"https://review.example.be/l/token-{personId}");

    public static EmailMessage Invitation(EmailRecipient to, string waveId = "invite-1")
        => Message(to, new SelfAssessmentInvitation(Link(to.PersonId), Deadline), waveId);

    public static EmailMessage Message(EmailRecipient to, EmailContent content, string waveId = "wave-1")
        => new(to, content) { DedupeKey = EmailMessage.CreateDedupeKey(CycleId, to.PersonId, content.Kind, waveId) };

    public static EmailWave InvitationWave(int count, Func<int, Language>? language = null, string waveId = "invite-1")
        => new(CycleId, "Talentreview 2026", waveId, [.. Enumerable.Range(1, count).Select(i => Invitation(Recipient(i, language?.Invoke(i) ?? Language.Nl), waveId))]);

    public static EmailOptions Options(Uri host, string apiKey = CaptureServer.ApiKey, Action<DeliverySettings>? delivery = null)
    {
        var options = new EmailOptions
        {
            FromAddress = "talentreview@example.be",
            FromName = "TalentReview",
            SendGrid = new SendGridSettings { ApiKey = apiKey, Host = host },
        };
        delivery?.Invoke(options.Delivery);
        return options;
    }

    public static SendGridEmailSender Sender(EmailOptions options, IDocumentStore store, TimeProvider time)
        => new(Microsoft.Extensions.Options.Options.Create(options), store, time, NullLogger<SendGridEmailSender>.Instance);
}
