using TalentReview.Domain.Calibration;
using TalentReview.Domain.NineBox;
using TalentReview.Domain.Rosters;

namespace TalentReview.Domain.Tests.Calibration;

public sealed class FairnessAnalysisTests
{
    private const int Year = 2026;

    private static FairnessMember Member(GridBox box, int? born = null, Gender? gender = null, bool? partTime = null, ContractType contract = ContractType.Permanent)
        => new(GridPosition.Of(box), born, gender, partTime, contract);

    private static IEnumerable<FairnessMember> Times(int count, FairnessMember member) => Enumerable.Repeat(member, count);

    private static FairnessRow Row(FairnessView view, FairnessDimension dimension, FairnessCategory category)
        => view.Breakdowns.Single(b => b.Dimension == dimension).Rows.Single(r => r.Category == category);

    [Theory]
    [InlineData(1997, FairnessCategory.Under30)]
    [InlineData(1996, FairnessCategory.From30To44)]
    [InlineData(1982, FairnessCategory.From30To44)]
    [InlineData(1981, FairnessCategory.From45)]
    [InlineData(null, FairnessCategory.NotGiven)]
    public void Age_bands_are_under_30_30_to_44_and_45_and_over_in_the_reference_year(int? born, FairnessCategory band)
        => Assert.Equal(band, FairnessAnalysis.AgeBand(born, Year));

    [Fact]
    public void Each_category_shows_its_spread_over_performance_and_potential_next_to_the_whole_group()
    {
        // Twenty under 30, half of them high potential; twenty aged 45 and over, a quarter high potential.
        FairnessMember[] placed =
        [
            .. Times(5, Member(GridBox.Star, born: 2000)), .. Times(5, Member(GridBox.RoughDiamond, born: 2000)),
            .. Times(5, Member(GridBox.CorePlayer, born: 2000)), .. Times(5, Member(GridBox.SolidProfessional, born: 2000)),
            .. Times(5, Member(GridBox.TrustedExpert, born: 1970)), .. Times(5, Member(GridBox.TalentRisk, born: 1970)),
            .. Times(5, Member(GridBox.Dilemma, born: 1970)), .. Times(5, Member(GridBox.EmergingTalent, born: 1970)),
        ];

        var view = FairnessAnalysis.Analyse(placed, Year);

        Assert.Equal(40, view.Members);
        Assert.Equal(new FairnessShare(15, 38m), view.WholeGroup.Potential[(int)RatingLevel.High]);
        var ages = view.Breakdowns.Single(b => b.Dimension == FairnessDimension.AgeBand);
        Assert.Equal([FairnessCategory.Under30, FairnessCategory.From45], ages.Rows.Select(r => r.Category));
        var young = Row(view, FairnessDimension.AgeBand, FairnessCategory.Under30);
        var older = Row(view, FairnessDimension.AgeBand, FairnessCategory.From45);
        Assert.Equal((20, 20), (young.Members, older.Members));
        Assert.Equal(new FairnessShare(10, 50m), young.Shares.Potential[(int)RatingLevel.High]);
        Assert.Equal(new FairnessShare(5, 25m), older.Shares.Potential[(int)RatingLevel.High]);
        Assert.Equal(new FairnessShare(10, 50m), older.Shares.Performance[(int)RatingLevel.Low]);

        // Nobody's gender is known: one row, the whole group, hides nothing and tells nothing new.
        Assert.Equal(40, Row(view, FairnessDimension.Gender, FairnessCategory.NotGiven).Members);
    }

    [Fact]
    public void A_category_under_five_people_is_hidden_and_so_is_the_one_that_would_give_it_away()
    {
        // 3 part-timers among 20: their number and spread would follow from the full-timers' row and the whole group.
        FairnessMember[] placed = [.. Times(3, Member(GridBox.Star, partTime: true)), .. Times(17, Member(GridBox.CorePlayer, partTime: false))];

        var view = FairnessAnalysis.Analyse(placed, Year);

        var partTime = Row(view, FairnessDimension.WorkingTime, FairnessCategory.PartTime);
        var fullTime = Row(view, FairnessDimension.WorkingTime, FairnessCategory.FullTime);
        Assert.Null(partTime.Members);
        Assert.Null(fullTime.Members);
        Assert.All(partTime.Shares.Performance.Concat(partTime.Shares.Potential).Concat(fullTime.Shares.Performance).Concat(fullTime.Shares.Potential), Assert.Null);
    }

    [Fact]
    public void A_single_hidden_cell_hides_the_next_smallest_so_it_cannot_be_worked_out_by_subtraction()
    {
        // 30 women: 3 high performers (hidden); 3 = 30 - 12 - 15, so their 12 moderate are hidden too.
        // The men's 10 high performers would give the women's 3 away from the whole group's 13: hidden, and so on.
        FairnessMember[] placed =
        [
            .. Times(3, Member(GridBox.HighPerformer, gender: Gender.Female)), .. Times(12, Member(GridBox.CorePlayer, gender: Gender.Female)),
            .. Times(15, Member(GridBox.Dilemma, gender: Gender.Female)),
            .. Times(10, Member(GridBox.HighPerformer, gender: Gender.Male)), .. Times(10, Member(GridBox.CorePlayer, gender: Gender.Male)),
            .. Times(10, Member(GridBox.Dilemma, gender: Gender.Male)),
        ];

        var view = FairnessAnalysis.Analyse(placed, Year);

        var women = Row(view, FairnessDimension.Gender, FairnessCategory.Female);
        var men = Row(view, FairnessDimension.Gender, FairnessCategory.Male);
        Assert.Equal((30, 30), (women.Members, men.Members));
        Assert.Equal([null, null, new FairnessShare(15, 50m)], women.Shares.Performance.Reverse());
        Assert.Equal([null, null, new FairnessShare(10, 33m)], men.Shares.Performance.Reverse());
        Assert.Equal(new FairnessShare(30, 100m), women.Shares.Potential[(int)RatingLevel.Moderate]);
    }

    [Fact]
    public void No_number_under_the_minimum_is_ever_shown_whatever_the_group()
    {
        var random = new Random(17);
        for (var round = 0; round < 200; round++)
        {
            var placed = Enumerable.Range(0, random.Next(1, 80)).Select(_ => Member(
                (GridBox)random.Next(1, 10), random.Next(3) == 0 ? null : random.Next(1960, 2005), random.Next(4) is var g && g == 3 ? null : (Gender)g,
                random.Next(3) switch { 0 => null, 1 => true, _ => false }, (ContractType)random.Next(6))).ToList();

            var view = FairnessAnalysis.Analyse(placed, Year);

            foreach (var row in view.Breakdowns.SelectMany(b => b.Rows))
            {
                Assert.True(row.Members is null or >= FairnessAnalysis.DefaultMinCellSize);
                Assert.All(row.Shares.Performance.Concat(row.Shares.Potential), s => Assert.True(s is null || s.Count >= FairnessAnalysis.DefaultMinCellSize));
                Assert.NotEqual(1, row.Shares.Performance.Count(s => s is null));
                Assert.NotEqual(1, row.Shares.Potential.Count(s => s is null));
            }
        }
    }
}
