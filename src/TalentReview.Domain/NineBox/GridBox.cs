namespace TalentReview.Domain.NineBox;

/// <summary>
/// The nine boxes, numbered 1 (low performance, low potential) to 9 (high, high):
/// number = potential index x 3 + performance index + 1.
/// </summary>
public enum GridBox
{
    TalentRisk = 1,
    SolidProfessional = 2,
    TrustedExpert = 3,
    Dilemma = 4,
    CorePlayer = 5,
    HighPerformer = 6,
    RoughDiamond = 7,
    EmergingTalent = 8,
    Star = 9,
}

/// <summary>A place on the grid: performance (horizontal) by potential (vertical).</summary>
public readonly record struct GridPosition(RatingLevel Performance, RatingLevel Potential)
{
    public GridBox Box => (GridBox)(((int)Potential * 3) + (int)Performance + 1);

    public static GridPosition Of(GridBox box)
    {
        var index = (int)box - 1;
        return new GridPosition((RatingLevel)(index % 3), (RatingLevel)(index / 3));
    }

    public override string ToString() => $"{Box} ({Performance} performance, {Potential} potential)";
}
