using System.Text.Json;
using System.Text.Json.Serialization;
using TalentReview.Domain.Calibration;
using TalentReview.Domain.Demo;
using TalentReview.Domain.Forms;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Planning;

namespace TalentReview.Domain.Tests;

/// <summary>The workflow passes these types through durable activities as JSON (web defaults, enums as strings).</summary>
public sealed class JsonRoundTripTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static T RoundTrip<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Options), Options)!;

    [Fact]
    public void CyclePlan_RoundTrips()
    {
        var roster = DemoOrganisation.Generate(60, 1, new DateOnly(2026, 11, 23)).ToRoster();
        var plan = CyclePlan.Default("2026", new DateOnly(2027, 1, 11), roster);

        var copy = RoundTrip(plan);

        Assert.Equal(JsonSerializer.Serialize(plan, Options), JsonSerializer.Serialize(copy, Options));
        Assert.Empty(copy.Validate());
    }

    [Fact]
    public void ManagerInputAndSession_RoundTrip()
    {
        var input = Forms.FormValidationTests.Input(4);
        var session = CalibrationSession.Start("g", [("E1", GridPosition.Of(GridBox.CorePlayer))])
            .Move("E1", GridPosition.Of(GridBox.Star), "Reason.", "hr", DateTimeOffset.UnixEpoch).Session;

        var inputCopy = RoundTrip(input);
        var sessionCopy = RoundTrip(session);

        Assert.Equal(input with { Potential = inputCopy.Potential }, inputCopy);
        Assert.Equal(input.Potential, inputCopy.Potential);
        Assert.Equal(session.Audit, sessionCopy.Audit);
        Assert.Equal(session.Placements, sessionCopy.Placements);
        Assert.Contains("\"performance\":\"High\"", JsonSerializer.Serialize(GridPosition.Of(GridBox.Star), Options), StringComparison.Ordinal);
    }

    [Fact]
    public void SelfAssessment_RoundTrips()
    {
        var organisation = DemoOrganisation.Generate(10, 1, new DateOnly(2026, 11, 23));
        var form = organisation.GenerateSelfAssessments([organisation.Employees[1].Id], 1).Single();

        var copy = RoundTrip(form);

        Assert.Equal(form.Objectives, copy.Objectives);
        Assert.Equal((form.Aspiration, form.Mobility, form.OverallSelfRating), (copy.Aspiration, copy.Mobility, copy.OverallSelfRating));
    }
}
