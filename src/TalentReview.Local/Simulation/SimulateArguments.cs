using System.Globalization;

namespace TalentReview.Local.Simulation;

/// <summary>The arguments of <c>simulate --employees N --seed S [--cycles C] [--output folder]</c>; <see cref="Cycles"/> yearly cycles, one after the other.</summary>
public sealed record SimulateArguments(int Employees, int Seed, string OutputFolder, int Cycles = 1)
{
    public const string CommandName = "simulate";

    public const string Usage = "usage: simulate [--employees N] [--seed S] [--cycles C] [--output folder]   (defaults: 120 employees, seed 1, 1 cycle, ./simulation-output)";

    /// <summary>Yearly cycles one run may simulate.</summary>
    public const int MaxCycles = 10;

    public static SimulateArguments Default { get; } = new(120, 1, "simulation-output");

    /// <summary>True when the command line asks for a simulation rather than the web host.</summary>
    public static bool IsRequested(IReadOnlyList<string> args)
        => args.Count > 0 && string.Equals(args[0], CommandName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses the options that follow the command name; every problem is reported at once.</summary>
    public static (SimulateArguments? Arguments, IReadOnlyList<string> Errors) Parse(IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = Default;
        var errors = new List<string>();
        for (var i = 0; i < options.Count; i++)
        {
            var name = options[i];
            var value = i + 1 < options.Count ? options[i + 1] : null;
            switch (name)
            {
                case "--employees":
                    result = result with { Employees = ParseNumber(name, value, minimum: 2, errors) ?? result.Employees };
                    i++;
                    break;
                case "--cycles":
                    var cycles = ParseNumber(name, value, minimum: 1, errors);
                    if (cycles > MaxCycles)
                    {
                        errors.Add($"--cycles is at most {MaxCycles}.");
                    }

                    result = result with { Cycles = cycles ?? result.Cycles };
                    i++;
                    break;
                case "--seed":
                    result = result with { Seed = ParseNumber(name, value, minimum: 0, errors) ?? result.Seed };
                    i++;
                    break;
                case "--output":
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        errors.Add("--output needs a folder.");
                    }
                    else
                    {
                        result = result with { OutputFolder = value };
                    }

                    i++;
                    break;
                default:
                    errors.Add($"Unknown option '{name}'.");
                    break;
            }
        }

        return errors.Count == 0 ? (result, errors) : (null, errors);
    }

    private static int? ParseNumber(string name, string? value, int minimum, List<string> errors)
    {
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= minimum)
        {
            return number;
        }

        errors.Add($"{name} needs a whole number of at least {minimum}.");
        return null;
    }
}
