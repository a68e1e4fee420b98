using TalentReview.Domain.Forms;
using TalentReview.Domain.Rosters;

namespace TalentReview.Domain.Demo;

/// <summary>
/// A deterministic synthetic Belgian company: the same size and seed always give the same people.
/// Used for the local demo seed, simulations and benchmarks. Everyone and everything in it is fictional.
/// </summary>
public sealed class DemoOrganisation
{
    /// <summary>The fictional mail domain of the demo company.</summary>
    public const string MailDomain = "brabantia-logistics.example";

    private DemoOrganisation(IReadOnlyList<Employee> employees, DateOnly today)
    {
        Employees = employees;
        Today = today;
    }

    public IReadOnlyList<Employee> Employees { get; }

    /// <summary>The date the organisation was generated for; hire dates lie before it.</summary>
    public DateOnly Today { get; }

    /// <param name="employees">From a handful to a few hundred thousand.</param>
    /// <param name="seed">Same seed, same organisation.</param>
    /// <param name="today">The reference date; a few hires fall within the last three months of it.</param>
    public static DemoOrganisation Generate(int employees, int seed, DateOnly today) => throw new NotImplementedException();

    public Roster ToRoster() => throw new NotImplementedException();

    /// <summary>The roster as CSV text with a header row, as an HR export would look.</summary>
    public string ToCsv(char separator = ';') => throw new NotImplementedException();

    /// <summary>Deterministic manager input for the given employees (a realistic spread of ratings).</summary>
    public IReadOnlyList<ManagerInput> GenerateManagerInputs(IEnumerable<string> employeeIds, int seed) => throw new NotImplementedException();

    /// <summary>Deterministic self-assessments for the given employees.</summary>
    public IReadOnlyList<SelfAssessment> GenerateSelfAssessments(IEnumerable<string> employeeIds, int seed) => throw new NotImplementedException();
}
