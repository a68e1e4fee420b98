using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using TalentReview.Domain.Forms;
using TalentReview.Domain.Rosters;

namespace TalentReview.Domain.Demo;

/// <summary>
/// A deterministic synthetic Belgian company ("Meridia", head office in Brussels): the same size, seed and
/// date always give the same people. Used for the local demo seed, simulations and benchmarks.
/// Everyone in it is fictional, and so is the mail domain.
/// </summary>
[SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Synthetic data must be reproducible from a seed, not unpredictable.")]
public sealed class DemoOrganisation
{
    /// <summary>The fictional mail domain of the demo company (.example is reserved, so no mail can leak).</summary>
    public const string MailDomain = "meridia.example";

    private const int MinSpan = 4;
    private const int MaxSpan = 10;

    private readonly int seed;
    private Dictionary<string, int>? indexById;

    private DemoOrganisation(IReadOnlyList<Employee> employees, DateOnly today, int seed)
    {
        Employees = employees;
        Today = today;
        this.seed = seed;
    }

    public IReadOnlyList<Employee> Employees { get; }

    /// <summary>The date the organisation was generated for; hire dates lie on or before it.</summary>
    public DateOnly Today { get; }

    /// <summary>The date <see cref="Generate(int, int)"/> generates for, so callers without a date of their own agree.</summary>
    public static readonly DateOnly ReferenceDate = new(2026, 11, 23);

    /// <summary>The organisation as it stands on <see cref="ReferenceDate"/>.</summary>
    public static DemoOrganisation Generate(int employees, int seed) => Generate(employees, seed, ReferenceDate);

    /// <param name="employees">From a handful to a few hundred thousand.</param>
    /// <param name="seed">Same seed, same organisation.</param>
    /// <param name="today">The reference date; about 3 % are hired within the three months before it.</param>
    public static DemoOrganisation Generate(int employees, int seed, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(employees, 1);
        var random = new Random(seed);
        var people = new List<Employee>(employees);
        var emails = new Dictionary<string, int>(employees, StringComparer.Ordinal);

        people.Add(Person(random, emails, 0, null, "General Management", "Chief Executive Officer", "L9", today.AddYears(-16), Language.Nl, DemoNames.HeadOffice, isHead: true));

        // Each department is a tree filled breadth-first, so its depth grows with the logarithm of its size.
        var remaining = employees - 1;
        var totalWeight = DemoNames.Departments.Sum(d => d.Weight);
        for (var d = 0; d < DemoNames.Departments.Length && remaining > 0; d++)
        {
            var (department, weight, role) = DemoNames.Departments[d];
            var size = d == DemoNames.Departments.Length - 1
                ? remaining
                : Math.Min(remaining, Math.Max(1, (int)Math.Round((employees - 1) * (double)weight / totalWeight)));
            remaining -= size;
            AddDepartment(random, people, emails, department, role, size, today);
        }

        return new DemoOrganisation(people, today, seed);
    }

    public Roster ToRoster()
    {
        var result = Roster.Create(Employees);
        return result.Roster ?? throw new InvalidOperationException($"The demo organisation is inconsistent: {result.Problems[0].Message}");
    }

    /// <summary>The roster as CSV text with a header row, as an HR export would look.</summary>
    public string ToCsv(char separator = ';')
    {
        var csv = new StringBuilder(Employees.Count * 160);
        csv.AppendJoin(separator, "id", "name", "email", "managerId", "department", "jobTitle", "level", "hireDate", "contractType", "status", "language", "location").Append('\n');
        foreach (var e in Employees)
        {
            Append(csv, e.Id, separator, false);
            Append(csv, e.Name, separator, false);
            Append(csv, e.Email, separator, false);
            Append(csv, e.ManagerId ?? string.Empty, separator, false);
            Append(csv, e.Department, separator, false);
            Append(csv, e.JobTitle, separator, false);
            Append(csv, e.Level, separator, false);
            Append(csv, e.HireDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), separator, false);
            Append(csv, DemoNames.ContractText(e.ContractType), separator, false);
            Append(csv, DemoNames.StatusText(e.Status), separator, false);
            Append(csv, e.Language.ToString().ToLowerInvariant(), separator, false);
            Append(csv, e.Location, separator, true);
        }

        return csv.ToString();
    }

    /// <summary>
    /// Deterministic manager input for the given employees: a realistic spread of ratings, some lenient
    /// and some severe managers, a few extreme ratings without evidence, and about 3 % not yet submitted.
    /// Employees without a manager get none.
    /// </summary>
    public IReadOnlyList<ManagerInput> GenerateManagerInputs(IEnumerable<string> employeeIds, int inputSeed)
    {
        ArgumentNullException.ThrowIfNull(employeeIds);
        var inputs = new List<ManagerInput>();
        foreach (var id in employeeIds)
        {
            if (Lookup(id) is not { } index || Employees[index].ManagerId is not { } managerId)
            {
                continue;
            }

            var draw = new Draw(inputSeed, index);
            if (draw.Next() < 0.03)
            {
                continue;
            }

            var managerBias = ManagerBias(inputSeed, Lookup(managerId) ?? 0);
            var performance = Score(TruePerformance(index) + managerBias + ((draw.Next() - 0.5) * 0.8));
            var potential = new PotentialIndicators(
                Score(TruePotential(index) + ((draw.Next() - 0.5) * 1.2)),
                Score(TruePotential(index) + ((draw.Next() - 0.5) * 1.0)),
                Score(3.4 + ((draw.Next() - 0.5) * 2.4)));
            var draft = new DraftRating(performance, potential);
            var extreme = performance is 1 or 5 || potential.IsExtreme;
            var evidence = extreme && draw.Next() < 0.85 ? DemoTexts.LongEvidence(performance) : DemoTexts.ShortEvidence;
            inputs.Add(new ManagerInput(
                Employees[index].Id,
                managerId,
                performance,
                potential,
                draft.Readiness(draw.Next()),
                draw.Next() switch { < 0.70 => FlightRisk.Low, < 0.91 => FlightRisk.Medium, _ => FlightRisk.High },
                draft.Outcome(),
                evidence));
        }

        return inputs;
    }

    /// <summary>Deterministic self-assessments for the given employees; most rate themselves a little above their manager.</summary>
    public IReadOnlyList<SelfAssessment> GenerateSelfAssessments(IEnumerable<string> employeeIds, int inputSeed)
    {
        ArgumentNullException.ThrowIfNull(employeeIds);
        var assessments = new List<SelfAssessment>();
        foreach (var id in employeeIds)
        {
            if (Lookup(id) is not { } index)
            {
                continue;
            }

            var draw = new Draw(inputSeed ^ 0x5E1F, index);
            if (draw.Next() < 0.05)
            {
                continue;
            }

            var selfRating = Score(TruePerformance(index) + 0.4 + ((draw.Next() - 0.5) * 1.6));
            var aspiration = (CareerAspiration)(int)(draw.Next() * 8);
            assessments.Add(new SelfAssessment(
                Employees[index].Id,
                DemoTexts.Objectives(selfRating),
                DemoTexts.Competencies(selfRating),
                DemoTexts.Achievements,
                selfRating,
                aspiration,
                null,
                DemoTexts.DevelopmentWishes,
                (Mobility)(int)(draw.Next() * 4)));
        }

        return assessments;
    }

    private static void AddDepartment(Random random, List<Employee> people, Dictionary<string, int> emails, string department, string role, int size, DateOnly today)
    {
        var headIndex = people.Count;
        var headLanguage = PickLanguage(random);
        people.Add(Person(random, emails, headIndex, "E000000", department, $"Director {department}", "L8",
            today.AddDays(-random.Next(5 * 365, 20 * 365)), headLanguage, DemoNames.HeadOffice, isHead: true));

        // Breadth-first: the manager at the front of the queue takes reports until its span is full. Someone
        // becomes a manager only while more people are still to come than the open places, so every manager
        // ends up with at least one report.
        var managers = new Queue<(int Index, int Depth, int Span)>();
        var firstSpan = random.Next(MinSpan, MaxSpan + 1);
        managers.Enqueue((headIndex, 1, firstSpan));
        var openPlaces = firstSpan;
        var reportsOfFront = 0;
        for (var n = 1; n < size; n++)
        {
            var (managerIndex, depth, span) = managers.Peek();
            var index = people.Count;
            var language = PickLanguage(random);
            openPlaces--;
            var becomesManager = size - n - 1 > openPlaces;
            var levelNumber = becomesManager ? Math.Max(3, 7 - depth) : random.Next(1, 5);
            var title = becomesManager ? (depth == 1 ? $"Head of {department}" : $"Team Lead {department}") : role;
            people.Add(Person(random, emails, index, people[managerIndex].Id, department, title, $"L{levelNumber}",
                today.AddDays(-TenureDays(random, becomesManager)), language, Site(random, language), isHead: becomesManager));

            if (becomesManager)
            {
                var newSpan = random.Next(MinSpan, MaxSpan + 1);
                managers.Enqueue((index, depth + 1, newSpan));
                openPlaces += newSpan;
            }

            if (++reportsOfFront >= span)
            {
                managers.Dequeue();
                reportsOfFront = 0;
            }
        }
    }

    /// <summary>Tenure skewed towards recent hires, with about 3 % hired in the last three months (too new to rate).</summary>
    private static int TenureDays(Random random, bool manager)
    {
        if (!manager && random.NextDouble() < 0.03)
        {
            return random.Next(0, 90);
        }

        var years = -Math.Log(1 - random.NextDouble()) * (manager ? 9 : 6);
        return 90 + (int)(Math.Min(years, 38) * 365);
    }

    private static Employee Person(
        Random random, Dictionary<string, int> emails, int index, string? managerId, string department, string title, string level,
        DateOnly hireDate, Language language, string site, bool isHead)
    {
        var (firstNames, lastNames) = language switch
        {
            Language.Nl => (DemoNames.DutchFirstNames, DemoNames.DutchLastNames),
            Language.Fr => (DemoNames.FrenchFirstNames, DemoNames.FrenchLastNames),
            _ => (DemoNames.EnglishFirstNames, DemoNames.EnglishLastNames),
        };
        var first = firstNames[random.Next(firstNames.Length)];
        var last = lastNames[random.Next(lastNames.Length)];
        var contract = isHead ? ContractType.Permanent : Pick(random, DemoNames.ContractShares);
        var status = Pick(random, DemoNames.StatusShares);
        return new Employee(
            $"E{index:D6}", $"{first} {last}", Email(emails, first, last), managerId, department, title, level,
            hireDate, contract, status, language, site);
    }

    private static string Email(Dictionary<string, int> emails, string first, string last)
    {
        var local = $"{AsciiLetters(first)}.{AsciiLetters(last)}";
        var count = emails.TryGetValue(local, out var seen) ? seen + 1 : 1;
        emails[local] = count;
        return count == 1 ? $"{local}@{MailDomain}" : $"{local}{count}@{MailDomain}";
    }

    private static string AsciiLetters(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsAsciiLetter(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Roughly the Belgian working population: Dutch the majority, French a large minority, some English.</summary>
    private static Language PickLanguage(Random random) => random.Next(100) switch
    {
        < 56 => Language.Nl,
        < 92 => Language.Fr,
        _ => Language.En,
    };

    private static string Site(Random random, Language language)
    {
        if (language == Language.En || random.Next(100) < 30)
        {
            return DemoNames.HeadOffice;
        }

        var sites = language == Language.Nl ? DemoNames.DutchSites : DemoNames.FrenchSites;
        return sites[random.Next(sites.Length)];
    }

    private static T Pick<T>(Random random, (T Value, int Weight)[] shares)
    {
        var roll = random.Next(shares.Sum(s => s.Weight));
        foreach (var (value, weight) in shares)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        return shares[^1].Value;
    }

    private static void Append(StringBuilder csv, string value, char separator, bool last)
    {
        if (value.AsSpan().IndexOfAny(separator, '"', '\n') >= 0)
        {
            csv.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        else
        {
            csv.Append(value);
        }

        csv.Append(last ? '\n' : separator);
    }

    private int? Lookup(string employeeId)
    {
        indexById ??= Employees.Select((e, i) => (e.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return indexById.TryGetValue(employeeId, out var index) ? index : null;
    }

    /// <summary>The "real" performance of a person on the five-point scale, the same for every generator call.</summary>
    private double TruePerformance(int index) => 3.1 + (Draw.Normal(seed, index, 1) * 0.85);

    private double TruePotential(int index) => 2.9 + (Draw.Normal(seed, index, 2) * 0.9);

    /// <summary>About one manager in ten rates too kindly, one in ten too harshly.</summary>
    private static double ManagerBias(int inputSeed, int managerIndex)
    {
        var roll = new Draw(inputSeed ^ 0x3A7, managerIndex).Next();
        return roll switch { < 0.1 => 0.9, > 0.9 => -0.9, _ => 0 };
    }

    private static int Score(double value) => Math.Clamp((int)Math.Round(value), Ratings.MinScore, Ratings.MaxScore);

    /// <summary>A small counter-based generator: cheap per employee, and independent of the order of calls.</summary>
    private struct Draw(int seed, int index)
    {
        private ulong state = ((ulong)(uint)seed << 32) ^ (uint)index ^ 0x9E3779B97F4A7C15UL;

        public double Next()
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }

        /// <summary>A standard normal value (Box–Muller) fixed by seed, index and salt.</summary>
        public static double Normal(int seed, int index, int salt)
        {
            var draw = new Draw(seed ^ (salt * 7919), index);
            var u1 = 1.0 - draw.Next();
            var u2 = draw.Next();
            return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        }
    }
}
