using System.Net.Mail;
using System.Text;
using System.Text.Json;

namespace TalentReview.MailCapture;

/// <summary>
/// Reads a v3 mail/send payload and checks it the way SendGrid does, collecting every problem with
/// the field it concerns (e.g. <c>personalizations.3.to.0.email</c>), so clients meet SendGrid's
/// 400 answers here before they meet them in production.
/// </summary>
internal static class MailSendValidator
{
    public const int MaxPersonalizations = 1000;
    public const int MaxRecipients = 1000;
    public const int MaxCategories = 10;
    public const int MaxSubstitutionBytes = 10_000;
    public const int MaxCustomArgBytes = 10_000;

    public static (MailSendRequest? Request, IReadOnlyList<SendGridError> Errors) Validate(JsonElement root)
    {
        var errors = new List<SendGridError>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new SendGridError("Bad Request", null));
            return (null, errors);
        }

        var from = ReadFrom(root, errors);
        var subject = OptionalString(root, "subject");
        var personalizations = ReadPersonalizations(root, errors);
        var contents = ReadContents(root, errors);
        if (string.IsNullOrEmpty(subject) && (personalizations.Count == 0 || personalizations.Any(p => string.IsNullOrEmpty(p.Subject))))
        {
            errors.Add(new SendGridError("The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.", "subject"));
        }

        var categories = ReadCategories(root, errors);
        var customArgs = ReadStringMap(root, "custom_args");
        if (Utf8Size(customArgs) > MaxCustomArgBytes)
        {
            errors.Add(new SendGridError($"The total size of custom arguments must be less than {MaxCustomArgBytes} bytes.", "custom_args"));
        }

        return errors.Count > 0 || from is null
            ? (null, errors)
            : (new MailSendRequest(from, subject, contents, personalizations, categories, customArgs), errors);
    }

    private static MailAddressData? ReadFrom(JsonElement root, List<SendGridError> errors)
    {
        if (!root.TryGetProperty("from", out var from) || from.ValueKind != JsonValueKind.Object || OptionalString(from, "email") is not { Length: > 0 } email)
        {
            errors.Add(new SendGridError("The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.", "from.email"));
            return null;
        }

        if (!IsValidAddress(email))
        {
            errors.Add(new SendGridError("The from email does not contain a valid address.", "from.email"));
            return null;
        }

        return new MailAddressData(email, OptionalString(from, "name"));
    }

    private static List<MailPersonalization> ReadPersonalizations(JsonElement root, List<SendGridError> errors)
    {
        var result = new List<MailPersonalization>();
        if (!root.TryGetProperty("personalizations", out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
        {
            errors.Add(new SendGridError("The personalizations field is required and must have at least one personalization.", "personalizations"));
            return result;
        }

        if (items.GetArrayLength() > MaxPersonalizations)
        {
            errors.Add(new SendGridError($"The personalizations field must have between 1 and {MaxPersonalizations} items.", "personalizations"));
            return result;
        }

        var index = 0;
        var recipientCount = 0;
        foreach (var item in items.EnumerateArray())
        {
            var path = $"personalizations.{index++}";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new SendGridError("Each personalization must be an object.", path));
                continue;
            }

            var recipients = new List<MailAddressData>();
            foreach (var list in new[] { "to", "cc", "bcc" })
            {
                recipients.AddRange(ReadAddresses(item, list, $"{path}.{list}", errors));
            }

            if (!item.TryGetProperty("to", out var to) || to.ValueKind != JsonValueKind.Array || to.GetArrayLength() == 0)
            {
                errors.Add(new SendGridError("The to array is required for all personalization objects, and must have at least one email object with a valid email address.", $"{path}.to"));
            }

            recipientCount += recipients.Count;
            var substitutions = ReadStringMap(item, "substitutions");
            if (Utf8Size(substitutions) > MaxSubstitutionBytes)
            {
                errors.Add(new SendGridError($"The total size of your substitutions must be less than {MaxSubstitutionBytes} bytes per personalization object.", $"{path}.substitutions"));
            }

            result.Add(new MailPersonalization(recipients, OptionalString(item, "subject"), substitutions, ReadStringMap(item, "custom_args")));
        }

        if (recipientCount > MaxRecipients)
        {
            errors.Add(new SendGridError($"The total number of recipients (to, cc and bcc) must be at most {MaxRecipients} per request.", "personalizations"));
        }

        return result;
    }

    private static List<MailAddressData> ReadAddresses(JsonElement personalization, string list, string path, List<SendGridError> errors)
    {
        var result = new List<MailAddressData>();
        if (!personalization.TryGetProperty(list, out var addresses) || addresses.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        var index = 0;
        foreach (var address in addresses.EnumerateArray())
        {
            var field = $"{path}.{index++}.email";
            var email = address.ValueKind == JsonValueKind.Object ? OptionalString(address, "email") : null;
            if (email is null || !IsValidAddress(email))
            {
                errors.Add(new SendGridError("Does not contain a valid address.", field));
                continue;
            }

            result.Add(new MailAddressData(email, OptionalString(address, "name")));
        }

        return result;
    }

    private static List<MailContent> ReadContents(JsonElement root, List<SendGridError> errors)
    {
        var result = new List<MailContent>();
        if (!root.TryGetProperty("content", out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
        {
            errors.Add(new SendGridError("Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block.", "content"));
            return result;
        }

        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var path = $"content.{index}";
            var type = item.ValueKind == JsonValueKind.Object ? OptionalString(item, "type") : null;
            var value = item.ValueKind == JsonValueKind.Object ? OptionalString(item, "value") : null;
            if (string.IsNullOrEmpty(type))
            {
                errors.Add(new SendGridError("The content type is required.", $"{path}.type"));
            }
            else if (index > 0 && type == "text/plain")
            {
                errors.Add(new SendGridError("If present, text/plain content must be first, followed by text/html, followed by any other content.", $"{path}.type"));
            }

            if (string.IsNullOrEmpty(value))
            {
                errors.Add(new SendGridError("The content value must be a string at least one character in length.", $"{path}.value"));
            }

            if (!string.IsNullOrEmpty(type) && !string.IsNullOrEmpty(value))
            {
                result.Add(new MailContent(type, value));
            }

            index++;
        }

        return result;
    }

    private static List<string> ReadCategories(JsonElement root, List<SendGridError> errors)
    {
        var result = new List<string>();
        if (!root.TryGetProperty("categories", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        if (items.GetArrayLength() > MaxCategories)
        {
            errors.Add(new SendGridError($"Too many categories. Only {MaxCategories} are allowed per email.", "categories"));
        }

        foreach (var item in items.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { Length: > 0 and <= 255 } category)
            {
                result.Add(category);
            }
            else
            {
                errors.Add(new SendGridError("A category must be a string of 1 to 255 characters.", "categories"));
            }
        }

        return result;
    }

    private static Dictionary<string, string> ReadStringMap(JsonElement parent, string name)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (parent.TryGetProperty(name, out var map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in map.EnumerateObject())
            {
                result[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        return result;
    }

    private static string? OptionalString(JsonElement parent, string name)
        => parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Utf8Size(Dictionary<string, string> map)
        => map.Sum(pair => Encoding.UTF8.GetByteCount(pair.Key) + Encoding.UTF8.GetByteCount(pair.Value));

    private static bool IsValidAddress(string email)
        => email.Length <= 254
            && !email.Any(char.IsWhiteSpace)
            && MailAddress.TryCreate(email, out var address)
            && address.Address == email
            && address.Host.Contains('.', StringComparison.Ordinal);
}
