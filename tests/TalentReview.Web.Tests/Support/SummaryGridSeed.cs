using TalentReview.Domain.Decisions;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Summaries;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Tests.Support;

/// <summary>
/// A calibrated cycle for the leadership summary: the first report placed as Star with a merit increase,
/// the others as Core player with no change, and the group's and the organisation's summaries computed
/// from those placements as the release computes them.
/// </summary>
public sealed record SummaryGridSeed(CycleSeed Cycle, int Population, decimal StarGuidance, decimal CoreGuidance)
{
    public static async Task<SummaryGridSeed> WriteAsync(ReviewStore store)
    {
        var seed = await CycleSeed.WriteAsync(store, GroupPhase.DecisionsFinalised);
        var cycle = (await store.GetCycleAsync(CycleSeed.CycleId))!;
        var positions = seed.Reports.Select((r, i) => (r.Id, Position: GridPosition.Of(i == 0 ? GridBox.Star : GridBox.CorePlayer))).ToList();
        await store.UpsertCardsAsync(new CalibrationChunkDocument(CycleSeed.CycleId, CycleSeed.GroupId, 0, [.. positions.Select(p => new CalibrationCard(
            p.Id, seed.Manager.Id, p.Position, p.Position, []))]));
        var day = new DateOnly(2026, 2, 20);
        List<Decision> decisions = [.. seed.Reports.Select((r, i) => i == 0 ? (Decision)new MeritIncreaseDecision(r.Id, day, "hr-1", 3m) : new NoChangeDecision(r.Id, day, "hr-1"))];
        await store.UpsertDecisionsAsync(new DecisionChunkDocument(CycleSeed.CycleId, CycleSeed.GroupId, 0, true, decisions));

        var input = new SummaryInput("Operations", [.. positions.Select(p => new FinalPlacement(p.Id, p.Position, FlightRisk.Low))], [], decisions, [], cycle.Plan.Guidance);
        await store.UpsertSummaryAsync(new SummaryDocument(CycleSeed.CycleId, CycleSeed.GroupId, CycleSummary.Summarise(input), TestApp.Start));
        await store.UpsertSummaryAsync(new SummaryDocument(CycleSeed.CycleId, "all", CycleSummary.Summarise(SummaryInput.Combine("all", [input], cycle.Plan.Guidance)), TestApp.Start));
        return new SummaryGridSeed(seed, positions.Count, cycle.Plan.Guidance.PercentFor(GridBox.Star), cycle.Plan.Guidance.PercentFor(GridBox.CorePlayer));
    }
}
