using Microsoft.AspNetCore.Http;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Html;

/// <summary>
/// The hidden field of an editable form that says what it was shown with: the stored draft's ETag,
/// or empty when nothing is stored. The save then writes without reading first; see <see cref="ShownDraft"/>.
/// </summary>
internal static class ShownDraftField
{
    private const string Name = "shown";

    public static Markup For(ShownDraft? shown)
        => shown is null ? Markup.Empty : H.Html($"""<input type="hidden" name="{Name}" value="{shown.ETag ?? string.Empty}">""");

    /// <summary>What the posted form was shown with; null when it does not say (the save then reads first).</summary>
    public static ShownDraft? Of(IFormCollection form)
        => form.TryGetValue(Name, out var value) ? new ShownDraft(string.IsNullOrEmpty(value) ? null : value.ToString()) : null;

    public static ShownDraft Of<T>(StoredDocument<T>? stored) => new(stored?.ETag);
}
