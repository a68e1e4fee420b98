using System.Text.Json;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;
using TalentReview.Domain.Tests.Rosters;

namespace TalentReview.Domain.Tests.Planning;

public sealed class ConversationWindowTests
{
    private static readonly OrganisationTime Brussels = OrganisationTime.Default;
    private static readonly OrganisationTime NewYork = new("America/New_York", new TimeOnly(9, 0));
    private static readonly OrganisationTime Tokyo = new("Asia/Tokyo", new TimeOnly(9, 0));

    private static readonly Roster Company = Roster.Create([
        RosterTests.Person("E1", null, "Board"),
        RosterTests.Person("E2", "E1", "Sales"),
        RosterTests.Person("E3", "E2", "Sales"),
        RosterTests.Person("E4", "E1", "IT"),
        RosterTests.Person("E5", "E4", "IT"),
    ]).Roster!;

    private static CyclePlan Plan() => CyclePlan.Default("Review", new DateOnly(2027, 1, 11), Company, ["hr@meridia.example"]);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2026-03-02", 5, "2026-03-09")] // Monday: the next Monday
    [InlineData("2026-03-04", 3, "2026-03-09")] // Wednesday + 3 crosses the weekend: Monday
    [InlineData("2026-03-06", 1, "2026-03-09")] // Friday + 1: Monday, not Saturday
    [InlineData("2026-03-06", 5, "2026-03-13")] // Friday + 5: the next Friday
    [InlineData("2026-03-07", 1, "2026-03-09")] // Saturday + 1: Monday
    [InlineData("2026-03-08", 5, "2026-03-13")] // Sunday + 5: Friday
    [InlineData("2026-03-02", 30, "2026-04-13")] // six weeks
    public void AddWorkingDays_CountsMondayToFridayOnly(string from, int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ConversationWindow.AddWorkingDays(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days));
    }

    [Fact]
    public void EmployeesReleaseAt_AFridayRelease_IsTheNextFridayAtNineInBrussels()
    {
        // Friday 6 March 2026, 15:00 in Brussels; the next Friday at 09:00 there is 08:00 UTC (winter time).
        Assert.Equal(Utc(3, 13, 8), ConversationWindow.EmployeesReleaseAt(Brussels, Utc(3, 6, 14), 5));
    }

    [Fact]
    public void EmployeesReleaseAt_AWindowAcrossTheChangeToSummerTime_KeepsNineOClockInTheZone()
    {
        // Thursday 26 March in Brussels; two working days later is Monday 30 March, after clocks went forward: 07:00 UTC.
        Assert.Equal(Utc(3, 30, 7), ConversationWindow.EmployeesReleaseAt(Brussels, Utc(3, 26, 10), 2));
    }

    [Fact]
    public void EmployeesReleaseAt_CountsFromTheDayInTheZone_NotTheUtcDay()
    {
        // Thursday 5 March at 23:30 in New York is already Friday in UTC: the window counts from Thursday there.
        Assert.Equal(Utc(3, 12, 13), ConversationWindow.EmployeesReleaseAt(NewYork, Utc(3, 6, 4, 30), 5));
        // Monday 9 March at 08:00 in Tokyo is still Sunday in UTC: the window counts from Monday there, to Tuesday at 09:00 Tokyo.
        Assert.Equal(Utc(3, 10, 0), ConversationWindow.EmployeesReleaseAt(Tokyo, Utc(3, 8, 23), 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(-2)]
    public void Validate_AWindowOutsideOneToThirtyWorkingDays_SaysWhatAndWhere(int days)
    {
        var plan = Plan();

        var error = Assert.Single((plan with { Release = plan.Release with { ConversationWorkingDays = days } }).Validate());

        Assert.Equal(("release.conversationWorkingDays", "plan.release.conversationWindow"), (error.Field, error.Code));
        Assert.StartsWith($"The conversation window must be 1 to 30 working days (it is {days})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_IsFiveWorkingDays_AndAPlanStoredBeforeTheWindowReadsAsTheDefault()
    {
        var stored = """{"ReleaseDate":"2027-02-15","ShowPerformance":true,"ShowPotential":false,"ShowBox":false,"ShowDecision":true}""";

        var settings = JsonSerializer.Deserialize<ReleaseSettings>(stored)!;

        Assert.Equal(5, Plan().Release.ConversationWorkingDays);
        Assert.Equal(5, settings.ConversationWorkingDays);
        Assert.Empty(Plan().Validate());
    }
}
