using TalentReview.Domain.NineBox;
using TalentReview.Domain.Rosters;

namespace TalentReview.Domain.Calibration;

/// <summary>The groupings the fairness view compares with the whole group.</summary>
public enum FairnessDimension
{
    AgeBand,
    Gender,
    WorkingTime,
    ContractType,
}

/// <summary>The categories of each <see cref="FairnessDimension"/>; <see cref="NotGiven"/> holds those the roster says nothing about.</summary>
public enum FairnessCategory
{
    Under30,
    From30To44,
    From45,
    Female,
    Male,
    OtherGender,
    FullTime,
    PartTime,
    Permanent,
    FixedTerm,
    Interim,
    Student,
    Trainee,
    Freelance,
    NotGiven,
}

/// <summary>One placed card with the confidential details the fairness view groups by; nothing that names the person.</summary>
public sealed record FairnessMember(GridPosition Position, int? BirthYear, Gender? Gender, bool? PartTime, ContractType ContractType);

/// <summary>How many of a row are at one level, and their share of the row in percent.</summary>
public sealed record FairnessShare(int Count, decimal Percent);

/// <summary>A row's spread over the grid's performance and potential levels (indexed by <see cref="RatingLevel"/>); null where hidden.</summary>
public sealed record LevelShares(IReadOnlyList<FairnessShare?> Performance, IReadOnlyList<FairnessShare?> Potential);

/// <summary>One category; <see cref="Members"/> is null when the category is hidden as a whole.</summary>
public sealed record FairnessRow(FairnessCategory Category, int? Members, LevelShares Shares);

public sealed record FairnessBreakdown(FairnessDimension Dimension, IReadOnlyList<FairnessRow> Rows);

/// <param name="AgeReferenceYear">Ages are counted as this year minus the birth year.</param>
/// <param name="MinCellSize">A number below this is never shown, nor one from which such a number could be worked out.</param>
public sealed record FairnessView(int Members, LevelShares WholeGroup, IReadOnlyList<FairnessBreakdown> Breakdowns, int AgeReferenceYear, int MinCellSize);

/// <summary>
/// The grid's spread over performance and potential by age band, gender, working time and contract
/// type, each against the whole group. The committee knows who sits where on the board, so any small
/// number would tell them a colleague's age or gender: a category or cell under the minimum is hidden,
/// and so is the next smallest one wherever a single hidden number could be worked out by subtraction
/// from a row's or the whole group's total (secondary suppression). A grouping in which everybody
/// shares one category is hidden as well: it would tell each person's category.
/// </summary>
public static class FairnessAnalysis
{
    public const int DefaultMinCellSize = 5;

    private const int Levels = 3;

    private static readonly Dictionary<FairnessDimension, FairnessCategory[]> Categories = new()
    {
        [FairnessDimension.AgeBand] = [FairnessCategory.Under30, FairnessCategory.From30To44, FairnessCategory.From45, FairnessCategory.NotGiven],
        [FairnessDimension.Gender] = [FairnessCategory.Female, FairnessCategory.Male, FairnessCategory.OtherGender, FairnessCategory.NotGiven],
        [FairnessDimension.WorkingTime] = [FairnessCategory.FullTime, FairnessCategory.PartTime, FairnessCategory.NotGiven],
        [FairnessDimension.ContractType] =
            [FairnessCategory.Permanent, FairnessCategory.FixedTerm, FairnessCategory.Interim, FairnessCategory.Student, FairnessCategory.Trainee, FairnessCategory.Freelance],
    };

