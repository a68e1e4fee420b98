using System.Text.Json.Serialization;

namespace TalentReview.Domain.Rosters;

/// <summary>
/// A validated, immutable roster: ids and emails are unique, every manager exists and the
/// hierarchy has no cycles. Only <see cref="RosterImport"/> and <see cref="Create"/> build one.
/// </summary>
public sealed class Roster
{
    private readonly Dictionary<string, int> indexById;
    private Dictionary<string, List<Employee>>? reportsByManager;

    [JsonConstructor]
    private Roster(IReadOnlyList<Employee> employees)
        : this(employees, IndexById(employees))
    {
    }

    private Roster(IReadOnlyList<Employee> employees, Dictionary<string, int> indexById)
    {
        Employees = employees;
        this.indexById = indexById;
    }

    public IReadOnlyList<Employee> Employees { get; }

    [JsonIgnore]
    public int Count => Employees.Count;

    /// <summary>Validates the employees as an import would; the line of an employee is its index + 1.</summary>
    public static RosterImportResult Create(IEnumerable<Employee> employees)
    {
        ArgumentNullException.ThrowIfNull(employees);
        var rows = employees.Select((e, i) => (Line: i + 1, Employee: e)).ToList();
        var problems = new List<RosterProblem>();
        foreach (var (line, employee) in rows)
        {
            RequireText(problems, line, "id", employee.Id);
            RequireText(problems, line, "name", employee.Name);
            RequireText(problems, line, "department", employee.Department);
            if (RequireText(problems, line, "email", employee.Email) && !RosterValues.IsValidEmail(employee.Email))
            {
                problems.Add(new RosterProblem(line, "email", RosterProblemCode.InvalidEmail, $"'{employee.Email}' is not a valid email address."));
            }
        }

        return RosterValidator.Validate(rows, problems);
    }

    private static Dictionary<string, int> IndexById(IReadOnlyList<Employee> employees)
    {
        var index = new Dictionary<string, int>(employees.Count, StringComparer.Ordinal);
        for (var i = 0; i < employees.Count; i++)
        {
            index[employees[i].Id] = i;
        }

        return index;
    }

    /// <summary>Built on first use: imports and eligibility never need it, calibration and plans do.</summary>
    private static Dictionary<string, List<Employee>> ReportsByManager(IReadOnlyList<Employee> employees)
    {
        var reportsByManager = new Dictionary<string, List<Employee>>(StringComparer.Ordinal);
        foreach (var employee in employees)
        {
            if (employee.ManagerId is { } managerId)
            {
                if (!reportsByManager.TryGetValue(managerId, out var reports))
                {
                    reports = [];
                    reportsByManager[managerId] = reports;
                }

                reports.Add(employee);
            }
        }

        return reportsByManager;
    }

    private static bool RequireText(List<RosterProblem> problems, int line, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        problems.Add(new RosterProblem(line, field, RosterProblemCode.MissingRequiredField, $"{field} is required."));
        return false;
    }

    /// <summary>Builds a roster the validator has accepted, reusing the validator's index by id.</summary>
    internal static Roster FromValidated(IReadOnlyList<Employee> employees, Dictionary<string, int> indexById) => new(employees, indexById);

    public Employee? Find(string employeeId) => indexById.TryGetValue(employeeId, out var index) ? Employees[index] : null;

    public IReadOnlyList<Employee> DirectReports(string managerId)
        => (reportsByManager ??= ReportsByManager(Employees)).TryGetValue(managerId, out var reports) ? reports : [];

    /// <summary>The manager of the employee's manager, or null at the top of the hierarchy.</summary>
    public Employee? SkipLevelManager(string employeeId)
    {
        var manager = Find(employeeId)?.ManagerId is { } managerId ? Find(managerId) : null;
        return manager?.ManagerId is { } skipId ? Find(skipId) : null;
    }
}
