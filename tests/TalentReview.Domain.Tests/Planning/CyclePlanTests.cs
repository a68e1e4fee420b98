using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;
using TalentReview.Domain.Tests.Rosters;

namespace TalentReview.Domain.Tests.Planning;

public sealed class CyclePlanTests
{
    private static readonly DateOnly Start = new(2027, 1, 11);

    private static readonly Roster Company = Roster.Create([
        RosterTests.Person("E1", null, "Board"),
        RosterTests.Person("E2", "E1", "Sales"),
        RosterTests.Person("E3", "E2", "Sales"),
        RosterTests.Person("E4", "E1", "IT"),
        RosterTests.Person("E5", "E4", "IT"),
    ]).Roster!;

    private static CyclePlan Plan() => CyclePlan.Default("Talent review 2026", Start, Company, ["hr@meridia.example"]);

    private static IReadOnlyList<string> Codes(CyclePlan plan) => [.. plan.Validate().Select(e => e.Code)];

    [Fact]
    public void Default_IsValid()
    {
        Assert.Empty(Plan().Validate());
    }

    [Fact]
    public void Default_HasTheFiveStepsInOrderWithRemindersAndEscalation()
    {
        var plan = Plan();

        Assert.Equal(Enum.GetValues<StepKind>(), plan.Steps.Select(s => s.Kind));
        Assert.Equal(Start, plan.Step(StepKind.SelfAssessment)!.Opens);
        Assert.Equal([7, 2], plan.ReminderDaysBeforeDeadline);
        Assert.Equal([EscalationTarget.Manager, EscalationTarget.SkipLevelManager, EscalationTarget.Hr], plan.Escalation.Levels.Select(l => l.Target));
        Assert.Equal(new DateOnly(2026, 1, 11), plan.PeriodStart);
        Assert.Equal(new DateOnly(2027, 1, 10), plan.PeriodEnd);
        Assert.False(plan.Release.ShowPotential);
        Assert.True(plan.Release.ShowPerformance);
        Assert.True(plan.Release.ShowDecision);
    }

    [Fact]
    public void Default_HasOneGroupPerDepartmentLedByItsMostSeniorManagersAndHr()
    {
        var groups = Plan().Groups;

        Assert.Equal(["Board", "IT", "Sales"], groups.Select(g => g.Name));
        var sales = groups.Single(g => g.Name == "Sales");
        Assert.Equal(GroupKind.ByDepartment, sales.Kind);
        Assert.Equal(["E2", "hr@meridia.example"], sales.Calibrators);
    }

    [Fact]
    public void Validate_DeadlinesOutOfOrder_IsRejected()
    {
        var plan = Plan();
        var steps = plan.Steps.ToArray();
        steps[1] = steps[1] with { Deadline = steps[0].Deadline.AddDays(-1) };

        var errors = (plan with { Steps = steps }).Validate();

        Assert.Contains(errors, e => e is { Code: "plan.step.deadlineOrder", Field: "steps[1].deadline" });
    }

    [Fact]
    public void Validate_StepOpeningAfterItsDeadline_IsRejected()
    {
        var plan = Plan();
        var steps = plan.Steps.ToArray();
        steps[2] = steps[2] with { Opens = steps[2].Deadline.AddDays(1) };

        Assert.Contains("plan.step.deadlineBeforeOpen", Codes(plan with { Steps = steps }));
    }

    [Fact]
    public void Validate_MissingStep_IsRejected()
    {
        var plan = Plan();

        Assert.Contains("plan.step.missing", Codes(plan with { Steps = [.. plan.Steps.Where(s => s.Kind != StepKind.Calibration)] }));
    }

