namespace TalentReview.Domain.NineBox;

/// <summary>The name of a box and what to do with the people in it, in one language.</summary>
public sealed record BoxLabel(string Name, string SuggestedAction);

/// <summary>An organisation's own wording for a box in a language; replaces the default.</summary>
public sealed record BoxLabelOverride(GridBox Box, Language Language, string? Name, string? SuggestedAction);

/// <summary>Box names and suggested actions in nl, fr and en, with organisation overrides on top.</summary>
public sealed class BoxLabels
{
    private readonly IReadOnlyList<BoxLabelOverride> overrides;

    public BoxLabels(IEnumerable<BoxLabelOverride>? overrides = null) => this.overrides = overrides?.ToList() ?? [];

    public static BoxLabels Default { get; } = new();

    public BoxLabel For(GridBox box, Language language) => throw new NotImplementedException();
}
