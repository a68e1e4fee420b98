namespace TalentReview.Web.Hr.Export;

/// <summary>How a column's values are written: text, a number, a date, or a date and time (in the organisation's zone).</summary>
public enum ExportCellKind
{
    Text,
    Number,
    Date,
    DateTime,
}

/// <param name="Width">The column width in characters in a workbook.</param>
public sealed record ExportColumn(string Header, ExportCellKind Kind = ExportCellKind.Text, double Width = 18);

/// <summary>
/// One sheet: columns with their kind, and rows whose values are <see cref="string"/>, <see cref="decimal"/>,
/// <see cref="int"/>, <see cref="DateOnly"/> or <see cref="System.DateTime"/> (null: empty), so each writer keeps the type.
/// </summary>
public sealed record ExportTable(string Name, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