    [Fact]
    public void Validate_GroupWithoutCalibrator_IsRejectedNamingTheGroup()
    {
        var plan = Plan();
        var groups = plan.Groups.ToArray();
        groups[0] = groups[0] with { Calibrators = [] };

        var error = Assert.Single((plan with { Groups = groups }).Validate());

        Assert.Equal(("groups[0].calibrators", "plan.group.noCalibrator"), (error.Field, error.Code));
        Assert.Contains("Board", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GuidanceNotSummingToHundred_IsRejectedWithTheTotal()
    {
        var plan = Plan() with { Guidance = new DistributionGuidance([new BoxShare(GridBox.CorePlayer, 60), new BoxShare(GridBox.Star, 30)]) };

        var error = Assert.Single(plan.Validate());

        Assert.Equal("plan.guidance.sum", error.Code);
        Assert.Contains("90", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReleaseBeforeDecisionsDeadline_IsRejected()
    {
        var plan = Plan();

        var codes = Codes(plan with { Release = plan.Release with { ReleaseDate = plan.Step(StepKind.Decisions)!.Deadline } });

        Assert.Equal(["plan.release.beforeDecisions"], codes);
    }

    [Fact]
    public void Validate_EscalationGoingDown_IsRejected()
    {
        var plan = Plan() with
        {
            Escalation = new EscalationPolicy([new EscalationLevel(EscalationTarget.Hr, 1), new EscalationLevel(EscalationTarget.Manager, 1)]),
        };

        Assert.Equal(["plan.escalation.order", "plan.escalation.targetOrder"], Codes(plan));
    }

    [Fact]
    public void Validate_ReminderBeforeTheFormOpens_IsRejected()
    {
        Assert.Equal(["plan.reminder.beforeOpen"], Codes(Plan() with { ReminderDaysBeforeDeadline = [30, 2] }));
    }

    [Fact]
    public void Validate_SeveralProblems_AreAllReturned()
    {
        var plan = Plan() with
        {
            Name = " ",
            Groups = [],
            Guidance = new DistributionGuidance([]),
            ReminderDaysBeforeDeadline = [0],
        };

        Assert.Equal(["plan.name.required", "plan.reminder.notPositive", "plan.groups.empty", "plan.guidance.sum"], Codes(plan));
    }

    [Theory]
    [InlineData(GroupKind.ByDepartment, "it", true)]
    [InlineData(GroupKind.ByDepartment, "Sales", false)]
    [InlineData(GroupKind.ByLevel, "L2", true)]
    [InlineData(GroupKind.Explicit, "E5", true)]
    [InlineData(GroupKind.Explicit, "e5", false)]
    public void Includes_MatchesByTheGroupKind(GroupKind kind, string member, bool included)
    {
        var group = new CalibrationGroup("g", "Group", kind, [member], ["hr"]);

        Assert.Equal(included, group.Includes(RosterTests.Person("E5", "E4", "IT", level: "L2")));
    }

    [Fact]
    public void GroupAssignment_ExplicitListWinsOverDepartmentAndUnmatchedAreListed()
    {
        CalibrationGroup[] groups =
        [
            new("sales", "Sales", GroupKind.ByDepartment, ["sales"], ["E1"]),
            new("talent", "Talent pool", GroupKind.Explicit, ["E3"], ["hr"]),
            new("seniors", "Seniors", GroupKind.ByLevel, ["L3"], ["hr"]),
        ];
        var roster = Roster.Create([
            RosterTests.Person("E1", null, "Board", level: "L9"),
            RosterTests.Person("E2", "E1", "Sales"),
            RosterTests.Person("E3", "E2", "Sales"),
            RosterTests.Person("E4", "E1", "IT", level: "L3"),
            RosterTests.Person("E5", "E1", "IT", level: "L2"),
        ]).Roster!;

        var assignment = GroupAssignment.Assign(groups, roster, ["E1", "E2", "E3", "E4", "E5"]);

        Assert.Equal(["E2"], assignment.EmployeeIdsByGroup["sales"]);
        Assert.Equal(["E3"], assignment.EmployeeIdsByGroup["talent"]);
        Assert.Equal(["E4"], assignment.EmployeeIdsByGroup["seniors"]);
        Assert.Equal(["E1", "E5"], assignment.Unassigned);
    }
}
