namespace TalentReview.Workflow.Storage;

/// <summary>
/// What a form was shown with: nothing stored (<see cref="Nothing"/>), or a draft not yet submitted
/// at <see cref="ETag"/>. A save can then write without reading first, because the write is
/// conditional on exactly that state: when anything changed meanwhile (a save in another window, a
/// submission) it is refused, and the save reads and writes as usual. Only a page that showed an
/// editable form has such an ETag; a submitted document's ETag is never shown.
/// </summary>
public sealed record ShownDraft(string? ETag)
{
    public static ShownDraft Nothing { get; } = new(ETag: null);
}
