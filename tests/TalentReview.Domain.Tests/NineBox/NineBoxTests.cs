using TalentReview.Domain.NineBox;

namespace TalentReview.Domain.Tests.NineBox;

public sealed class NineBoxTests
{
    [Theory]
    [InlineData(RatingLevel.Low, RatingLevel.Low, GridBox.TalentRisk)]
    [InlineData(RatingLevel.High, RatingLevel.Low, GridBox.TrustedExpert)]
    [InlineData(RatingLevel.Moderate, RatingLevel.Moderate, GridBox.CorePlayer)]
    [InlineData(RatingLevel.Low, RatingLevel.High, GridBox.RoughDiamond)]
    [InlineData(RatingLevel.High, RatingLevel.Moderate, GridBox.HighPerformer)]
    [InlineData(RatingLevel.Moderate, RatingLevel.High, GridBox.EmergingTalent)]
    [InlineData(RatingLevel.High, RatingLevel.High, GridBox.Star)]
    public void Box_PlacesPerformanceByPotential(RatingLevel performance, RatingLevel potential, GridBox box)
    {
        Assert.Equal(box, new GridPosition(performance, potential).Box);
    }

    [Fact]
    public void Of_IsTheInverseOfBox()
    {
        Assert.All(Enum.GetValues<GridBox>(), box => Assert.Equal(box, GridPosition.Of(box).Box));
    }

    [Fact]
    public void DefaultLabels_ExistForEveryBoxInEveryLanguageAndDiffer()
    {
        foreach (var language in Enum.GetValues<Language>())
        {
            var names = Enum.GetValues<GridBox>().Select(box => BoxLabels.Default.For(box, language)).ToList();
            Assert.All(names, label => Assert.False(string.IsNullOrWhiteSpace(label.SuggestedAction)));
            Assert.Equal(9, names.Select(l => l.Name).Distinct().Count());
        }
    }

    [Fact]
    public void DefaultLabels_SpeakTheRequestedLanguage()
    {
        Assert.Equal("Ster", BoxLabels.Default.For(GridBox.Star, Language.Nl).Name);
        Assert.Equal("Étoile", BoxLabels.Default.For(GridBox.Star, Language.Fr).Name);
        Assert.Equal("Star", BoxLabels.Default.For(GridBox.Star, Language.En).Name);
    }

    [Fact]
    public void Overrides_ReplaceOnlyWhatTheyGive()
    {
        var labels = new BoxLabels([new BoxLabelOverride(GridBox.Star, Language.Nl, "Toptalent", null)]);

        var star = labels.For(GridBox.Star, Language.Nl);

        Assert.Equal("Toptalent", star.Name);
        Assert.Equal(BoxLabels.Default.For(GridBox.Star, Language.Nl).SuggestedAction, star.SuggestedAction);
        Assert.Equal("Star", labels.For(GridBox.Star, Language.En).Name);
    }

    [Fact]
    public void Overrides_ForABoxThatDoesNotExist_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => new BoxLabels([new BoxLabelOverride((GridBox)12, Language.En, "Twelve", null)]));
    }
}
