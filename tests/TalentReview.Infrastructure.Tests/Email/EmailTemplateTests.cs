using System.Reflection;
using System.Text.Json.Serialization;
using TalentReview.Domain;
using TalentReview.Infrastructure.Email;
using TalentReview.Workflow.Notifications;

namespace TalentReview.Infrastructure.Tests.Email;

public sealed class EmailTemplateTests
{
    private const string Cycle = "Talentreview 2026";
    private static readonly Uri Link = new("https://review.example.be/l/AQFhCmN5Y2xlLTIwMjY");
    private static readonly DateOnly Deadline = new(2026, 3, 15);

    public static IReadOnlyList<NineBoxCell> Grid { get; } =
    [
        new(1, 1, "TalentRisk", 5, 5.0, 5.0),
        new(2, 1, "SolidProfessional", 10, 10.0, 10.0),
        new(3, 1, "TrustedExpert", 5, 5.0, 5.0),
        new(1, 2, "Dilemma", 10, 10.0, 10.0),
        new(2, 2, "CorePlayer", 40, 40.0, 30.0),
        new(3, 2, "HighPerformer", 12, 12.5, 12.5),
        new(1, 3, "RoughDiamond", 3, 3.0, 10.0),
        new(2, 3, "EmergingTalent", 10, 10.0, 10.0),
        new(3, 3, "Star", 5, 5.0, null),
    ];

    /// <summary>One sample of every content, and of every variant that selects different wording.</summary>
    public static IReadOnlyList<EmailContent> Samples { get; } =
    [
        new SelfAssessmentInvitation(Link, Deadline),
        new SelfAssessmentReminder(Link, Deadline, 3),
        new ManagerDigest(Link, Deadline, ["An Peeters", "Bram Claes"], IsReminder: false),
        new ManagerDigest(Link, Deadline, ["An Peeters"], IsReminder: true),
        new EscalationNotice(Link, EscalationLevel.SkipLevelManager, "Marc Janssens", ["An Peeters"], Deadline),
        new EscalationNotice(Link, EscalationLevel.HumanResources, "Marc Janssens", ["An Peeters"], Deadline),
        new CalibrationReady(Link, "Sales Vlaanderen", 12, Deadline, IsReminder: false),
        new CalibrationReady(Link, "Sales Vlaanderen", 12, Deadline, IsReminder: true),
        new LeadershipSummaryNotice(Link, "Sales", Grid, 100, ["An Peeters"], ["Bram Claes"], [new CompletionRate("SelfAssessment", 95, 100)]),
        new ManagerRelease(Link, 4),
        new EmployeeRelease(Link),
        new FollowUpReminder(Link, "An Peeters", FollowUpPlan.DevelopmentPlan, new DateOnly(2026, 9, 1), 1),
        new FollowUpReminder(Link, "An Peeters", FollowUpPlan.ImprovementPlan, new DateOnly(2026, 12, 1), 2),
        new ManagerReassigned(Link, "An Peeters", Deadline),
        new CycleCancelled("The organisation is being restructured."),
        new DecisionsPending(Link, "Sales Vlaanderen", 12, Deadline),
        new DecisionsPending(Link, "Sales Vlaanderen", 12, Deadline, IsOverdue: true),
        new CalibrationReady(Link, "Sales Vlaanderen", 12, Deadline, IsReminder: false, MissingInputs: 3),
        new CalibrationOverdue(Link, "Sales Vlaanderen", 12, Deadline, OverdueStage.Committee),
        new CalibrationOverdue(Link, "Sales Vlaanderen", 12, Deadline, OverdueStage.Hr),
        new CalibrationOverdue(null, "Sales Vlaanderen", 12, Deadline, OverdueStage.Leadership),
    ];

    public static TheoryData<int, Language> EverySampleInEveryLanguage()
    {
        var data = new TheoryData<int, Language>();
        for (var i = 0; i < Samples.Count; i++)
        {
            foreach (var language in Enum.GetValues<Language>())
            {
                data.Add(i, language);
            }
        }

        return data;
    }

