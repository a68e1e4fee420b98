using TalentReview.Domain;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;

namespace TalentReview.Infrastructure.Email.Templates;

/// <summary>
/// The words of one email in one language. <c>{name}</c> marks a value; <see cref="Block"/> names a
/// value rendered as its own block (a list or a table) after the introduction. The layout around it
/// (greeting, button, sign-off, footer) is shared by every email of the language.
/// </summary>
internal sealed record TemplateText(
    string Subject,
    IReadOnlyList<string> Introduction,
    string? ActionLabel = null,
    IReadOnlyList<string>? Closing = null,
    string? Block = null);

/// <summary>Everything that is worded per language: the shared layout's phrases, each email, and small phrases the values need.</summary>
internal sealed record LanguagePack(
    string HtmlLanguage,
    string CultureName,
    LayoutPhrases Layout,
    IReadOnlyDictionary<TemplateId, TemplateText> Templates,
    ValuePhrases Values,
    SummaryPhrases Summary);

internal sealed record LayoutPhrases(string Greeting, string LinkFallback, string SignOff, string Sender, string Footer);

/// <summary>Phrases that depend on a value: plurals and names of enumerations.</summary>
internal sealed record ValuePhrases(
    string OneDay,
    string ManyDays,
    string OneEmployee,
    string ManyEmployees,
    string DevelopmentPlan,
    string ImprovementPlan);

internal sealed record SummaryPhrases(
    string GridCaption,
    string GridDescription,
    string ShareLegend,
    string PerformanceAxis,
    string PotentialAxis,
    string Low,
    string Medium,
    string High,
    string Guidance,
    string WithinGuidance,
    string AboveGuidance,
    string BelowGuidance,
    string NoGuidance,
    string Promotions,
    string HighPerformersAtRisk,
    string Completion,
    string None,
    IReadOnlyDictionary<StepKind, string> Steps,
    IReadOnlyDictionary<GridBox, string> Boxes)
{
    /// <summary>The box names the calibration board shows, so the email and the board agree.</summary>
    public static IReadOnlyDictionary<GridBox, string> BoxNamesIn(Language language)
        => Enum.GetValues<GridBox>().ToDictionary(box => box, box => BoxLabels.Default.For(box, language).Name);

    /// <summary>A box's name from its code in the notice; a label that is no code is shown as given.</summary>
    public string Box(string code) => Enum.TryParse<GridBox>(code, out var box) && Boxes.TryGetValue(box, out var name) ? name : code;

    /// <summary>A step's name from its code in the notice; a label that is no code is shown as given.</summary>
    public string Step(string code) => Enum.TryParse<StepKind>(code, out var step) && Steps.TryGetValue(step, out var name) ? name : code;
}

/// <summary>One template per email kind, and one per escalation level.</summary>
internal enum TemplateId
{
    SelfAssessmentInvitation,
    SelfAssessmentReminder,
    ManagerDigest,
    ManagerReminder,
    EscalationToSkipLevelManager,
    EscalationToHumanResources,
    CalibrationReady,
    CalibrationReadyIncomplete,
    CalibrationReminder,
    CalibrationOverdue,
    CalibrationOverdueToHr,
    CalibrationOverdueToLeadership,
    DecisionsReminder,
    DecisionsOverdue,
    LeadershipSummary,
    ManagerRelease,
    EmployeeRelease,
    FollowUpReminder,
    ManagerReassigned,
    CycleCancelled,
}
