using TalentReview.Domain.Talent.History;

namespace TalentReview.Workflow.Talent.History;

/// <summary>
/// What is kept of people's released outcomes across cycles (within the retention policy): the
/// read side for profiles, career paths, indicators, succession and talent pools.
/// </summary>
public interface ITalentHistory
{
    /// <summary>One person's outcomes, oldest cycle first, with the trend; empty when nothing is kept.</summary>
    Task<TalentHistory> GetHistoryAsync(string employeeId, CancellationToken cancellationToken = default);

    /// <summary>Each person's latest released outcome, by employee id.</summary>
    Task<IReadOnlyList<TalentOutcome>> GetLatestOutcomesAsync(CancellationToken cancellationToken = default);

    /// <summary>The latest released outcome of each of these people who has one, by employee id: a query on their ids, not a read of everyone's history.</summary>
    Task<IReadOnlyList<TalentOutcome>> GetLatestOutcomesOfAsync(IReadOnlyCollection<string> employeeIds, CancellationToken cancellationToken = default);

    /// <summary>Every outcome kept, of every person and cycle (for career paths and indicators), by employee id then cycle.</summary>
    Task<IReadOnlyList<TalentOutcome>> GetAllOutcomesAsync(CancellationToken cancellationToken = default);
}
