using System.Globalization;

namespace TalentReview.Domain.Planning;

/// <summary>Every reason a plan cannot run, so HR fixes them in one go.</summary>
internal static class CyclePlanValidator
{
    public static IReadOnlyList<ValidationError> Validate(CyclePlan plan)
    {
        var errors = new List<ValidationError>();
        void Add(string field, string code, string message) => errors.Add(new ValidationError(field, code, message));

        if (string.IsNullOrWhiteSpace(plan.Name))
        {
            Add("name", "plan.name.required", "The cycle needs a name.");
        }
        else if (plan.Name.Length > TextLimits.CycleName)
        {
            Add("name", "plan.name.tooLong", $"The cycle's name has at most {TextLimits.CycleName} characters ({plan.Name.Length} given).");
        }

        if (plan.PeriodEnd < plan.PeriodStart)
        {
            Add("periodEnd", "plan.period.order", "The review period ends before it starts.");
        }

        if (!OrganisationTime.IsKnownZone(plan.Time.TimeZoneId))
        {
            Add("time.timeZoneId", "plan.time.unknownZone", $"'{plan.Time.TimeZoneId}' is not a known time zone: give an IANA id such as Europe/Brussels or America/New_York.");
        }

        if (plan.Time.WorkingHour.Second != 0 || plan.Time.WorkingHour.Millisecond != 0)
        {
            Add("time.workingHour", "plan.time.workingHour", "The working hour is a time of day in whole minutes (HH:mm).");
        }

        ValidateSteps(plan, Add);
        ValidateReminders(plan, Add);
        ValidateEscalation(plan, Add);
        ValidateGroups(plan, Add);
        ValidateGuidance(plan, Add);

        var release = plan.Step(StepKind.Release);
        var decisions = plan.Step(StepKind.Decisions);
        if (plan.Release is null)
        {
            Add("release", "plan.release.required", "The plan needs release settings.");
        }
        else if (decisions is not null && plan.Release.ReleaseDate <= decisions.Deadline)
        {
            Add("release.releaseDate", "plan.release.beforeDecisions", "Results can only be released after the decisions deadline.");
        }
        else if (release is not null && (plan.Release.ReleaseDate < release.Opens || plan.Release.ReleaseDate > release.Deadline))
        {
            Add("release.releaseDate", "plan.release.outsideStep", "The release date must fall within the release step.");
        }

        if (plan.Release is { ConversationWorkingDays: < ReleaseSettings.MinConversationWorkingDays or > ReleaseSettings.MaxConversationWorkingDays } window)
        {
            Add("release.conversationWorkingDays", "plan.release.conversationWindow", string.Create(CultureInfo.InvariantCulture,
                $"The conversation window must be {ReleaseSettings.MinConversationWorkingDays} to {ReleaseSettings.MaxConversationWorkingDays} working days (it is {window.ConversationWorkingDays}): managers need at least a day with their team's outcomes, and employees should not wait more than six weeks."));
        }

        if (plan.Eligibility is null)
        {
            Add("eligibility", "plan.eligibility.required", "The plan needs eligibility rules.");
        }
        else
        {
            if (plan.Eligibility.ContractTypes is not { Count: > 0 })
            {
                Add("eligibility.contractTypes", "plan.eligibility.noContractTypes", "At least one contract type must be in scope.");
            }

            if (plan.Eligibility.Statuses is not { Count: > 0 })
            {
                Add("eligibility.statuses", "plan.eligibility.noStatuses", "At least one employment status must be in scope.");
            }
        }

        return errors;
    }

