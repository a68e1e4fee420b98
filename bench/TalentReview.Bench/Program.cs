using System.Reflection;
using TalentReview.Bench;

// One benchmark program for the whole project: `dotnet run -c Release --project bench/TalentReview.Bench -- <suite>`.
// Each suite prints one `name: value unit` line per figure. Run one suite per process so peak memory is its own.
var suites = typeof(IBenchSuite).Assembly.GetTypes()
    .Where(t => typeof(IBenchSuite).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchSuite)Activator.CreateInstance(t)!)
    .ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

if (args.Length == 0 || !suites.TryGetValue(args[0], out var suite))
{
    Console.Error.WriteLine($"usage: TalentReview.Bench <suite> [options]; suites: {string.Join(", ", suites.Keys.Order())}");
    return 2;
}

await suite.RunAsync(args[1..], new FigureWriter(Console.Out));
return 0;
