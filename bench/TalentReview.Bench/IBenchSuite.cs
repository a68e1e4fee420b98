namespace TalentReview.Bench;

/// <summary>A named group of figures. Suites are discovered by reflection: add a class, nothing else.</summary>
internal interface IBenchSuite
{
    string Name { get; }

    Task RunAsync(string[] args, FigureWriter figures);
}
