using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Notifications;

/// <summary>Builds messages with their dedupe key, so a retried activity never sends one twice.</summary>
internal static class Emails
{
    public static EmailMessage To(string cycleId, string waveId, Contact contact, EmailContent content)
        => new(new EmailRecipient(contact.Id, contact.Email, contact.Name, contact.Language), content)
        {
            DedupeKey = EmailMessage.CreateDedupeKey(cycleId, contact.Id, content.Kind, waveId),
        };
}
