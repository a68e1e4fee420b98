namespace TalentReview.Domain.Forms;

/// <summary>Collects field errors for a form; the codes are stable for the web layer to localise.</summary>
internal sealed class FormErrors(FormLimits limits)
{
    public const string TooLongCode = "form.tooLong";
    public const string TooManyItemsCode = "form.tooManyItems";

    private readonly List<ValidationError> errors = [];

    public FormLimits Limits { get; } = limits;

    public IReadOnlyList<ValidationError> Errors => errors;

    public void Add(string field, string code, string message, int? limit = null) => errors.Add(new ValidationError(field, code, message) { Limit = limit });

    public void Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, "form.required", "This field is required.");
        }
    }

    public void MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, TooLongCode, $"At most {max} characters ({value.Length} given).", max);
        }
    }

    public void ShortText(string field, string? value, bool required = true)
    {
        if (required)
        {
            Required(field, value);
        }

        MaxLength(field, value, Limits.MaxShortText);
    }

    public void LongText(string field, string? value, bool required = true)
    {
        if (required)
        {
            Required(field, value);
        }

        MaxLength(field, value, Limits.MaxLongText);
    }

    public void Score(string field, int score)
    {
        if (!Ratings.IsOnScale(score))
        {
            Add(field, "form.outOfScale", $"Choose a value from {Ratings.MinScore} to {Ratings.MaxScore}.");
        }
    }

    public void Defined<TEnum>(string field, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            Add(field, "form.unknownOption", "Choose one of the listed options.");
        }
    }

    /// <summary>Only the size errors: what a draft, which may be incomplete, must still respect.</summary>
    public static IReadOnlyList<ValidationError> SizeErrors(IReadOnlyList<ValidationError> errors)
        => [.. errors.Where(e => e.Code is TooLongCode or TooManyItemsCode)];

    public void ItemCount<T>(string field, IReadOnlyList<T>? items, bool atLeastOne)
    {
        if (atLeastOne && items is not { Count: > 0 })
        {
            Add(field, "form.atLeastOne", "Add at least one item.");
        }
        else if (items is not null && items.Count > Limits.MaxItems)
        {
            Add(field, TooManyItemsCode, $"At most {Limits.MaxItems} items ({items.Count} given).", Limits.MaxItems);
        }
    }
}
