using TalentReview.Domain.Calibration;
using TalentReview.Domain.NineBox;

namespace TalentReview.Domain.Tests.Calibration;

public sealed class CalibrationSessionTests
{
    private static readonly DateTimeOffset At = new(2027, 2, 3, 14, 30, 0, TimeSpan.Zero);
    private static readonly GridPosition Core = GridPosition.Of(GridBox.CorePlayer);
    private static readonly GridPosition Star = GridPosition.Of(GridBox.Star);

    private static CalibrationSession Session() => CalibrationSession.Start("sales", [("E1", Core), ("E2", Core)]);

    [Fact]
    public void Move_WithReason_AppliesTheMoveAndAppendsAnAuditEntry()
    {
        var session = Session();

        var result = session.Move("E1", Star, "  Led the Benelux launch; peers confirm.  ", "hr@meridia.example", At);

        Assert.True(result.Succeeded);
        Assert.Equal(new CalibrationAdjustment("E1", Core, Star, "Led the Benelux launch; peers confirm.", "hr@meridia.example", At), Assert.Single(result.Session.Audit));
        Assert.Equal(Star, result.Session.Find("E1")!.Current);
        Assert.Equal(Core, result.Session.Find("E1")!.Proposed);
        Assert.True(result.Session.Find("E1")!.Moved);
        Assert.False(result.Session.Find("E2")!.Moved);
    }

    [Fact]
    public void Move_LeavesTheOriginalSessionUntouched()
    {
        var session = Session();

        _ = session.Move("E1", Star, "Reason enough.", "hr", At);

        Assert.Empty(session.Audit);
        Assert.Equal(Core, session.Find("E1")!.Current);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Move_WithoutReason_IsRejectedAndChangesNothing(string? reason)
    {
        var session = Session();

        var result = session.Move("E1", Star, reason!, "hr", At);

        Assert.False(result.Succeeded);
        Assert.Equal(("reason", "calibration.reasonRequired"), (result.Errors[0].Field, result.Errors[0].Code));
        Assert.Same(session, result.Session);
    }

    [Fact]
    public void Move_UnknownEmployeeSameBoxAndNoActor_AreRejected()
    {
        var session = Session();

        Assert.Equal("calibration.unknownEmployee", Assert.Single(session.Move("E9", Star, "Because.", "hr", At).Errors).Code);
        Assert.Equal("calibration.sameBox", Assert.Single(session.Move("E1", Core, "Because.", "hr", At).Errors).Code);
        Assert.Equal("calibration.actorRequired", Assert.Single(session.Move("E1", Star, "Because.", "", At).Errors).Code);
    }

    [Fact]
    public void Moves_InSequence_KeepTheFullTrail()
    {
        var first = Session().Move("E1", Star, "Strong year.", "M1", At).Session;

        var second = first.Move("E1", Core, "Committee: not yet sustained.", "hr", At.AddMinutes(5)).Session;

        Assert.Equal([(Core, Star), (Star, Core)], second.Audit.Select(a => (a.From, a.To)));
        Assert.False(second.Find("E1")!.Moved);
    }
}
