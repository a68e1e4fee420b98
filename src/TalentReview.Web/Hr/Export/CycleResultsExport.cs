using TalentReview.Domain;
using TalentReview.Domain.Decisions;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;
using TalentReview.Web.Calibration;
using TalentReview.Web.Localization;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Hr.Export;

/// <summary>
/// What HR exports of a cycle, in the reader's language: every participant with their steps, ratings, boxes,
/// the full decision (type, level and title, merit %, goals, follow-up dates) and acknowledgement; and every
/// move on the calibration boards with its reason. Labels, never internal codes.
/// </summary>
public sealed class CycleResultsExport(ReviewStore store)
{
    private const int PageSize = 500;

    public async Task<IReadOnlyList<ExportTable>> BuildAsync(string cycleId, Language language, CancellationToken cancellationToken)
    {
        // Times people read are in the cycle's zone, as in the emails.
        var zone = ((await store.GetCycleAsync(cycleId, cancellationToken))?.Plan.Time ?? OrganisationTime.Default).Zone;
        var groups = new Dictionary<string, CalibrationGroupDocument>(StringComparer.Ordinal);
        string? after = null;
        do
        {
            var page = await store.QueryGroupsAsync(cycleId, after, 200, cancellationToken);
            foreach (var group in page.Items.Select(i => i.Value))
            {
                groups[group.GroupId] = group;
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var calibrator in groups.Values.SelectMany(g => g.Calibrators))
        {
            names.TryAdd(calibrator.Id, calibrator.Name);
        }

        do
        {
            var page = await store.QueryTeamsAsync(cycleId, after, 200, cancellationToken);
            foreach (var team in page.Items.Select(i => i.Value))
            {
                names[team.ManagerId] = team.Manager.Name;
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        var people = new List<Person>();
        var cards = new Dictionary<(string Group, int Chunk), CalibrationChunkDocument?>();
        var decisions = new Dictionary<(string Group, int Chunk), DecisionChunkDocument?>();
        do
        {
            var page = await store.QueryParticipantsAsync(cycleId, ParticipantFilter.All, after, PageSize, cancellationToken);
            foreach (var participant in page.Items.Select(i => i.Value))
            {
                names[participant.EmployeeId] = participant.Name;
                var key = (participant.GroupId, ReviewStore.ChunkOf(participant.GroupOrdinal));
                if (!cards.TryGetValue(key, out var cardChunk))
                {
                    cards[key] = cardChunk = await store.GetCardsAsync(cycleId, key.GroupId, key.Item2, cancellationToken);
                }

                if (!decisions.TryGetValue(key, out var decisionChunk))
                {
                    decisions[key] = decisionChunk = await store.GetDecisionsAsync(cycleId, key.GroupId, key.Item2, cancellationToken);
                }

                // The ratings the step took: none when it closed without them, whatever was stored after.
                var input = participant.ManagerInputState is StepState.Pending or StepState.Submitted
                    ? (await store.GetManagerInputAsync(cycleId, participant.EmployeeId, cancellationToken))?.Submitted
                    : null;
                people.Add(new Person(
                    participant,
                    input,
                    await store.GetAcknowledgementAsync(cycleId, participant.EmployeeId, cancellationToken),
                    cardChunk?.Cards.FirstOrDefault(c => c.EmployeeId == participant.EmployeeId),
                    decisionChunk?.Decisions.FirstOrDefault(d => d.EmployeeId == participant.EmployeeId),
                    decisionChunk?.Final == true));
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        var audit = await store.GetAllAuditAsync(cycleId, cancellationToken);
        return [Results(people, groups, names, language, zone), Moves(audit, groups, names, language, zone)];
    }

    private static ExportTable Results(List<Person> people, Dictionary<string, CalibrationGroupDocument> groups, Dictionary<string, string> names, Language language, TimeZoneInfo zone)
    {
        var followUps = people.Max(p => FollowUpsOf(p.Decision).Count as int?) ?? 0;
        List<ExportColumn> columns =
        [
            new(ExportTexts.EmployeeId[language], Width: 14),
            new(ExportTexts.Name[language], Width: 26),
            new(ExportTexts.Department[language]),
            new(ExportTexts.JobTitle[language], Width: 24),
            new(ExportTexts.Level[language], Width: 8),
            new(ExportTexts.Group[language]),
            new(ExportTexts.Manager[language], Width: 24),
            new(ExportTexts.SelfAssessment[language], Width: 20),
            new(ExportTexts.ManagerInput[language], Width: 20),
            new(ExportTexts.PerformanceScore[language], ExportCellKind.Number, 12),
            new(ExportTexts.Potential[language], Width: 12),
            new(ExportTexts.Readiness[language], Width: 26),
            new(ExportTexts.ProposedBox[language], Width: 22),
            new(ExportTexts.CalibratedBox[language], Width: 22),
            new(ExportTexts.Moved[language], Width: 12),
            new(ExportTexts.Decision[language], Width: 30),
            new(ExportTexts.NewLevel[language], Width: 10),
            new(ExportTexts.NewJobTitle[language], Width: 24),
            new(ExportTexts.MeritPercent[language], ExportCellKind.Number, 12),
            new(ExportTexts.TargetDepartment[language]),
            new(ExportTexts.ReturnsOn[language], ExportCellKind.Date, 12),
            new(ExportTexts.Goals[language], Width: 40),
            .. Enumerable.Range(1, followUps).Select(n => new ExportColumn(ExportTexts.FollowUp.Format(language, n), ExportCellKind.Date, 14)),
            new(ExportTexts.Reason[language], Width: 30),
            new(ExportTexts.Note[language], Width: 30),
            new(ExportTexts.DecidedOn[language], ExportCellKind.Date, 12),
            new(ExportTexts.DecisionFinal[language], Width: 12),
            new(ExportTexts.AcknowledgedAt[language], ExportCellKind.DateTime, 17),
            new(ExportTexts.AcknowledgementComment[language], Width: 40),
        ];

        var rows = people.Select(p =>
        {
            var participant = p.Participant;
            var decision = p.Decision;
            var dates = FollowUpsOf(decision);
            return (IReadOnlyList<object?>)
            [
                participant.EmployeeId,
                participant.Name,
                participant.Department,
                participant.JobTitle,
                participant.Level,
                groups.TryGetValue(participant.GroupId, out var group) ? group.Name : participant.GroupId,
                participant.ManagerId is { } managerId ? names.GetValueOrDefault(managerId, managerId) : null,
                ExportTexts.Of(participant.SelfAssessmentState)[language],
                ExportTexts.Of(participant.ManagerInputState)[language],
                p.Input?.Performance,
                p.Input is { } input ? DomainTexts.Of(input.PotentialLevel)[language] : null,
                p.Input is { } readiness ? DomainTexts.Of(readiness.Readiness)[language] : null,
                BoxOf(p.Card?.Proposed, p.Card is not null, language),
                BoxOf(p.Card?.Current, p.Card is not null, language),
                p.Card is null ? null : YesNo(p.Card.Proposed != p.Card.Current, language),
                decision is null ? null : DomainTexts.Of(decision.Type)[language],
                decision switch { PromotionDecision d => d.NewLevel, StepBackDecision d => d.NewLevel, _ => null },
                decision switch { PromotionDecision d => d.NewJobTitle, StepBackDecision d => d.NewJobTitle, LateralMoveDecision d => d.TargetJobTitle, _ => null },
                (decision as MeritIncreaseDecision)?.Percent,
                decision switch { LateralMoveDecision d => d.TargetDepartment, JobRotationDecision d => d.TargetDepartment, _ => null },
                (decision as JobRotationDecision)?.ReturnsOn,
                decision switch
                {
                    DevelopmentPlanDecision d => string.Join("; ", d.Goals),
                    PerformanceImprovementPlanDecision d => string.Join("; ", d.Goals),
                    _ => null,
                },
                .. Enumerable.Range(0, followUps).Select(i => i < dates.Count ? (object?)dates[i] : null),
                decision switch { PromotionDecision d => d.OverrideReason, StepBackDecision d => d.Reason, ExitSupportDecision d => d.Support, _ => null },
                decision?.Note,
                decision?.DecidedOn,
                decision is null ? null : YesNo(p.Final, language),
                p.Acknowledgement is { } acknowledged ? Local(acknowledged.AcknowledgedAt, zone) : null,
                p.Acknowledgement?.Comment,
            ];
        }).ToList();
        return new ExportTable(ExportTexts.ResultsSheet[language], columns, rows);
    }

    private static ExportTable Moves(IReadOnlyList<CalibrationAuditDocument> audit, Dictionary<string, CalibrationGroupDocument> groups, Dictionary<string, string> names, Language language, TimeZoneInfo zone)
    {
        List<ExportColumn> columns =
        [
            new(ExportTexts.EmployeeId[language], Width: 14),
            new(ExportTexts.Name[language], Width: 26),
            new(ExportTexts.Group[language]),
            new(ExportTexts.From[language], Width: 22),
            new(ExportTexts.To[language], Width: 22),
            new(ExportTexts.Reason[language], Width: 50),
            new(ExportTexts.MovedBy[language], Width: 24),
            new(ExportTexts.MovedAt[language], ExportCellKind.DateTime, 17),
        ];
        var rows = audit.OrderBy(a => a.Adjustment.At).Select(a => (IReadOnlyList<object?>)
        [
            a.EmployeeId,
            names.GetValueOrDefault(a.EmployeeId, a.EmployeeId),
            groups.TryGetValue(a.GroupId, out var group) ? group.Name : a.GroupId,
            // A placement comes from the holding area, as the board's audit trail says.
            a.Adjustment.From is { } from ? DomainTexts.BoxName(from.Box, language) : CalibrationTexts.HoldingArea[language],
            DomainTexts.BoxName(a.Adjustment.To.Box, language),
            a.Adjustment.Reason,
            names.GetValueOrDefault(a.Adjustment.By, a.Adjustment.By),
            Local(a.Adjustment.At, zone),
        ]).ToList();
        return new ExportTable(ExportTexts.MovesSheet[language], columns, rows);
    }

    private static IReadOnlyList<DateOnly> FollowUpsOf(Decision? decision) => decision switch
    {
        DevelopmentPlanDecision d => d.FollowUps,
        PerformanceImprovementPlanDecision d => d.FollowUps,
        _ => [],
    };

    private static string? BoxOf(GridPosition? position, bool onBoard, Language language)
        => position is { } placed ? DomainTexts.BoxName(placed.Box, language) : onBoard ? ExportTexts.HoldingArea[language] : null;

    private static string YesNo(bool value, Language language) => (value ? ExportTexts.Yes : ExportTexts.No)[language];

    private static DateTime Local(DateTimeOffset moment, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(moment, zone).DateTime;

    private sealed record Person(
        ParticipantDocument Participant,
        Domain.Forms.ManagerInput? Input,
        AcknowledgementDocument? Acknowledgement,
        CalibrationCard? Card,
        Decision? Decision,
        bool Final);
}