    public static FairnessView Analyse(IReadOnlyList<FairnessMember> placed, int ageReferenceYear, int minCellSize = DefaultMinCellSize)
    {
        ArgumentNullException.ThrowIfNull(placed);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCellSize, 1);
        var whole = Counts(placed);
        var breakdowns = Enum.GetValues<FairnessDimension>()
            .Select(dimension => Breakdown(dimension, placed, ageReferenceYear, minCellSize))
            .ToList();
        return new FairnessView(placed.Count, Shares(whole, placed.Count, hidden: null), breakdowns, ageReferenceYear, minCellSize);
    }

    /// <summary>The age band of someone born in <paramref name="birthYear"/>, in <paramref name="referenceYear"/>.</summary>
    public static FairnessCategory AgeBand(int? birthYear, int referenceYear) => (referenceYear - birthYear) switch
    {
        null => FairnessCategory.NotGiven,
        < 30 => FairnessCategory.Under30,
        < 45 => FairnessCategory.From30To44,
        _ => FairnessCategory.From45,
    };

    private static FairnessCategory CategoryOf(FairnessDimension dimension, FairnessMember member, int referenceYear) => dimension switch
    {
        FairnessDimension.AgeBand => AgeBand(member.BirthYear, referenceYear),
        FairnessDimension.Gender => member.Gender switch
        {
            Gender.Female => FairnessCategory.Female,
            Gender.Male => FairnessCategory.Male,
            Gender.Other => FairnessCategory.OtherGender,
            _ => FairnessCategory.NotGiven,
        },
        FairnessDimension.WorkingTime => member.PartTime switch
        {
            true => FairnessCategory.PartTime,
            false => FairnessCategory.FullTime,
            null => FairnessCategory.NotGiven,
        },
        _ => Enum.Parse<FairnessCategory>(member.ContractType.ToString()),
    };

    private static FairnessBreakdown Breakdown(FairnessDimension dimension, IReadOnlyList<FairnessMember> placed, int referenceYear, int min)
    {
        // Categories nobody is in are left out: an empty category tells nothing about anyone.
        var rows = Categories[dimension]
            .Select(category => (Category: category, Members: placed.Where(m => CategoryOf(dimension, m, referenceYear) == category).ToList()))
            .Where(r => r.Members.Count > 0)
            .ToList();
        var counts = rows.Select(r => Counts(r.Members)).ToList();

        // Cells 0..2 are performance levels, 3..5 potential levels; a hidden row hides all its cells.
        // Everybody in one category would tell each person's category: hidden too, unless it is "not given".
        var hiddenRow = rows.Select(r => r.Members.Count < min || (rows.Count == 1 && r.Category != FairnessCategory.NotGiven)).ToArray();
        if (hiddenRow.Count(h => h) == 1 && rows.Count > 1)
        {
            HideSmallest(Enumerable.Range(0, rows.Count).Where(r => !hiddenRow[r]), r => rows[r].Members.Count, r => hiddenRow[r] = true);
        }

        var hidden = rows.Select((r, i) => Enumerable.Range(0, 2 * Levels).Select(c => hiddenRow[i] || counts[i][c] < min).ToArray()).ToList();
        HideDerivable(hidden, counts);
        return new FairnessBreakdown(dimension, rows.Select((r, i) => new FairnessRow(
            r.Category, hiddenRow[i] ? null : r.Members.Count, Shares(counts[i], r.Members.Count, hidden[i]))).ToList());
    }

    /// <summary>Until nothing changes: a row (per axis) or a level (per row set) with exactly one hidden cell gets its smallest shown cell hidden too.</summary>
    private static void HideDerivable(List<bool[]> hidden, List<int[]> counts)
    {
        bool changed;
        do
        {
            changed = false;
            for (var axis = 0; axis < 2; axis++)
            {
                var cells = Enumerable.Range(axis * Levels, Levels).ToArray();
                for (var row = 0; row < hidden.Count; row++)
                {
                    var r = row;
                    if (cells.Count(c => hidden[r][c]) == 1)
                    {
                        changed |= HideSmallest(cells.Where(c => !hidden[r][c]), c => counts[r][c], c => hidden[r][c] = true);
                    }
                }

                foreach (var cell in cells)
                {
                    var rows = Enumerable.Range(0, hidden.Count).ToArray();
                    if (rows.Count(r => hidden[r][cell]) == 1)
                    {
                        changed |= HideSmallest(rows.Where(r => !hidden[r][cell]), r => counts[r][cell], r => hidden[r][cell] = true);
                    }
                }
            }
        }
        while (changed);
    }

    private static bool HideSmallest(IEnumerable<int> candidates, Func<int, int> size, Action<int> hide)
    {
        var shown = candidates.ToList();
        if (shown.Count == 0)
        {
            return false;
        }

        hide(shown.MinBy(size));
        return true;
    }

    private static int[] Counts(IReadOnlyList<FairnessMember> members)
    {
        var counts = new int[2 * Levels];
        foreach (var member in members)
        {
            counts[(int)member.Position.Performance]++;
            counts[Levels + (int)member.Position.Potential]++;
        }

        return counts;
    }

    private static LevelShares Shares(int[] counts, int members, bool[]? hidden)
    {
        FairnessShare? Share(int cell) => hidden?[cell] == true
            ? null
            : new FairnessShare(counts[cell], members == 0 ? 0m : Math.Round(100m * counts[cell] / members, 0, MidpointRounding.AwayFromZero));
        return new LevelShares(
            Enumerable.Range(0, Levels).Select(Share).ToList(),
            Enumerable.Range(Levels, Levels).Select(Share).ToList());
    }
}
