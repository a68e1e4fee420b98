using TalentReview.Domain;
using TalentReview.Domain.Planning;
using TalentReview.Web.Hr.Export;
using TalentReview.Workflow.Talent.Succession;
using T = TalentReview.Web.Talent.Succession.SuccessionTexts;

namespace TalentReview.Web.Talent.Succession;

/// <summary>The critical roles as one sheet: a row per successor (a role without any has one row), labels in the reader's language.</summary>
internal static class CriticalRolesExport
{
    public static async Task<ExportTable> BuildAsync(CriticalRoleQueries queries, Language language, CancellationToken cancellationToken)
    {
        List<ExportColumn> columns =
        [
            new(T.Role[language], Width: 28),
            new(T.Department[language], Width: 20),
            new(T.Level[language], Width: 8),
            new(T.Incumbent[language], Width: 24),
            new(T.RiskOfLoss[language], Width: 14),
            new(T.ImpactOfLoss[language], Width: 14),
            new(T.Bench[language], Width: 16),
            new(T.NobodyReadyShort[language], Width: 16),
            new(T.Successors[language], Width: 24),
            new(T.Readiness[language], Width: 24),
            new(T.ConfirmedOn[language], ExportCellKind.Date, 12),
            new(T.Note[language], Width: 40),
        ];
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var role in await queries.ListAsync(cancellationToken))
        {
            object?[] facts =
            [
                role.Title, role.Department, role.Level, role.IncumbentName, T.Of(role.RiskOfLoss)[language], T.Of(role.ImpactOfLoss)[language],
                T.Of(role.Bench.Rating)[language], role.Bench.NobodyReadyNow ? T.NobodyReadyShort[language] : null,
            ];
            if (role.Successors.Count == 0)
            {
                rows.Add([.. facts, null, null, null, null]);
            }

            rows.AddRange(role.Successors.Select(s => (IReadOnlyList<object?>)[.. facts, s.Name, T.Of(s.Readiness)[language], OrganisationTime.Default.DateOf(s.ConfirmedAt), s.Note]));
        }

        return new ExportTable(T.RolesTitle[language], columns, rows);
    }
}
