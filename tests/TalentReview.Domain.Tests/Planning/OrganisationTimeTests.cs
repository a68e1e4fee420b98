using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TalentReview.Domain.Planning;
using TalentReview.Domain.Rosters;
using TalentReview.Domain.Tests.Rosters;

namespace TalentReview.Domain.Tests.Planning;

public sealed class OrganisationTimeTests
{
    private static readonly OrganisationTime Brussels = OrganisationTime.Default;
    private static readonly OrganisationTime NewYork = new("America/New_York", new TimeOnly(9, 0));
    private static readonly OrganisationTime Tokyo = new("Asia/Tokyo", new TimeOnly(9, 0));

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Default_IsNineInTheMorningInBrussels()
    {
        Assert.Equal("Europe/Brussels", Brussels.TimeZoneId);
        Assert.Equal(new TimeOnly(9, 0), Brussels.WorkingHour);
    }

    [Fact]
    public void At_IsTheWorkingHourOfTheDayInTheZone_OnEitherSideOfDaylightSaving()
    {
        Assert.Equal(Utc(3, 27, 8), Brussels.At(new DateOnly(2026, 3, 27)));
        Assert.Equal(Utc(3, 30, 7), Brussels.At(new DateOnly(2026, 3, 30)));
        Assert.Equal(Utc(3, 6, 14), NewYork.At(new DateOnly(2026, 3, 6)));
        Assert.Equal(Utc(3, 9, 13), NewYork.At(new DateOnly(2026, 3, 9)));
        Assert.Equal(Utc(3, 9, 0), Tokyo.At(new DateOnly(2026, 3, 9)));
    }

    [Fact]
    public void EndOf_IsMidnightAfterTheDayInTheZone()
    {
        Assert.Equal(Utc(3, 15, 23), Brussels.EndOf(new DateOnly(2026, 3, 15)));
        Assert.Equal(Utc(4, 5, 22), Brussels.EndOf(new DateOnly(2026, 4, 5)));
        Assert.Equal(Utc(3, 16, 4), NewYork.EndOf(new DateOnly(2026, 3, 15)));
        Assert.Equal(Utc(3, 15, 15), Tokyo.EndOf(new DateOnly(2026, 3, 15)));
    }

    [Theory]
    [InlineData("Europe/Brussels", 3, "2026-03-02")]
    [InlineData("Europe/Brussels", 23, "2026-03-03")]
    [InlineData("America/New_York", 3, "2026-03-01")]
    [InlineData("America/New_York", 23, "2026-03-02")]
    [InlineData("Asia/Tokyo", 3, "2026-03-02")]
    [InlineData("Asia/Tokyo", 23, "2026-03-03")]
    public void DateOf_IsTheDateInTheZone_ForLaunchesAt0300And2330Utc(string zone, int utcHour, string expected)
    {
        var moment = new DateTimeOffset(2026, 3, 2, utcHour, utcHour == 23 ? 30 : 0, 0, TimeSpan.Zero);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), new OrganisationTime(zone, new TimeOnly(9, 0)).DateOf(moment));
    }

    [Fact]
    public void At_AnHourSkippedByTheClockChange_IsTakenAtTheOffsetBefore()
        => Assert.Equal(Utc(3, 29, 1, 30), new OrganisationTime("Europe/Brussels", new TimeOnly(2, 30)).At(new DateOnly(2026, 3, 29)));

    [Fact]
    public void At_AnHourThatHappensTwice_IsItsFirstOccurrence()
        => Assert.Equal(Utc(10, 25, 0, 30), new OrganisationTime("Europe/Brussels", new TimeOnly(2, 30)).At(new DateOnly(2026, 10, 25)));

    [Fact]
    public void Validate_UnknownZone_NamesTheField()
    {
        var plan = Plan() with { Time = new OrganisationTime("Europe/Bruxelles", new TimeOnly(9, 0)) };

        var error = Assert.Single(plan.Validate());
        Assert.Equal("time.timeZoneId", error.Field);
        Assert.Contains("'Europe/Bruxelles' is not a known time zone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WorkingHourWithSeconds_NamesTheField()
        => Assert.Equal("time.workingHour", Assert.Single((Plan() with { Time = new OrganisationTime("Asia/Tokyo", new TimeOnly(9, 0, 30)) }).Validate()).Field);

    [Fact]
    public void APlanStoredBeforeTheSetting_ReadsAsTheDefault()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        var stored = JsonSerializer.SerializeToNode(Plan(), options)!.AsObject();
        stored.Remove("time");

        var read = stored.Deserialize<CyclePlan>(options)!;

        Assert.Equal(OrganisationTime.Default, read.Time);
        Assert.Equal(NewYork, JsonSerializer.Deserialize<CyclePlan>(JsonSerializer.Serialize(Plan() with { Time = NewYork }, options), options)!.Time);
    }

    private static CyclePlan Plan() => CyclePlan.Default("Talent review 2027", new DateOnly(2027, 1, 11), Roster.Create([
        RosterTests.Person("E1", null, "Board"),
        RosterTests.Person("E2", "E1", "Sales"),
    ]).Roster!);
}
