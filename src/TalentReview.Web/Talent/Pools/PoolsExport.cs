using TalentReview.Domain;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Talent.Pools;
using TalentReview.Web.Hr.Export;
using T = TalentReview.Web.Talent.Pools.PoolTexts;

namespace TalentReview.Web.Talent.Pools;

/// <summary>Every pool's members as one sheet (a person in several pools has a row in each), labels in the reader's language.</summary>
internal static class PoolsExport
{
    public static ExportTable Build(IReadOnlyList<TalentPool> pools, Language language)
    {
        List<ExportColumn> columns =
        [
            new(T.Pool[language], Width: 24),
            new(T.Criteria[language], Width: 60),
            new(T.EmployeeId[language], Width: 14),
            new(T.Name[language], Width: 26),
            new(T.Source[language], Width: 22),
            new(T.Reason[language], Width: 40),
            new(T.Since[language], ExportCellKind.Date, 12),
        ];
        var rows = pools.SelectMany(pool => pool.Members.Select(m => (IReadOnlyList<object?>)
        [
            pool.Name, PoolsView.CriteriaText(pool.Criteria, language), m.EmployeeId, m.Name, T.Of(m.Source)[language], m.Reason, OrganisationTime.Default.DateOf(m.Since),
        ])).ToList();
        return new ExportTable(T.Title[language], columns, rows);
    }
}
