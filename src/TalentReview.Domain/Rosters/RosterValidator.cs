namespace TalentReview.Domain.Rosters;

/// <summary>The checks that need the whole roster: unique ids and emails, known managers, no cycles.</summary>
internal static class RosterValidator
{
    public static RosterImportResult Validate(IReadOnlyList<(int Line, Employee Employee)> rows, List<RosterProblem> problems)
    {
        if (rows.Count == 0)
        {
            problems.Add(new RosterProblem(1, string.Empty, RosterProblemCode.EmptyRoster, "The roster has no employees."));
        }

        var indexById = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        var lineByEmail = new Dictionary<string, int>(rows.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Count; i++)
        {
            var (line, employee) = rows[i];
            if (employee.Id.Length > 0 && !indexById.TryAdd(employee.Id, i))
            {
                problems.Add(new RosterProblem(line, "id", RosterProblemCode.DuplicateId,
                    $"Employee id '{employee.Id}' is already used on line {rows[indexById[employee.Id]].Line}."));
            }

            if (employee.Email.Length > 0 && !lineByEmail.TryAdd(employee.Email, line))
            {
                problems.Add(new RosterProblem(line, "email", RosterProblemCode.DuplicateEmail,
                    $"Email '{employee.Email}' is already used on line {lineByEmail[employee.Email]}."));
            }
        }

        var managerIndex = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var (line, employee) = rows[i];
            managerIndex[i] = -1;
            if (employee.ManagerId is null)
            {
                continue;
            }

            if (indexById.TryGetValue(employee.ManagerId, out var manager))
            {
                managerIndex[i] = manager;
            }
            else
            {
                problems.Add(new RosterProblem(line, "managerId", RosterProblemCode.UnknownManager,
                    $"Manager '{employee.ManagerId}' of '{employee.Id}' is not on the roster."));
            }
        }

        ReportCycles(rows, managerIndex, problems);

        if (problems.Count > 0)
        {
            problems.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : string.CompareOrdinal(a.Field, b.Field));
            return new RosterImportResult(null, problems);
        }

        var employees = new Employee[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            employees[i] = rows[i].Employee;
        }

        return new RosterImportResult(Roster.FromValidated(employees, indexById), []);
    }

    /// <summary>Walks up from every employee once; a walk that meets itself is a cycle, reported on each member.</summary>
    private static void ReportCycles(IReadOnlyList<(int Line, Employee Employee)> rows, int[] managerIndex, List<RosterProblem> problems)
    {
        const byte Unvisited = 0, OnPath = 1, Done = 2;
        var state = new byte[rows.Count];
        var path = new List<int>();
        for (var start = 0; start < rows.Count; start++)
        {
            path.Clear();
            var current = start;
            while (current >= 0 && state[current] == Unvisited)
            {
                state[current] = OnPath;
                path.Add(current);
                current = managerIndex[current];
            }

            if (current >= 0 && state[current] == OnPath)
            {
                var cycle = path.GetRange(path.IndexOf(current), path.Count - path.IndexOf(current));
                var chain = string.Join(" → ", cycle.Select(i => rows[i].Employee.Id).Append(rows[current].Employee.Id));
                foreach (var member in cycle)
                {
                    problems.Add(new RosterProblem(rows[member].Line, "managerId", RosterProblemCode.ManagerCycle,
                        $"The manager chain of '{rows[member].Employee.Id}' loops back on itself: {chain}."));
                }
            }

            foreach (var visited in path)
            {
                state[visited] = Done;
            }
        }
    }
}
