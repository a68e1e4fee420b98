using TalentReview.Domain.Talent.History;

namespace TalentReview.Domain.Talent.Careers;

/// <summary>A path between two functions: the moves that took it, none for a path never taken.</summary>
public sealed record CareerPath(JobFunction From, JobFunction To, MoveKind Kind, IReadOnlyList<CareerMove> Moves)
{
    public bool Taken => Moves.Count > 0;
}

/// <summary>A function with the people who hold it now (by their latest outcome) and the paths out of it.</summary>
public sealed record FunctionNode(JobFunction Function, int Holders, IReadOnlyList<CareerPath> Paths);

/// <summary>
/// The functions people hold and the paths between them. Possible paths are the next level up and
/// down in the same department (promotion, step back) and the same level in another department
/// (lateral move or rotation); every move that happened is a path too, even one the structure does
/// not suggest. A possible path without moves is a path never taken.
/// </summary>
public sealed class CareerMap
{
    private CareerMap(IReadOnlyList<FunctionNode> functions, IReadOnlyList<CareerMove> moves)
    {
        Functions = functions;
        Moves = moves;
    }

    public IReadOnlyList<FunctionNode> Functions { get; }

    public IReadOnlyList<CareerMove> Moves { get; }

    public static CareerMap Build(IReadOnlyList<TalentOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var moves = CareerMoves.Of(outcomes);
        var latest = outcomes.GroupBy(o => o.EmployeeId, StringComparer.Ordinal).Select(p => new TalentHistory(p.Key, p).Latest!).ToList();
        var functions = outcomes.Select(o => o.Function)
            .Concat(moves.Select(m => m.To))
            .Distinct()
            .OrderBy(f => f.Department, StringComparer.Ordinal).ThenByDescending(f => f.Rank).ThenBy(f => f.JobTitle, StringComparer.Ordinal)
            .ToList();
        var nodes = functions.Select(function =>
        {
            var possible = PossiblePaths(function, functions);
            var taken = moves.Where(m => m.From == function).GroupBy(m => (m.To, m.Kind)).ToDictionary(g => g.Key, g => (IReadOnlyList<CareerMove>)[.. g]);
            var paths = possible.Select(p => new CareerPath(function, p.To, p.Kind, taken.GetValueOrDefault((p.To, p.Kind)) ?? []))
                .Concat(taken.Where(t => !possible.Contains(t.Key)).Select(t => new CareerPath(function, t.Key.To, t.Key.Kind, t.Value)))
                .OrderBy(p => p.Kind).ThenBy(p => p.To.Department, StringComparer.Ordinal).ThenBy(p => p.To.JobTitle, StringComparer.Ordinal)
                .ToList();
            return new FunctionNode(function, latest.Count(o => o.FunctionAfter == function), paths);
        }).ToList();
        return new CareerMap(nodes, moves);
    }

    private static List<(JobFunction To, MoveKind Kind)> PossiblePaths(JobFunction from, IReadOnlyList<JobFunction> functions)
    {
        var paths = new List<(JobFunction, MoveKind)>();
        if (from.Rank is not { } rank)
        {
            return paths;
        }

        var sameDepartment = functions.Where(f => f.Department == from.Department && f.Rank is not null && f != from).ToList();
        var up = sameDepartment.Where(f => f.Rank > rank).Select(f => f.Rank).DefaultIfEmpty().Min();
        var down = sameDepartment.Where(f => f.Rank < rank).Select(f => f.Rank).DefaultIfEmpty().Max();
        paths.AddRange(sameDepartment.Where(f => up is not null && f.Rank == up).Select(f => (f, MoveKind.Promotion)));
        paths.AddRange(sameDepartment.Where(f => down is not null && f.Rank == down).Select(f => (f, MoveKind.StepBack)));
        foreach (var other in functions.Where(f => f.Department != from.Department && f.Rank == rank && f.JobTitle != from.JobTitle))
        {
            paths.Add((other, MoveKind.LateralMove));
            paths.Add((other, MoveKind.Rotation));
        }

        return paths;
    }
}
