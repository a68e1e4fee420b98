using TalentReview.Workflow.Notifications;

namespace TalentReview.Infrastructure.Email.Templates;

/// <summary>Turns a message's content into the template to use and the values to fill in.</summary>
internal static class EmailValueMapper
{
    public static (TemplateId Template, TemplateValues Values) Map(EmailMessage message, string cycleName)
    {
        var pack = TemplateCatalog.Pack(message.To.Language);
        var format = TemplateCatalog.Formatter(message.To.Language);
        var values = new TemplateValues();
        values.Shared[TemplateCompiler.CycleSlot] = TemplateValue.Plain(cycleName);
        values.Personal[TemplateCompiler.NameSlot] = TemplateValue.Plain(message.To.Name);
        var personal = values.Personal;

        void Link(Uri link) => personal[TemplateCompiler.LinkSlot] = TemplateValue.Plain(link.AbsoluteUri);
        void Text(string slot, string value) => personal[slot] = TemplateValue.Plain(value);

        TemplateId id;
        switch (message.Content)
        {
            case SelfAssessmentInvitation invitation:
                id = TemplateId.SelfAssessmentInvitation;
                Link(invitation.Link);
                Text("deadline", format.Date(invitation.Deadline));
                break;
            case SelfAssessmentReminder reminder:
                id = TemplateId.SelfAssessmentReminder;
                Link(reminder.Link);
                Text("deadline", format.Date(reminder.Deadline));
                Text("daysLeft", format.Days(reminder.DaysLeft));
                break;
            case ManagerDigest digest:
                id = digest.IsReminder ? TemplateId.ManagerReminder : TemplateId.ManagerDigest;
                Link(digest.TeamLink);
                Text("deadline", format.Date(digest.Deadline));
                personal["reports"] = format.List(digest.PendingReportNames);
                break;
            case EscalationNotice escalation:
                id = escalation.Level == EscalationLevel.HumanResources ? TemplateId.EscalationToHumanResources : TemplateId.EscalationToSkipLevelManager;
                Link(escalation.Link);
                Text("manager", escalation.OverdueManagerName);
                Text("deadline", format.Date(escalation.NewDeadline));
                personal["reports"] = format.List(escalation.OverdueReportNames);
                break;
            case CalibrationReady calibration:
                id = calibration switch
                {
                    { IsReminder: true } => TemplateId.CalibrationReminder,
                    { MissingInputs: > 0 } => TemplateId.CalibrationReadyIncomplete,
                    _ => TemplateId.CalibrationReady,
                };
                Link(calibration.BoardLink);
                Text("group", calibration.GroupName);
                Text("participants", format.Employees(calibration.ParticipantCount));
                Text("missing", format.Employees(calibration.MissingInputs));
                Text("deadline", format.Date(calibration.Deadline));
                break;
            case CalibrationOverdue overdue:
                id = overdue.Stage switch
                {
                    OverdueStage.Hr => TemplateId.CalibrationOverdueToHr,
                    OverdueStage.Leadership => TemplateId.CalibrationOverdueToLeadership,
                    _ => TemplateId.CalibrationOverdue,
                };
                if (overdue.BoardLink is { } board)
                {
                    Link(board);
                }

                Text("group", overdue.GroupName);
                Text("participants", format.Employees(overdue.ParticipantCount));
                Text("deadline", format.Date(overdue.Deadline));
                break;
            case DecisionsPending decisions:
                id = decisions.IsOverdue ? TemplateId.DecisionsOverdue : TemplateId.DecisionsReminder;
                Link(decisions.DecisionsLink);
                Text("group", decisions.GroupName);
                Text("participants", format.Employees(decisions.ParticipantCount));
                Text("deadline", format.Date(decisions.Deadline));
                break;
            case LeadershipSummaryNotice summary:
                // The grid and lists are the same for everyone who receives this summary: written into the body once, not substituted per recipient.
                id = TemplateId.LeadershipSummary;
                Link(summary.SummaryLink);
                values.Shared["scope"] = TemplateValue.Plain(summary.Scope);
                values.Shared["total"] = TemplateValue.Plain(format.Employees(summary.TotalPlaced));
                values.Shared["summary"] = LeadershipSummaryBlock.Render(summary, pack, format);
                break;
            case ManagerRelease release:
                id = TemplateId.ManagerRelease;
                Link(release.TeamOutcomesLink);
                Text("reportCount", format.Employees(release.ReportCount));
                break;
            case EmployeeRelease release:
                id = TemplateId.EmployeeRelease;
                Link(release.OutcomeLink);
                break;
            case FollowUpReminder followUp:
                id = TemplateId.FollowUpReminder;
                Link(followUp.Link);
                Text("employee", followUp.EmployeeName);
                Text("plan", followUp.Plan == FollowUpPlan.ImprovementPlan ? pack.Values.ImprovementPlan : pack.Values.DevelopmentPlan);
                Text("dueDate", format.Date(followUp.DueDate));
                Text("number", format.Number(followUp.FollowUpNumber));
                break;
            case ManagerReassigned reassigned:
                id = TemplateId.ManagerReassigned;
                Link(reassigned.TeamLink);
                Text("employee", reassigned.EmployeeName);
                Text("deadline", format.Date(reassigned.Deadline));
                break;
            case CycleCancelled cancelled:
                id = TemplateId.CycleCancelled;
                Text("reason", cancelled.Reason);
                break;
            default:
                throw new NotSupportedException($"No email template for {message.Content.GetType().Name}.");
        }

        return (id, values);
    }
}
