using System.Text.RegularExpressions;
using TalentReview.Domain;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Infrastructure.Email;
using TalentReview.Workflow.Notifications;

namespace TalentReview.Infrastructure.Tests.Email;

/// <summary>No email shows an internal name (RoughDiamond, CorePlayer, SelfAssessment...) in any language.</summary>
public sealed partial class NoInternalNamesInEmailsTests
{
    private static readonly Uri Link = new("https://review.example.be/l/AQFhCmN5Y2xlLTIwMjY");

    /// <summary>Member names of every enum of the domain and workflow that are identifiers rather than words (two capitals or more).</summary>
    public static IReadOnlyList<string> InternalNames { get; } =
    [
        .. new[] { typeof(GridBox).Assembly, typeof(EmailContent).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsEnum)
            .SelectMany(Enum.GetNames)
            .Where(name => name.Count(char.IsUpper) >= 2)
            .Distinct(StringComparer.Ordinal),
    ];

    /// <summary>The summary as the release activity builds it: box and step codes.</summary>
    private static LeadershipSummaryNotice SummaryAsSent() => new(
        Link,
        "Talentreview 2026",
        [.. Enum.GetValues<GridBox>().Select(box =>
        {
            var position = GridPosition.Of(box);
            return new NineBoxCell((int)position.Performance + 1, (int)position.Potential + 1, box.ToString(), 11, 11.1, 10.0);
        })],
        99,
        ["An Peeters"],
        ["Bram Claes"],
        [.. Enum.GetValues<StepKind>().Select(step => new CompletionRate(step.ToString(), 35, 98))]);

    public static TheoryData<int, Language> EveryEmailInEveryLanguage()
    {
        var data = new TheoryData<int, Language>();
        for (var i = 0; i <= EmailTemplateTests.Samples.Count; i++)
        {
            foreach (var language in Enum.GetValues<Language>())
            {
                data.Add(i, language);
            }
        }

        return data;
    }

    [Fact]
    public void The_list_of_internal_names_holds_the_ones_people_saw()
        => Assert.Superset(new HashSet<string> { "RoughDiamond", "CorePlayer", "SelfAssessment", "ManagerInput", "MeritIncrease" }, InternalNames.ToHashSet());

    [Theory]
    [MemberData(nameof(EveryEmailInEveryLanguage))]
    public void No_email_shows_an_internal_name(int sample, Language language)
    {
        var content = sample < EmailTemplateTests.Samples.Count ? EmailTemplateTests.Samples[sample] : SummaryAsSent();
        var message = EmailTestData.Message(new EmailRecipient("E00042", "els@example.be", "Els Wouters", language), content);

        var email = WaveRenderer.RenderComplete(message, "Talentreview 2026");

        foreach (var part in new[] { email.Subject, Visible(email.Html), email.Text })
        {
            var shown = Words().Matches(part).Select(m => m.Value).Intersect(InternalNames, StringComparer.Ordinal).ToList();
            Assert.True(shown.Count == 0, $"{content.Kind} in {language} shows {string.Join(", ", shown)}");
        }
    }

    [Theory]
    [InlineData(Language.Nl, "Ruwe diamant", "Zelfevaluatie: 35/98")]
    [InlineData(Language.Fr, "Diamant brut", "Auto-évaluation : 35/98")]
    [InlineData(Language.En, "Rough diamond", "Self-assessment: 35/98")]
    public void The_leadership_summary_names_boxes_and_steps_in_the_readers_language(Language language, string box, string step)
    {
        var message = EmailTestData.Message(new EmailRecipient("E00042", "els@example.be", "Els Wouters", language), SummaryAsSent());

        var email = WaveRenderer.RenderComplete(message, "Talentreview 2026");

        Assert.Contains(box, email.Text, StringComparison.Ordinal);
        Assert.Contains(box, email.Html, StringComparison.Ordinal);
        Assert.Contains(step.Replace(" :", ":", StringComparison.Ordinal), email.Text.Replace(" :", ":", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>Text a person reads: tags and attribute values (links, styles) removed.</summary>
    private static string Visible(string html) => Tags().Replace(html, " ");

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\b[A-Za-z]+\b")]
    private static partial Regex Words();
}
