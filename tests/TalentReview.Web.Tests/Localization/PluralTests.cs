using TalentReview.Domain;
using TalentReview.Web.Calibration;
using TalentReview.Web.Hr.Console;

namespace TalentReview.Web.Tests.Localization;

/// <summary>Counts read as people write them: one card, two cards; in French zero is singular too.</summary>
public sealed class PluralTests
{
    [Theory]
    [InlineData(Language.En, 1, "1 card is still in the holding area; place it before approving.")]
    [InlineData(Language.En, 3, "3 cards are still in the holding area; place them before approving.")]
    [InlineData(Language.Nl, 1, "Er staat nog 1 kaart in de wachtruimte; plaats ze voor u goedkeurt.")]
    [InlineData(Language.Nl, 2, "Er staan nog 2 kaarten in de wachtruimte; plaats ze voor u goedkeurt.")]
    [InlineData(Language.Fr, 1, "Il reste 1 carte dans la zone d'attente ; placez-la avant d'approuver.")]
    [InlineData(Language.Fr, 4, "Il reste 4 cartes dans la zone d'attente ; placez-les avant d'approuver.")]
    public void The_holding_area_counts_cards_in_words_that_agree(Language language, int cards, string expected)
        => Assert.Equal(expected, CalibrationTexts.HoldingNotEmpty.Format(language, cards));

    [Theory]
    [InlineData(Language.En, 1, "Show the 1 person")]
    [InlineData(Language.En, 0, "Show the 0 people")]
    [InlineData(Language.Fr, 1, "Afficher le 1 collaborateur")]
    [InlineData(Language.Fr, 0, "Afficher le 0 collaborateur")]
    [InlineData(Language.Nl, 7, "Toon de 7 medewerkers")]
    public void The_console_says_person_or_people_by_the_count(Language language, int people, string expected)
        => Assert.Equal(expected, ConsoleTexts.ShowPeople.Format(language, people));

    [Fact]
    public void A_box_with_one_card_reads_one_person()
        => Assert.Equal("1 person · 2% (guidance 8%)", CalibrationTexts.Share.Format(Language.En, 1, 2m, 8m));
}