    private static void ValidateSteps(CyclePlan plan, Action<string, string, string> add)
    {
        var steps = plan.Steps ?? [];
        foreach (var kind in Enum.GetValues<StepKind>())
        {
            var count = steps.Count(s => s.Kind == kind);
            if (count == 0)
            {
                add("steps", "plan.step.missing", $"The plan has no {StepNames.Of(kind)} step.");
            }
            else if (count > 1)
            {
                add("steps", "plan.step.duplicate", $"The plan has {count} {StepNames.Of(kind)} steps; one is expected.");
            }
        }

        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Deadline < steps[i].Opens)
            {
                add($"steps[{i}].deadline", "plan.step.deadlineBeforeOpen", string.Create(CultureInfo.InvariantCulture, $"The {StepNames.Of(steps[i].Kind)} step closes ({steps[i].Deadline:yyyy-MM-dd}) before it opens ({steps[i].Opens:yyyy-MM-dd})."));
            }
        }

        // Each step's deadline must follow the previous step's, in the order the cycle runs them.
        var ordered = Enum.GetValues<StepKind>().Select(k => steps.FirstOrDefault(s => s.Kind == k)).OfType<CycleStep>().ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var previous = ordered[i - 1];
            var current = ordered[i];
            if (current.Deadline <= previous.Deadline)
            {
                add($"steps[{IndexOf(steps, current)}].deadline", "plan.step.deadlineOrder",
                    $"The {StepNames.Of(current.Kind)} deadline must come after the {StepNames.Of(previous.Kind)} deadline.");
            }

            if (current.Opens < previous.Opens)
            {
                add($"steps[{IndexOf(steps, current)}].opens", "plan.step.openOrder",
                    $"The {StepNames.Of(current.Kind)} step cannot open before the {StepNames.Of(previous.Kind)} step.");
            }
        }
    }

    private static int IndexOf(IReadOnlyList<CycleStep> steps, CycleStep step)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (ReferenceEquals(steps[i], step))
            {
                return i;
            }
        }

        return -1;
    }

    private static void ValidateReminders(CyclePlan plan, Action<string, string, string> add)
    {
        var reminders = plan.ReminderDaysBeforeDeadline ?? [];
        for (var i = 0; i < reminders.Count; i++)
        {
            if (reminders[i] <= 0)
            {
                add($"reminderDaysBeforeDeadline[{i}]", "plan.reminder.notPositive", "A reminder must be at least one day before the deadline.");
            }
        }

        if (reminders.Distinct().Count() != reminders.Count)
        {
            add("reminderDaysBeforeDeadline", "plan.reminder.duplicate", "The same reminder offset appears twice.");
        }

        // Reminders go to people filling in forms; one that falls before the form opens makes no sense.
        var formSteps = (plan.Steps ?? []).Where(s => s.Kind is StepKind.SelfAssessment or StepKind.ManagerInput && s.Deadline >= s.Opens).ToList();
        if (formSteps.Count == 0)
        {
            return;
        }

        var shortestStep = formSteps.Min(s => s.Deadline.DayNumber - s.Opens.DayNumber);
        for (var i = 0; i < reminders.Count; i++)
        {
            if (reminders[i] > shortestStep)
            {
                add($"reminderDaysBeforeDeadline[{i}]", "plan.reminder.beforeOpen",
                    $"A reminder {reminders[i]} days before the deadline would go out before the form opens (the shortest form step lasts {shortestStep} days).");
            }
        }
    }

    private static void ValidateEscalation(CyclePlan plan, Action<string, string, string> add)
    {
        var levels = plan.Escalation?.Levels ?? [];
        if (levels.Count == 0)
        {
            add("escalation.levels", "plan.escalation.empty", "The escalation policy needs at least one level.");
            return;
        }

        for (var i = 0; i < levels.Count; i++)
        {
            if (levels[i].DaysAfterDeadline < 0)
            {
                add($"escalation.levels[{i}].daysAfterDeadline", "plan.escalation.negative", "Escalation happens after the deadline, not before.");
            }

            if (i > 0 && levels[i].DaysAfterDeadline <= levels[i - 1].DaysAfterDeadline)
            {
                add($"escalation.levels[{i}].daysAfterDeadline", "plan.escalation.order", "Each escalation level must come later than the one before.");
            }

            if (i > 0 && levels[i].Target <= levels[i - 1].Target)
            {
                add($"escalation.levels[{i}].target", "plan.escalation.targetOrder", "Escalation goes up: manager, then skip-level manager, then HR.");
            }
        }
    }

    private static void ValidateGroups(CyclePlan plan, Action<string, string, string> add)
    {
        var groups = plan.Groups ?? [];
        if (groups.Count == 0)
        {
            add("groups", "plan.groups.empty", "The plan needs at least one calibration group.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            if (string.IsNullOrWhiteSpace(group.Id))
            {
                add($"groups[{i}].id", "plan.group.idRequired", "Every calibration group needs an id.");
            }
            else if (group.Id.Length > TextLimits.Id)
            {
                add($"groups[{i}].id", "plan.group.idTooLong", $"A group id has at most {TextLimits.Id} characters ({group.Id.Length} given).");
            }
            else if (!ids.Add(group.Id))
            {
                add($"groups[{i}].id", "plan.group.duplicateId", $"Group id '{group.Id}' is used twice.");
            }

            if (group.Name is { Length: > TextLimits.Label })
            {
                add($"groups[{i}].name", "plan.group.nameTooLong", $"A group name has at most {TextLimits.Label} characters ({group.Name.Length} given).");
            }

            if (group.Members is not { Count: > 0 })
            {
                add($"groups[{i}].members", "plan.group.noMembers", $"Group '{group.Name}' does not say which {MemberNoun(group.Kind)} it covers.");
            }

            if (group.Calibrators is not { Count: > 0 } || group.Calibrators.All(string.IsNullOrWhiteSpace))
            {
                add($"groups[{i}].calibrators", "plan.group.noCalibrator", $"Group '{group.Name}' has no calibrator.");
            }
        }
    }

    private static string MemberNoun(GroupKind kind) => kind switch
    {
        GroupKind.ByDepartment => "departments",
        GroupKind.ByLevel => "levels",
        _ => "employees",
    };

    private static void ValidateGuidance(CyclePlan plan, Action<string, string, string> add)
    {
        var shares = plan.Guidance?.Shares ?? [];
        var total = shares.Sum(s => s.Percent);
        if (total != 100m)
        {
            add("guidance.shares", "plan.guidance.sum", string.Create(CultureInfo.InvariantCulture, $"The distribution guidance adds up to {total} %, not 100 %."));
        }

        for (var i = 0; i < shares.Count; i++)
        {
            if (shares[i].Percent < 0)
            {
                add($"guidance.shares[{i}].percent", "plan.guidance.negative", $"The share for {shares[i].Box} is negative.");
            }

            if (!Enum.IsDefined(shares[i].Box))
            {
                add($"guidance.shares[{i}].box", "plan.guidance.unknownBox", "Not a box of the grid.");
            }
        }

        foreach (var duplicate in shares.GroupBy(s => s.Box).Where(g => g.Count() > 1))
        {
            add("guidance.shares", "plan.guidance.duplicateBox", $"{duplicate.Key} has more than one share.");
        }
    }
}
