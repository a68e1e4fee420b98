namespace TalentReview.Web.Hr.Export;

/// <summary>A rectangular table of text: what both the CSV and the XLSX writer take.</summary>
public sealed record ExportTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
