namespace TalentReview.Domain;

/// <summary>
/// One problem with user or HR input. <see cref="Field"/> is a path such as <c>objectives[2].evidence</c>;
/// <see cref="Code"/> is stable so the web layer can localise; <see cref="Message"/> is readable English.
/// </summary>
public sealed record ValidationError(string Field, string Code, string Message)
{
    /// <summary>The limit the input broke (a number of characters or items), for messages in other languages.</summary>
    public int? Limit { get; init; }
}
