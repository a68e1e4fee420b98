using TalentReview.Domain.Calibration;
using TalentReview.Domain.Forms;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TalentReview.Workflow.Storage;

namespace TalentReview.Workflow.Calibration;

/// <summary>
/// Builds a group's calibration packet from the store: one card per member placed where the
/// manager's input puts them (or in the holding area when input is missing), with the domain's
/// analytics as flags on the cards and as group-wide figures on the group document. Cards are
/// written in chunks of <see cref="ReviewStore.ChunkSize"/> by group ordinal; then the board opens.
/// </summary>
public sealed class BuildCalibrationPacket(ReviewStore store) : TaskActivity<GroupRef, PacketSummary>
{
    public override async Task<PacketSummary> RunAsync(TaskActivityContext context, GroupRef input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var cancellation = CancellationToken.None;
        var cycle = await store.GetCycleAsync(input.CycleId, cancellation) ?? throw new InvalidOperationException($"Cycle {input.CycleId} is not stored.");
        var group = await store.GetGroupAsync(input.CycleId, input.GroupId, cancellation) ?? throw new InvalidOperationException($"Group {input.GroupId} is not stored.");
        if (group.Phase != GroupPhase.CollectingInput)
        {
            return new PacketSummary(group.Members, group.Analytics?.Rated ?? 0, group.Members - (group.Analytics?.Rated ?? 0));
        }

        var members = new List<(ParticipantDocument Participant, ManagerInput? Input, SelfAssessment? Self)>(group.Members);
        string? after = null;
        do
        {
            var page = await store.QueryParticipantsAsync(input.CycleId, new ParticipantFilter(GroupId: input.GroupId), after, 200, cancellation);
            foreach (var participant in page.Items.Select(i => i.Value))
            {
                var managerInput = await store.GetManagerInputAsync(input.CycleId, participant.EmployeeId, cancellation);
                var self = await store.GetSelfAssessmentAsync(input.CycleId, participant.EmployeeId, cancellation);
                members.Add((participant, managerInput?.Submitted, self?.Submitted));
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        var candidates = members.Select(m => new CalibrationCandidate(m.Participant.EmployeeId, m.Participant.ManagerId, m.Input, m.Self?.OverallSelfRating)).ToList();
        var analysis = CalibrationAnalytics.Analyse(candidates, cycle.Plan.Guidance);
        var flags = FlagsByEmployee(analysis, members.Where(m => m.Self is null).Select(m => m.Participant.EmployeeId), members.ToDictionary(m => m.Participant.EmployeeId, m => m.Participant.ManagerId));

        foreach (var chunk in members.GroupBy(m => ReviewStore.ChunkOf(m.Participant.GroupOrdinal)))
        {
            var cards = chunk.Select(m =>
            {
                var position = m.Input?.Position;
                return new CalibrationCard(m.Participant.EmployeeId, m.Participant.ManagerId, position, position, flags.GetValueOrDefault(m.Participant.EmployeeId) ?? [], m.Input?.FlightRisk);
            }).ToList();
            await store.UpsertCardsAsync(new CalibrationChunkDocument(input.CycleId, input.GroupId, chunk.Key, cards), cancellation);
        }

        var analytics = new GroupAnalytics(analysis.Members, analysis.Rated, analysis.Distribution, analysis.ManagerTendencies);
        await store.UpdateGroupAsync(input.CycleId, input.GroupId, g => g is null ? null : g with { Phase = GroupPhase.Calibrating, Analytics = analytics }, cancellation);
        return new PacketSummary(members.Count, analysis.Rated, members.Count(m => m.Input is null));
    }

    internal static Dictionary<string, List<CardFlag>> FlagsByEmployee(CalibrationAnalysis analysis, IEnumerable<string> missingSelfAssessment, IReadOnlyDictionary<string, string?> managerOf)
    {
        var flags = new Dictionary<string, List<CardFlag>>(StringComparer.Ordinal);
        void Add(string employeeId, CardFlag flag)
        {
            if (!flags.TryGetValue(employeeId, out var list))
            {
                list = [];
                flags[employeeId] = list;
            }

            list.Add(flag);
        }

        foreach (var gap in analysis.SelfManagerGaps)
        {
            Add(gap.EmployeeId, CardFlag.SelfManagerGap);
        }

        foreach (var id in analysis.ExtremeRatingsWithoutEvidence)
        {
            Add(id, CardFlag.ExtremeRatingWithoutEvidence);
        }

        foreach (var id in missingSelfAssessment)
        {
            Add(id, CardFlag.MissingSelfAssessment);
        }

        var tendencies = analysis.ManagerTendencies.ToDictionary(t => t.ManagerId, t => t.Tendency, StringComparer.Ordinal);
        foreach (var (employeeId, managerId) in managerOf)
        {
            if (managerId is not null && tendencies.TryGetValue(managerId, out var tendency))
            {
                Add(employeeId, tendency == RatingTendency.Lenient ? CardFlag.LenientManager : CardFlag.SevereManager);
            }
        }

        return flags;
    }
}
