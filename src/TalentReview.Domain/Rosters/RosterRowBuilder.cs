namespace TalentReview.Domain.Rosters;

/// <summary>One source row: the raw text of each field, empty when absent.</summary>
internal interface IRosterRow
{
    ReadOnlySpan<char> Get(RosterField field);
}

/// <summary>
/// Turns raw rows from any source into employees, collecting every field-level problem. A row with
/// problems still yields an employee, so duplicate and hierarchy checks can run on it too.
/// </summary>
internal sealed class RosterRowBuilder
{
    private readonly Dictionary<string, string> pool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> poolLookup;

    public RosterRowBuilder() => poolLookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();

    public List<RosterProblem> Problems { get; } = [];

    public Employee Build<TRow>(int line, in TRow row)
        where TRow : struct, IRosterRow
    {
        var id = Text(line, row, RosterField.Id, pooled: false);
        var name = Text(line, row, RosterField.Name, pooled: false);
        var email = Text(line, row, RosterField.Email, pooled: false);
        if (email.Length > 0 && !RosterValues.IsValidEmail(email))
        {
            Add(line, RosterField.Email, RosterProblemCode.InvalidEmail, $"'{email}' is not a valid email address.");
        }

        var managerId = Text(line, row, RosterField.ManagerId, pooled: true);
        var department = Text(line, row, RosterField.Department, pooled: true);
        var jobTitle = Text(line, row, RosterField.JobTitle, pooled: true);
        var level = Text(line, row, RosterField.Level, pooled: true);
        var location = Text(line, row, RosterField.Location, pooled: true);

        var hireDate = Parse<TRow, DateOnly>(line, row, RosterField.HireDate, RosterValues.TryParseDate, RosterProblemCode.InvalidDate,
            "is not a valid date; use 2024-03-01 or 01/03/2024");
        var contract = Parse<TRow, ContractType>(line, row, RosterField.ContractType, RosterValues.TryParseContractType, RosterProblemCode.UnknownContractType,
            "is not a known contract type (permanent, fixed-term, interim, student, trainee, freelance)");
        var status = Parse<TRow, EmploymentStatus>(line, row, RosterField.Status, RosterValues.TryParseStatus, RosterProblemCode.UnknownStatus,
            "is not a known status (active, long-term leave, parental leave, notice period, inactive)");
        var language = Parse<TRow, Language>(line, row, RosterField.Language, RosterValues.TryParseLanguage, RosterProblemCode.UnknownLanguage,
            "is not a supported language (nl, fr, en)");

        var (percent, partTime) = WorkingTime(line, row);
        return new Employee(id, name, email, managerId.Length == 0 ? null : managerId, department, jobTitle, level, hireDate, contract, status, language, location)
        {
            BirthYear = BirthYear(line, row, hireDate),
            Gender = Optional<TRow, Gender>(line, row, RosterField.Gender, RosterValues.TryParseGender, RosterProblemCode.UnknownGender,
                "is not a known gender (female, male or X; leave it empty when not known)"),
            WorkingTimePercent = percent,
            PartTime = partTime,
        };
    }

    public void Add(int line, RosterField field, RosterProblemCode code, string message)
        => Problems.Add(new RosterProblem(line, RosterFields.NameOf(field), code, message));

    /// <summary>A problem with the row or file as a whole rather than one field.</summary>
    public void AddForRow(int line, RosterProblemCode code, string message)
        => Problems.Add(new RosterProblem(line, string.Empty, code, message));

    private string Text<TRow>(int line, in TRow row, RosterField field, bool pooled)
        where TRow : struct, IRosterRow
    {
        var value = row.Get(field).Trim();
        if (value.IsEmpty)
        {
            if (RosterFields.IsRequired(field))
            {
                AddMissing(line, field);
            }

            return string.Empty;
        }

        var max = RosterFields.MaxLength(field);
        if (value.Length > max)
        {
            Add(line, field, RosterProblemCode.TooLong, $"{RosterFields.NameOf(field)} has at most {max} characters ({value.Length} given).");
            return value[..max].ToString();
        }

        if (!pooled)
        {
            return value.ToString();
        }

        // Departments, titles, levels, locations and manager ids repeat across many rows: keep one copy of each.
        if (!poolLookup.TryGetValue(value, out var shared))
        {
            shared = value.ToString();
            pool[shared] = shared;
        }

        return shared;
    }

    private T Parse<TRow, T>(int line, in TRow row, RosterField field, SpanParser<T> parse, RosterProblemCode code, string explanation)
        where TRow : struct, IRosterRow
        where T : struct
    {
        var value = row.Get(field).Trim();
        if (value.IsEmpty)
        {
            AddMissing(line, field);
            return default;
        }

        if (!parse(value, out var result))
        {
            Add(line, field, code, $"'{value}' {explanation}.");
        }

        return result;
    }

    /// <summary>A year, or a birth date of which only the year is kept; someone hired before 14 is a typo.</summary>
    private int? BirthYear<TRow>(int line, in TRow row, DateOnly hireDate)
        where TRow : struct, IRosterRow
    {
        var year = Optional<TRow, int>(line, row, RosterField.BirthYear, RosterValues.TryParseBirthYear, RosterProblemCode.InvalidBirthYear,
            "is not a birth year; use 1985 or a date such as 1985-06-30");
        if (year is { } born && hireDate != default && hireDate.Year - born < RosterValues.MinimumWorkingAge)
        {
            Add(line, RosterField.BirthYear, RosterProblemCode.InvalidBirthYear,
                $"Born in {born} but hired on {hireDate:yyyy-MM-dd}: the birth year must be at least {RosterValues.MinimumWorkingAge} years before the hire date.");
            return null;
        }

        return year;
    }

    private (int? Percent, bool? PartTime) WorkingTime<TRow>(int line, in TRow row)
        where TRow : struct, IRosterRow
    {
        var value = row.Get(RosterField.WorkingTime).Trim();
        if (value.IsEmpty)
        {
            return (null, null);
        }

        if (RosterValues.TryParseWorkingTime(value, out var percent, out var partTime))
        {
            return (percent, partTime);
        }

        Add(line, RosterField.WorkingTime, RosterProblemCode.InvalidWorkingTime,
            $"'{value}' is not a working time; use a percentage of full time (80 or 80%), a fraction (0.8) or full-time / part-time.");
        return (null, null);
    }

    private T? Optional<TRow, T>(int line, in TRow row, RosterField field, SpanParser<T> parse, RosterProblemCode code, string explanation)
        where TRow : struct, IRosterRow
        where T : struct
    {
        var value = row.Get(field).Trim();
        if (value.IsEmpty)
        {
            return null;
        }

        if (parse(value, out var result))
        {
            return result;
        }

        Add(line, field, code, $"'{value}' {explanation}.");
        return null;
    }

    private void AddMissing(int line, RosterField field)
        => Add(line, field, RosterProblemCode.MissingRequiredField, $"{RosterFields.NameOf(field)} is required.");

    private delegate bool SpanParser<T>(ReadOnlySpan<char> value, out T result);
}
