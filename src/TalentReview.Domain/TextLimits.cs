namespace TalentReview.Domain;

/// <summary>
/// The longest text a person or the API may send, one figure per kind of text, used by the domain's
/// validation, the use cases and the pages' <c>maxlength</c> alike, so what a page lets a person type
/// is what the API accepts.
/// </summary>
public static class TextLimits
{
    /// <summary>Employee, manager, contact and group ids.</summary>
    public const int Id = 64;

    public const int PersonName = 200;

    /// <summary>The longest address RFC 5321 allows.</summary>
    public const int Email = 254;

    /// <summary>Department, job title, level, location and calibration group names.</summary>
    public const int Label = 200;

    /// <summary>The cycle's name stands in every email subject.</summary>
    public const int CycleName = 120;

    /// <summary>One-line form fields (an objective, a competency).</summary>
    public const int ShortText = 200;

    /// <summary>Free text in forms (evidence, achievements, comments).</summary>
    public const int LongText = 4000;

    /// <summary>The reason for a move on the board, a decision or a cancellation.</summary>
    public const int Reason = 1000;

    /// <summary>The goals of a development or improvement plan.</summary>
    public const int PlanGoals = 2000;

    public const string TooLongCode = "tooLong";

    /// <summary>The error for a text over its limit, naming the field and the limit; null when it fits.</summary>
    public static ValidationError? Check(string field, string? value, int max)
        => value is not null && value.Length > max
            ? new ValidationError(field, TooLongCode, $"{field}: at most {max} characters ({value.Length} given).") { Limit = max }
            : null;
}
