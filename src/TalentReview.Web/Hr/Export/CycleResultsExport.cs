using System.Globalization;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Hr.Export;

/// <summary>Every participant of a cycle with their steps, ratings, calibrated box and decision: the results HR exports.</summary>
public sealed class CycleResultsExport(ReviewStore store)
{
    private const int PageSize = 500;

    private static readonly string[] Headers =
    [
        "employeeId", "name", "department", "jobTitle", "level", "groupId", "managerId", "selfAssessment", "managerInput",
        "performance", "potential", "proposedBox", "calibratedBox", "moved", "decision", "decisionFinal", "acknowledged", "acknowledgementComment",
    ];

    public async Task<ExportTable> BuildAsync(string cycleId, CancellationToken cancellationToken)
    {
        var cards = new Dictionary<(string Group, int Chunk), CalibrationChunkDocument?>();
        var decisions = new Dictionary<(string Group, int Chunk), DecisionChunkDocument?>();
        var rows = new List<IReadOnlyList<string>>();
        string? after = null;
        do
        {
            var page = await store.QueryParticipantsAsync(cycleId, ParticipantFilter.All, after, PageSize, cancellationToken);
            foreach (var participant in page.Items.Select(i => i.Value))
            {
                var key = (participant.GroupId, ReviewStore.ChunkOf(participant.GroupOrdinal));
                if (!cards.TryGetValue(key, out var cardChunk))
                {
                    cardChunk = await store.GetCardsAsync(cycleId, key.GroupId, key.Item2, cancellationToken);
                    cards[key] = cardChunk;
                }

                if (!decisions.TryGetValue(key, out var decisionChunk))
                {
                    decisionChunk = await store.GetDecisionsAsync(cycleId, key.GroupId, key.Item2, cancellationToken);
                    decisions[key] = decisionChunk;
                }

                // The ratings the step took: none when it closed without them, whatever was stored after.
                var input = participant.ManagerInputState != StepState.Missing
                    ? (await store.GetManagerInputAsync(cycleId, participant.EmployeeId, cancellationToken))?.Submitted
                    : null;
                var acknowledgement = await store.GetAcknowledgementAsync(cycleId, participant.EmployeeId, cancellationToken);
                var card = cardChunk?.Cards.FirstOrDefault(c => c.EmployeeId == participant.EmployeeId);
                var decision = decisionChunk?.Decisions.FirstOrDefault(d => d.EmployeeId == participant.EmployeeId);
                rows.Add(
                [
                    participant.EmployeeId, participant.Name, participant.Department, participant.JobTitle, participant.Level, participant.GroupId,
                    participant.ManagerId ?? string.Empty, participant.SelfAssessmentState.ToString(), participant.ManagerInputState.ToString(),
                    input?.Performance.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    input?.PotentialLevel.ToString() ?? string.Empty,
                    card?.Proposed?.Box.ToString() ?? string.Empty,
                    card?.Current?.Box.ToString() ?? string.Empty,
                    card is { Proposed: not null, Current: not null } && card.Proposed != card.Current ? "yes" : "no",
                    decision?.Type.ToString() ?? string.Empty,
                    decisionChunk?.Final == true ? "yes" : "no",
                    acknowledgement is null ? "no" : "yes",
                    acknowledgement?.Comment ?? string.Empty,
                ]);
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        return new ExportTable(Headers, rows);
    }
}