    private static EmailMessage Message(EmailContent content, Language language, string name = "Els Wouters")
        => EmailTestData.Message(new EmailRecipient("E00042", "els@example.be", name, language), content);

    [Fact]
    public void Samples_CoverEveryContentTypeAndEveryKind()
    {
        var declared = typeof(EmailContent).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType);

        Assert.Equal(declared.OrderBy(t => t.Name), Samples.Select(s => s.GetType()).Distinct().OrderBy(t => t.Name));
        Assert.Equal(Enum.GetValues<EmailKind>().Order(), Samples.Select(s => s.Kind).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(EverySampleInEveryLanguage))]
    public void RenderComplete_EverySampleInEveryLanguage_FillsEverySlotAndCarriesTheLink(int sample, Language language)
    {
        var content = Samples[sample];

        var email = WaveRenderer.RenderComplete(Message(content, language), Cycle);

        Assert.False(string.IsNullOrWhiteSpace(email.Subject));
        Assert.Contains(Cycle, email.Subject, StringComparison.Ordinal);
        foreach (var part in new[] { email.Subject, email.Html, email.Text })
        {
            Assert.DoesNotContain("{", part, StringComparison.Ordinal);
            Assert.DoesNotContain("%tr:", part, StringComparison.Ordinal);
        }

        Assert.Contains("Els Wouters", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", email.Text, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{(language == Language.En ? "en" : language == Language.Nl ? "nl-BE" : "fr-BE")}\">", email.Html, StringComparison.Ordinal);
        if (content is not (CycleCancelled or CalibrationOverdue { BoardLink: null }))
        {
            Assert.Contains($"href=\"{Link.AbsoluteUri}\"", email.Html, StringComparison.Ordinal);
            Assert.Contains(Link.AbsoluteUri, email.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(OverdueStage.Committee, Language.En, "The calibration of Sales Vlaanderen (12 people) was due on 15 March 2026 and is not approved yet.")]
    [InlineData(OverdueStage.Hr, Language.Nl, "Het comité van Sales Vlaanderen (12 medewerkers) heeft zijn kalibratie, uiterlijk op 15 maart 2026, nog niet goedgekeurd")]
    [InlineData(OverdueStage.Leadership, Language.Fr, "Le calibrage du groupe Sales Vlaanderen (12 collaborateurs) était attendu pour le 15 mars 2026 et n'est toujours pas approuvé")]
    public void RenderComplete_OverdueBoard_TellsEachLevelInItsLanguageAndLeadershipGetsNoBoardLink(OverdueStage stage, Language language, string expected)
    {
        var email = WaveRenderer.RenderComplete(Message(new CalibrationOverdue(stage == OverdueStage.Leadership ? null : Link, "Sales Vlaanderen", 12, Deadline, stage), language), Cycle);

        Assert.Contains(expected, email.Text, StringComparison.Ordinal);
        Assert.Equal(stage != OverdueStage.Leadership, email.Html.Contains(Link.AbsoluteUri, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EverySampleInEveryLanguage))]
    public void Prepare_BodyWithSubstitutionsApplied_IsExactlyTheCompleteEmail(int sample, Language language)
    {
        var message = Message(Samples[sample], language, "Chloé D'Hondt & <Zonen>");

        var prepared = new WaveRenderer(Cycle).Prepare(message);

        Assert.Equal(WaveRenderer.RenderComplete(message, Cycle), Apply(prepared));
    }

    [Fact]
    public void Prepare_SameKindAndLanguage_SharesOneBody()
    {
        var renderer = new WaveRenderer(Cycle);

        var first = renderer.Prepare(EmailTestData.Message(EmailTestData.Recipient(1), Samples[0]));
        var second = renderer.Prepare(EmailTestData.Message(EmailTestData.Recipient(2), new SelfAssessmentInvitation(new Uri("https://review.example.be/l/other"), Deadline.AddDays(1))));
        var french = renderer.Prepare(EmailTestData.Message(EmailTestData.Recipient(3, Language.Fr), Samples[0]));

        Assert.Equal(first.ShareKey, second.ShareKey);
        Assert.Same(first.Body, second.Body);
        Assert.NotEqual(first.ShareKey, french.ShareKey);
    }

    [Fact]
    public void Prepare_DigestTooLargeForSubstitutions_IsRenderedWholeOnItsOwn()
    {
        var reports = Enumerable.Range(1, 400).Select(i => $"Medewerker met een lange naam {i}").ToList();
        var message = Message(new ManagerDigest(Link, Deadline, reports, IsReminder: false), Language.Nl);

        var prepared = new WaveRenderer(Cycle).Prepare(message);

        Assert.Empty(prepared.Substitutions);
        Assert.StartsWith("whole:", prepared.ShareKey, StringComparison.Ordinal);
        Assert.Equal(WaveRenderer.RenderComplete(message, Cycle), prepared.Body);
    }

    [Fact]
    public void RenderComplete_NameWithMarkup_IsEscapedInHtmlAndKeptAsIsInText()
    {
        var email = WaveRenderer.RenderComplete(Message(Samples[0], Language.Nl, "<b>Jan</b> & O'Neil"), Cycle);

        Assert.Contains("&lt;b&gt;Jan&lt;/b&gt; &amp; O&#x27;Neil", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Jan</b>", email.Html, StringComparison.Ordinal);
        Assert.Contains("Beste <b>Jan</b> & O'Neil,", email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Nl, "Beste Els Wouters,", "vóór 15 maart 2026")]
    [InlineData(Language.Fr, "Bonjour Els Wouters,", "avant le 15 mars 2026")]
    [InlineData(Language.En, "Dear Els Wouters,", "by 15 March 2026")]
    public void RenderComplete_Invitation_IsInTheRecipientsLanguageWithALocalDate(Language language, string greeting, string deadline)
    {
        var email = WaveRenderer.RenderComplete(Message(Samples[0], language), Cycle);

        Assert.Contains(greeting, email.Text, StringComparison.Ordinal);
        Assert.Contains(deadline, email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.En, "it is missing for 3 people. The calibration board with 12 people is ready for you.")]
    [InlineData(Language.Nl, "ze ontbreekt voor 3 medewerkers.")]
    [InlineData(Language.Fr, "l'avis manque pour 3 collaborateurs.")]
    public void RenderComplete_BoardOpenedWithInputMissing_SaysForHowManyAndNeverThatInputIsComplete(Language language, string expected)
    {
        var email = WaveRenderer.RenderComplete(Message(new CalibrationReady(Link, "Sales Vlaanderen", 12, Deadline, IsReminder: false, MissingInputs: 3), language), Cycle);

        Assert.Contains(expected, email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("is complete", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("is binnen", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("sont complets", email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.En, "was due on 15 March 2026 and is not approved yet")]
    [InlineData(Language.Nl, "moest klaar zijn op 15 maart 2026")]
    [InlineData(Language.Fr, "était attendu pour le 15 mars 2026")]
    public void RenderComplete_OverdueCalibration_SaysTheDeadlinePassedRatherThanAnnouncingIt(Language language, string expected)
    {
        var email = WaveRenderer.RenderComplete(Message(new CalibrationOverdue(Link, "Sales Vlaanderen", 12, Deadline, OverdueStage.Committee), language), Cycle);

        Assert.Contains(expected, email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderComplete_OverdueDecisions_SaysTheyWereToBeConfirmedBy()
        => Assert.Contains(
            "were to be confirmed by 15 March 2026 and are not confirmed yet",
            WaveRenderer.RenderComplete(Message(new DecisionsPending(Link, "Sales Vlaanderen", 12, Deadline, IsOverdue: true), Language.En), Cycle).Text,
            StringComparison.Ordinal);

    [Fact]
    public void RenderComplete_LeadershipSummary_HasTheGridTableColouredAgainstGuidanceAndTheLists()
    {
        var email = WaveRenderer.RenderComplete(Message(Samples[8], Language.Nl), Cycle);
        email = email with { Html = email.Html.Replace("&#xA0;", "\u00A0", StringComparison.Ordinal) };

        Assert.Contains("<table role=\"table\"", email.Html, StringComparison.Ordinal);
        Assert.Contains("<caption", email.Html, StringComparison.Ordinal);
        Assert.Equal(9, CountOf(email.Html, "vertical-align:top;border:1px solid #d1d5db;background-color:"));
        Assert.Contains("<strong>Kernspeler</strong><br>40 (40\u00A0%)<br><span style=\"color:#4b5563;\">richtwaarde 30\u00A0%<br>boven de richtwaarde", email.Html, StringComparison.Ordinal);
        Assert.Contains("<strong>Sterke presteerder</strong><br>12 (12,5\u00A0%)", email.Html, StringComparison.Ordinal);
        Assert.Contains("<td bgcolor=\"#fef3c7\"", email.Html, StringComparison.Ordinal);
        Assert.Contains("<td bgcolor=\"#dbeafe\"", email.Html, StringComparison.Ordinal);
        Assert.Contains("<td bgcolor=\"#dcfce7\"", email.Html, StringComparison.Ordinal);
        Assert.Contains("<td bgcolor=\"#f3f4f6\"", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Voorgestelde promoties", email.Html, StringComparison.Ordinal);
        Assert.Contains("<li>An Peeters</li>", email.Html, StringComparison.Ordinal);
        Assert.Contains("<li>Bram Claes</li>", email.Html, StringComparison.Ordinal);
        Assert.Contains("Zelfevaluatie: 95/100 (95\u00A0%)", email.Text, StringComparison.Ordinal);
        Assert.Contains("Potentieel hoog, Prestaties hoog (Ster): 5 (5\u00A0%; geen richtwaarde)\n", email.Text, StringComparison.Ordinal);
        Assert.Contains("Potentieel gemiddeld, Prestaties gemiddeld (Kernspeler): 40 (40\u00A0%; richtwaarde 30\u00A0%; boven de richtwaarde)", email.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Language.Nl, "Kernspeler", "40 · 40\u00A0%", "richtwaarde 30\u00A0%", "Prestaties →")]
    [InlineData(Language.Fr, "Pilier", "40 · 40\u00A0%", "référence 30\u00A0%", "Performance →")]
    [InlineData(Language.En, "Core player", "40 · 40%", "guidance 30%", "Performance →")]
    public void RenderComplete_LeadershipSummary_PutsTheSvgHeatMapAboveTheTableKeptAsFallback(Language language, string core, string figures, string guidance, string axis)
    {
        var email = WaveRenderer.RenderComplete(Message(Samples[8], language), Cycle);
        var html = email.Html.Replace("&#xA0;", "\u00A0", StringComparison.Ordinal);

        var start = html.IndexOf("<svg ", StringComparison.Ordinal);
        var end = html.IndexOf("</svg>", StringComparison.Ordinal) + "</svg>".Length;
        Assert.True(start >= 0 && end > start, "The email's HTML has an SVG grid.");
        Assert.True(end <= html.IndexOf("<table role=\"table\"", StringComparison.Ordinal), "The table follows the SVG, for clients that drop SVG.");
        var grid = System.Xml.Linq.XElement.Parse(html[start..end]);
        System.Xml.Linq.XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.Equal("img", grid.Attribute("role")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(grid.Element(svg + "title")?.Value));
        Assert.Contains("100", grid.Element(svg + "desc")?.Value, StringComparison.Ordinal);
        var box = grid.Descendants(svg + "g").Single(g => g.Attribute("data-box")?.Value == "CorePlayer");
        Assert.Equal([core, figures, guidance], box.Elements(svg + "text").Select(t => t.Value));
        Assert.Contains(axis, grid.Elements(svg + "text").Select(t => t.Value));
        Assert.Empty(grid.Descendants(svg + "a"));
        Assert.DoesNotContain("<svg", email.Text, StringComparison.Ordinal);
    }

    private static RenderedEmail Apply(PreparedEmail prepared)
    {
        string Substitute(string template) => prepared.Substitutions.Aggregate(template, (text, s) => text.Replace(s.Key, s.Value, StringComparison.Ordinal));
        return new RenderedEmail(Substitute(prepared.Body.Subject), Substitute(prepared.Body.Html), Substitute(prepared.Body.Text));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
