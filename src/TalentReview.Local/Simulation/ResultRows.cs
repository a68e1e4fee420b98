using System.Globalization;
using System.Text;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Rosters;
using TalentReview.Workflow.Storage;

namespace TalentReview.Local.Simulation;

/// <summary>One employee's result in the export: where the manager placed them, where calibration put them, and the decision.</summary>
public sealed record ResultRow(
    string EmployeeId,
    string Name,
    string Department,
    string? ManagerId,
    string Group,
    GridBox? Proposed,
    GridBox? Final,
    string Decision);

public static class ResultRows
{
    public static async Task<IReadOnlyList<ResultRow>> ReadAsync(ReviewStore store, CycleDocument cycle, Roster roster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(roster);
        var rows = new List<ResultRow>();
        string? after = null;
        do
        {
            var page = await store.QueryGroupsAsync(cycle.CycleId, after, 100, cancellationToken);
            foreach (var group in page.Items.Select(i => i.Value))
            {
                for (var chunk = 0; chunk < group.Chunks; chunk++)
                {
                    var cards = (await store.GetCardsAsync(cycle.CycleId, group.GroupId, chunk, cancellationToken))?.Cards ?? [];
                    var decisions = (await store.GetDecisionsAsync(cycle.CycleId, group.GroupId, chunk, cancellationToken))?.Decisions ?? [];
                    foreach (var card in cards)
                    {
                        var employee = roster.Find(card.EmployeeId);
                        rows.Add(new ResultRow(
                            card.EmployeeId,
                            employee?.Name ?? string.Empty,
                            employee?.Department ?? string.Empty,
                            card.ManagerId,
                            group.Name,
                            card.Proposed?.Box,
                            card.Current?.Box,
                            decisions.FirstOrDefault(d => d.EmployeeId == card.EmployeeId)?.Type.ToString() ?? string.Empty));
                    }
                }
            }

            after = page.NextAfterId;
        }
        while (after is not null);

        return rows.OrderBy(r => r.EmployeeId, StringComparer.Ordinal).ToList();
    }

    /// <summary>CSV as Belgian spreadsheets open it: UTF-8 with BOM, semicolons, quoted where needed.</summary>
    public static string ToCsv(IEnumerable<ResultRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder("employeeId;name;department;managerId;group;proposedBox;finalBox;movedInCalibration;decision\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(';', new[]
            {
                row.EmployeeId, row.Name, row.Department, row.ManagerId ?? string.Empty, row.Group,
                row.Proposed?.ToString() ?? string.Empty, row.Final?.ToString() ?? string.Empty,
                (row.Proposed != row.Final).ToString(CultureInfo.InvariantCulture).ToLowerInvariant(), row.Decision,
            }.Select(Quote)).Append('\n');
        }

        return csv.ToString();
    }

    private static string Quote(string value)
        => value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
