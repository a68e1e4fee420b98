using TalentReview.Domain.Rosters;

namespace TalentReview.Domain.Tests.Rosters;

/// <summary>Birth year, gender and working time: optional columns, read for the fairness view only.</summary>
public sealed class RosterPersonalColumnsTests
{
    private const string Header = "id;name;email;managerId;department;jobTitle;level;hireDate;contractType;status;language;location";
    private const string Row = "E1;An Peeters;an.peeters@meridia.example;;Board;CEO;L9;2010-01-04;permanent;active;nl;Brussels";

    [Fact]
    public void A_roster_without_the_columns_imports_with_nothing_known()
    {
        var result = RosterImport.FromCsv(Header + "\n" + Row + "\n");

        var an = result.Roster!.Find("E1")!;
        Assert.Null(an.BirthYear);
        Assert.Null(an.Gender);
        Assert.Null(an.WorkingTimePercent);
        Assert.Null(an.PartTime);
    }

    [Theory]
    [InlineData("Geboortejaar;Geslacht;Arbeidsduur", "1971;V;80%", 1971, Gender.Female, 80, true)]
    [InlineData("date of birth;sex;FTE", "30/06/1985;M;1", 1985, Gender.Male, 100, false)]
    [InlineData("Date de naissance;Genre;Temps de travail", "1989-02-01;X;0,5", 1989, Gender.Other, 50, true)]
    [InlineData("birthYear;gender;workingTime", "1990;;full-time", 1990, null, 100, false)]
    public void The_columns_are_read_under_their_usual_names_in_en_nl_and_fr(
        string headers, string values, int birthYear, Gender? gender, int percent, bool partTime)
    {
        var result = RosterImport.FromCsv($"{Header};{headers}\n{Row};{values}\n");

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
        var an = result.Roster!.Find("E1")!;
        Assert.Equal(birthYear, an.BirthYear);
        Assert.Equal(gender, an.Gender);
        Assert.Equal(percent, an.WorkingTimePercent);
        Assert.Equal(partTime, an.PartTime);
    }

    [Fact]
    public void Part_time_without_a_percentage_is_kept_as_part_time()
    {
        var result = RosterImport.FromCsv($"{Header};workingTime\n{Row};deeltijds\n");

        var an = result.Roster!.Find("E1")!;
        Assert.True(an.PartTime);
        Assert.Null(an.WorkingTimePercent);
    }

    [Fact]
    public void Wrong_values_are_refused_each_with_its_line_field_and_what_to_write()
    {
        var result = RosterImport.FromCsv($"{Header};birthYear;gender;workingTime\n{Row};85;unknown;120%\n{Row.Replace("E1;An", "E2;Ben", StringComparison.Ordinal).Replace("an.peeters", "ben", StringComparison.Ordinal)};2005;f;80\n");

        Assert.False(result.Succeeded);
        Assert.Collection(
            result.Problems.OrderBy(p => p.Line).ThenBy(p => p.Field, StringComparer.Ordinal),
            p =>
            {
                Assert.Equal((2, "birthYear", RosterProblemCode.InvalidBirthYear), (p.Line, p.Field, p.Code));
                Assert.Equal("'85' is not a birth year; use 1985 or a date such as 1985-06-30.", p.Message);
            },
            p =>
            {
                Assert.Equal((2, "gender", RosterProblemCode.UnknownGender), (p.Line, p.Field, p.Code));
                Assert.Equal("'unknown' is not a known gender (female, male or X; leave it empty when not known).", p.Message);
            },
            p =>
            {
                Assert.Equal((2, "workingTime", RosterProblemCode.InvalidWorkingTime), (p.Line, p.Field, p.Code));
                Assert.Contains("'120%' is not a working time", p.Message, StringComparison.Ordinal);
            },
            p =>
            {
                Assert.Equal((3, "birthYear", RosterProblemCode.InvalidBirthYear), (p.Line, p.Field, p.Code));
                Assert.Equal("Born in 2005 but hired on 2010-01-04: the birth year must be at least 14 years before the hire date.", p.Message);
            });
    }

    [Fact]
    public void A_json_roster_takes_numbers_for_the_birth_year_and_working_time()
    {
        var result = RosterImport.FromJson("""
            [{"id":"E1","name":"An Peeters","email":"an@meridia.example","department":"Board","hireDate":"2010-01-04","contractType":"permanent","status":"active","language":"nl","birthYear":1968,"gender":"female","workingTime":0.8}]
            """);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
        var an = result.Roster!.Find("E1")!;
        Assert.Equal((1968, Gender.Female, 80, true), (an.BirthYear!.Value, an.Gender!.Value, an.WorkingTimePercent!.Value, an.PartTime!.Value));
    }
}
