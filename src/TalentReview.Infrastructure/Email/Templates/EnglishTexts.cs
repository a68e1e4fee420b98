using TalentReview.Domain;
using TalentReview.Domain.Planning;

namespace TalentReview.Infrastructure.Email.Templates;

/// <summary>Plain professional English.</summary>
internal static class EnglishTexts
{
    public static LanguagePack Pack { get; } = new(
        "en",
        "en-GB",
        new LayoutPhrases(
            Greeting: "Dear {name},",
            LinkFallback: "If the button does not work, copy this link into your browser:",
            SignOff: "Kind regards,",
            Sender: "The HR team",
            Footer: "This email is part of {cycle}. The link is personal and opens without a password: please do not forward this message. This is an automated message; replies to this address are not read."),
        new Dictionary<TemplateId, TemplateText>
        {
            [TemplateId.SelfAssessmentInvitation] = new(
                "{cycle}: your self-assessment",
                [
                    "This year's talent review has started. As a first step, we ask you to look back on the past year and describe your development and ambitions in a short self-assessment.",
                    "Your manager uses your self-assessment to prepare your conversation. What you write stays confidential within the review.",
                    "Please complete your self-assessment by {deadline}.",
                ],
                "Complete my self-assessment",
                ["Questions? Feel free to contact your manager or the HR team."]),
            [TemplateId.SelfAssessmentReminder] = new(
                "Reminder: your self-assessment for {cycle}",
                [
                    "We have not received your self-assessment yet. You have {daysLeft} left, until {deadline}, to complete it.",
                    "Your answers help your manager prepare a good conversation with you.",
                ],
                "Complete my self-assessment"),
            [TemplateId.ManagerDigest] = new(
                "{cycle}: your input on your team",
                [
                    "For the talent review, we ask for your view of the people who report directly to you: their performance, their potential, their readiness for a next step, and concrete examples that support it.",
                    "We are still waiting for your input on:",
                ],
                "Give my input",
                ["Please give your input by {deadline}. The calibration committee then reviews the results."],
                Block: "reports"),
            [TemplateId.ManagerReminder] = new(
                "Reminder: {cycle}, your input is due",
                [
                    "Your input is still missing for some of your team. The deadline is {deadline}.",
                    "Still open:",
                ],
                "Give my input",
                ["If you cannot make it in time, please let the HR team know so we can find a solution together."],
                Block: "reports"),
            [TemplateId.EscalationToSkipLevelManager] = new(
                "{cycle}: input for {manager}'s team is overdue",
                ["As {manager}'s manager, you receive this message because input for these people is still missing after reminders:"],
                "See the open input",
                ["Please follow this up with {manager}, or give the input yourself. The new deadline is {deadline}."],
                Block: "reports"),
            [TemplateId.EscalationToHumanResources] = new(
                "{cycle}: escalation, input for {manager}'s team is missing",
                ["{manager}'s input for these people is still missing, after reminders and an escalation to the next manager:"],
                "See the open input",
                ["Could you follow this up? The link lets you record the input yourself. The new deadline is {deadline}."],
                Block: "reports"),
            [TemplateId.CalibrationReady] = new(
                "{cycle}: calibration of {group} is ready",
                [
                    "The input for calibration group {group} is complete. The calibration board with {participants} is ready for you.",
                    "During calibration, the committee places each person on the 9-box grid. Every change of position needs a short reason.",
                ],
                "Open the calibration board",
                ["Please complete the calibration by {deadline}."]),
            [TemplateId.CalibrationReadyIncomplete] = new(
                "{cycle}: calibration of {group} is ready, with input missing",
                [
                    "Input for calibration group {group} has closed without being complete: it is missing for {missing}. The calibration board with {participants} is ready for you.",
                    "During calibration, the committee places each person on the 9-box grid. Every change of position needs a short reason.",
                ],
                "Open the calibration board",
                ["Please complete the calibration by {deadline}."]),
            [TemplateId.DecisionsOverdue] = new(
                "{cycle}: decisions for {group} are overdue",
                ["The decisions proposed for {group} ({participants}) were to be confirmed by {deadline} and are not confirmed yet. The link lets you review, amend and confirm them."],
                "Review and confirm the decisions"),
            [TemplateId.CalibrationReminder] = new(
                "Reminder: calibration of {group} for {cycle}",
                ["The calibration of {group} ({participants}) is not complete yet. The deadline is {deadline}."],
                "Open the calibration board"),
            [TemplateId.CalibrationOverdue] = new(
                "Overdue: calibration of {group} for {cycle}",
                ["The calibration of {group} ({participants}) was due on {deadline} and is not approved yet. Please complete and approve the board now: HR will be told otherwise."],
                "Open the calibration board"),
            [TemplateId.CalibrationOverdueToHr] = new(
                "Overdue: calibration of {group} for {cycle}",
                ["The committee of {group} ({participants}) has not approved its calibration, due on {deadline}, although it was reminded. Please follow up with the committee: leadership will be told otherwise."],
                "Open the calibration board"),
            [TemplateId.CalibrationOverdueToLeadership] = new(
                "Overdue: calibration of {group} for {cycle}",
                ["The calibration of {group} ({participants}) was due on {deadline} and is still not approved, although the committee and HR were told. Nothing can be released until every group has approved its calibration."]),
            [TemplateId.DecisionsReminder] = new(
                "Reminder: decisions for {group} in {cycle}",
                ["The decisions proposed for {group} ({participants}) after calibration are not confirmed yet. Please review them, amend where needed, and confirm them by {deadline}."],
                "Review and confirm the decisions"),
            [TemplateId.LeadershipSummary] = new(
                "{cycle}: calibration summary, {scope}",
                ["Below is the calibration summary for {scope}: how {total} are spread over the 9-box grid, compared with the guidance."],
                "Open the full summary",
                ["This summary contains totals and names only. Please treat it as confidential."],
                Block: "summary"),
            [TemplateId.ManagerRelease] = new(
                "{cycle}: results for your team are available",
                [
                    "The talent review is complete. The decisions for your team ({reportCount}) are available.",
                    "Please plan a conversation with each person to discuss the outcome and next steps.",
                ],
                "See the results"),
            [TemplateId.EmployeeRelease] = new(
                "{cycle}: your result is available",
                [
                    "This year's talent review is complete. You can now see your result through the link below.",
                    "Your manager will plan a conversation with you to discuss it and agree on your next steps.",
                ],
                "See my result"),
            [TemplateId.FollowUpReminder] = new(
                "{cycle}: follow-up of {employee}'s {plan}",
                [
                    "It is time for follow-up {number} of {employee}'s {plan}, due by {dueDate}.",
                    "Review the progress together: which actions are done, and what are the next steps?",
                ],
                "Record the follow-up"),
            [TemplateId.ManagerReassigned] = new(
                "{cycle}: {employee}'s review is now yours",
                [
                    "{employee}'s review has been assigned to you, as you are now their manager. Links sent earlier for this review no longer work.",
                    "Please give your input by {deadline}.",
                ],
                "Give my input"),
            [TemplateId.CycleCancelled] = new(
                "{cycle} has been cancelled",
                [
                    "The talent review {cycle} has been stopped. Reason: {reason}",
                    "Links you received earlier for this review no longer work. There is nothing more you need to do.",
                ]),
        },
        new ValuePhrases(
            OneDay: "1 day",
            ManyDays: "{0} days",
            OneEmployee: "1 person",
            ManyEmployees: "{0} people",
            DevelopmentPlan: "development plan",
            ImprovementPlan: "improvement plan"),
        new SummaryPhrases(
            GridCaption: "9-box grid: performance (across) against potential (up)",
            GridDescription: "{0} people: performance across (low to high), potential up (low to high); each box gives the count, the share and the guidance, and is darker the larger its share.",
            ShareLegend: "Share:",
            PerformanceAxis: "Performance",
            PotentialAxis: "Potential",
            Low: "low",
            Medium: "medium",
            High: "high",
            Guidance: "guidance",
            WithinGuidance: "within guidance",
            AboveGuidance: "above guidance",
            BelowGuidance: "below guidance",
            NoGuidance: "no guidance",
            Promotions: "Proposed promotions",
            HighPerformersAtRisk: "High performers at risk of leaving",
            Completion: "Completion",
            None: "None.",
            Steps: new Dictionary<StepKind, string>
            {
                [StepKind.SelfAssessment] = "Self-assessment",
                [StepKind.ManagerInput] = "Manager input",
                [StepKind.Calibration] = "Calibration",
                [StepKind.Decisions] = "Decisions",
                [StepKind.Release] = "Release",
            },
            Boxes: SummaryPhrases.BoxNamesIn(Language.En)));
}
