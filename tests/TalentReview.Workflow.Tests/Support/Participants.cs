using TalentReview.Domain;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Tests.Support;

internal static class Participants
{
    public static ParticipantDocument Pending(string cycleId, string employeeId, string managerId = "m1", string groupId = "g1", int ordinal = 0)
        => new(cycleId, employeeId, $"Employee {employeeId}", $"{employeeId}@example.test", Language.Nl, "Sales", "Advisor", "L2", groupId, ordinal,
            managerId, "s1", StepState.Pending, StepState.Pending, "n-self", "n-input", "n-outcome");
}
