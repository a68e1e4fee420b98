using TalentReview.Local.Simulation;

namespace TalentReview.Local.Tests;

public sealed class SimulateArgumentsTests
{
    [Fact]
    public void Parse_AllOptions_TakesEach()
    {
        var (arguments, errors) = SimulateArguments.Parse(["--employees", "60", "--seed", "7", "--output", "out"]);

        Assert.Empty(errors);
        Assert.Equal(new SimulateArguments(60, 7, "out"), arguments);
    }

    [Fact]
    public void Parse_Cycles_TakesThemUpToTheLimit()
    {
        Assert.Equal(3, SimulateArguments.Parse(["--cycles", "3"]).Arguments!.Cycles);
        var (tooMany, errors) = SimulateArguments.Parse(["--cycles", "11"]);
        Assert.Null(tooMany);
        Assert.Equal("--cycles is at most 10.", Assert.Single(errors));
    }

    [Fact]
    public void Parse_NoOptions_UsesDefaults()
    {
        var (arguments, _) = SimulateArguments.Parse([]);

        Assert.Equal(SimulateArguments.Default, arguments);
    }

    [Fact]
    public void Parse_BadValues_ReportsEveryProblem()
    {
        var (arguments, errors) = SimulateArguments.Parse(["--employees", "many", "--seed", "-1", "--colour"]);

        Assert.Null(arguments);
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Contains("--employees", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("--seed", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("--colour", StringComparison.Ordinal));
    }

    [Fact]
    public void IsRequested_OnlyForTheSimulateCommand()
    {
        Assert.True(SimulateArguments.IsRequested(["simulate", "--seed", "1"]));
        Assert.False(SimulateArguments.IsRequested(["--urls", "http://127.0.0.1:5080"]));
    }
}
