using TalentReview.Domain;
using TalentReview.Domain.Planning;

namespace TalentReview.Infrastructure.Email.Templates;

/// <summary>Belgian Dutch, in the u-form.</summary>
internal static class DutchTexts
{
    public static LanguagePack Pack { get; } = new(
        "nl-BE",
        "nl-BE",
        new LayoutPhrases(
            Greeting: "Beste {name},",
            LinkFallback: "Werkt de knop niet? Kopieer dan deze link naar uw browser:",
            SignOff: "Met vriendelijke groeten,",
            Sender: "Het HR-team",
            Footer: "Deze e-mail hoort bij {cycle}. De link is persoonlijk en geeft toegang zonder wachtwoord: stuur dit bericht niet door. Dit is een automatisch bericht; antwoorden op dit adres worden niet gelezen."),
        new Dictionary<TemplateId, TemplateText>
        {
            [TemplateId.SelfAssessmentInvitation] = new(
                "{cycle}: uw zelfevaluatie",
                [
                    "De jaarlijkse talentreview is van start gegaan. Als eerste stap vragen we u om terug te blikken op het voorbije jaar en uw ontwikkeling en ambities te beschrijven in een korte zelfevaluatie.",
                    "Uw leidinggevende gebruikt uw zelfevaluatie om het gesprek met u voor te bereiden. Wat u invult, blijft vertrouwelijk binnen de review.",
                    "Gelieve uw zelfevaluatie in te vullen vóór {deadline}.",
                ],
                "Zelfevaluatie invullen",
                ["Hebt u vragen? Neem gerust contact op met uw leidinggevende of met het HR-team."]),
            [TemplateId.SelfAssessmentReminder] = new(
                "Herinnering: uw zelfevaluatie voor {cycle}",
                [
                    "We hebben uw zelfevaluatie nog niet ontvangen. U hebt nog {daysLeft}, tot {deadline}, om ze in te vullen.",
                    "Uw antwoorden helpen uw leidinggevende om het gesprek met u goed voor te bereiden.",
                ],
                "Zelfevaluatie invullen"),
            [TemplateId.ManagerDigest] = new(
                "{cycle}: uw input voor uw team",
                [
                    "Voor de talentreview vragen we uw inschatting van de medewerkers die rechtstreeks aan u rapporteren: hun prestaties, hun potentieel, hun klaarheid voor een volgende stap en concrete voorbeelden die dat onderbouwen.",
                    "Voor deze medewerkers wachten we nog op uw input:",
                ],
                "Input geven",
                ["Gelieve uw input te geven vóór {deadline}. Daarna bespreekt het kalibratiecomité de resultaten."],
                Block: "reports"),
            [TemplateId.ManagerReminder] = new(
                "Herinnering: {cycle}, uw input wordt verwacht",
                [
                    "Voor een aantal van uw medewerkers ontbreekt uw input nog. De uiterste datum is {deadline}.",
                    "Nog open:",
                ],
                "Input geven",
                ["Lukt het niet tijdig? Laat het dan weten aan het HR-team, zodat we samen een oplossing kunnen zoeken."],
                Block: "reports"),
            [TemplateId.EscalationToSkipLevelManager] = new(
                "{cycle}: input voor het team van {manager} is laattijdig",
                ["Als leidinggevende van {manager} ontvangt u dit bericht omdat de input voor deze medewerkers, ondanks herinneringen, nog ontbreekt:"],
                "Openstaande input bekijken",
                ["We vragen u om dit met {manager} op te volgen, of de input zelf te geven. De nieuwe uiterste datum is {deadline}."],
                Block: "reports"),
            [TemplateId.EscalationToHumanResources] = new(
                "{cycle}: escalatie, input voor het team van {manager} ontbreekt",
                ["De input van {manager} voor deze medewerkers ontbreekt nog, ondanks herinneringen en een escalatie naar de volgende leidinggevende:"],
                "Openstaande input bekijken",
                ["Kunt u dit opvolgen? Via de link kunt u de input zelf registreren. De nieuwe uiterste datum is {deadline}."],
                Block: "reports"),
            [TemplateId.CalibrationReady] = new(
                "{cycle}: de kalibratie van {group} staat klaar",
                [
                    "De input voor kalibratiegroep {group} is binnen. Het kalibratiebord met {participants} staat voor u klaar.",
                    "Tijdens de kalibratie plaatst het comité elke medewerker in het 9-box-raster. Wie een positie wijzigt, geeft daarvoor telkens een korte motivering.",
                ],
                "Kalibratiebord openen",
                ["Gelieve de kalibratie af te ronden vóór {deadline}."]),
            [TemplateId.CalibrationReadyIncomplete] = new(
                "{cycle}: de kalibratie van {group} staat klaar, met ontbrekende input",
                [
                    "De input voor kalibratiegroep {group} is afgesloten zonder volledig te zijn: ze ontbreekt voor {missing}. Het kalibratiebord met {participants} staat voor u klaar.",
                    "Tijdens de kalibratie plaatst het comité elke medewerker in het 9-box-raster. Wie een positie wijzigt, geeft daarvoor telkens een korte motivering.",
                ],
                "Kalibratiebord openen",
                ["Gelieve de kalibratie af te ronden vóór {deadline}."]),
            [TemplateId.DecisionsOverdue] = new(
                "{cycle}: de beslissingen voor {group} zijn over tijd",
                ["De voorgestelde beslissingen voor {group} ({participants}) moesten bevestigd zijn op {deadline} en zijn dat nog niet. Via de link kunt u ze bekijken, aanpassen en bevestigen."],
                "Beslissingen bekijken en bevestigen"),
            [TemplateId.CalibrationReminder] = new(
                "Herinnering: kalibratie van {group} voor {cycle}",
                ["De kalibratie van {group} ({participants}) is nog niet afgerond. De uiterste datum is {deadline}."],
                "Kalibratiebord openen"),
            [TemplateId.CalibrationOverdue] = new(
                "Te laat: kalibratie van {group} voor {cycle}",
                ["De kalibratie van {group} ({participants}) moest klaar zijn op {deadline} en is nog niet goedgekeurd. Rond het bord nu af en keur het goed: anders wordt HR verwittigd."],
                "Kalibratiebord openen"),
            [TemplateId.CalibrationOverdueToHr] = new(
                "Te laat: kalibratie van {group} voor {cycle}",
                ["Het comité van {group} ({participants}) heeft zijn kalibratie, uiterlijk op {deadline}, nog niet goedgekeurd, ondanks een herinnering. Volg het op met het comité: anders wordt de directie verwittigd."],
                "Kalibratiebord openen"),
            [TemplateId.CalibrationOverdueToLeadership] = new(
                "Te laat: kalibratie van {group} voor {cycle}",
                ["De kalibratie van {group} ({participants}) moest klaar zijn op {deadline} en is nog altijd niet goedgekeurd, hoewel het comité en HR verwittigd werden. Er kan niets vrijgegeven worden zolang niet elke groep haar kalibratie goedkeurde."]),
            [TemplateId.DecisionsReminder] = new(
                "Herinnering: beslissingen voor {group} in {cycle}",
                ["De beslissingen die na de kalibratie voor {group} ({participants}) zijn voorgesteld, zijn nog niet bevestigd. Bekijk ze, pas aan waar nodig en bevestig ze uiterlijk op {deadline}."],
                "Beslissingen bekijken en bevestigen"),
            [TemplateId.LeadershipSummary] = new(
                "{cycle}: kalibratieoverzicht {scope}",
                ["Hieronder vindt u het kalibratieoverzicht voor {scope}: hoe {total} verdeeld zijn over het 9-box-raster, vergeleken met de richtwaarden."],
                "Volledig overzicht openen",
                ["Dit overzicht bevat alleen totalen en namen. Gelieve het vertrouwelijk te behandelen."],
                Block: "summary"),
            [TemplateId.ManagerRelease] = new(
                "{cycle}: de resultaten voor uw team zijn beschikbaar",
                [
                    "De talentreview is afgerond. De beslissingen voor uw team ({reportCount}) zijn beschikbaar.",
                    "Plan met elke medewerker een gesprek om de uitkomst en de volgende stappen te bespreken.",
                ],
                "Resultaten bekijken"),
            [TemplateId.EmployeeRelease] = new(
                "{cycle}: uw resultaat is beschikbaar",
                [
                    "De talentreview van dit jaar is afgerond. U kunt uw resultaat nu bekijken via de link hieronder.",
                    "Uw leidinggevende plant een gesprek met u om het resultaat en uw volgende stappen te bespreken.",
                ],
                "Mijn resultaat bekijken"),
            [TemplateId.FollowUpReminder] = new(
                "{cycle}: opvolging van het {plan} van {employee}",
                [
                    "Het is tijd voor opvolgmoment {number} van het {plan} van {employee}, gepland tegen {dueDate}.",
                    "Bespreek samen de voortgang: welke acties zijn afgerond en wat zijn de volgende stappen?",
                ],
                "Opvolging registreren"),
            [TemplateId.ManagerReassigned] = new(
                "{cycle}: de review van {employee} is aan u toegewezen",
                [
                    "De review van {employee} is aan u toegewezen, omdat u nu de leidinggevende bent. Eerder verstuurde links voor deze review zijn niet langer geldig.",
                    "Gelieve uw input te geven vóór {deadline}.",
                ],
                "Input geven"),
            [TemplateId.CycleCancelled] = new(
                "{cycle} is stopgezet",
                [
                    "De talentreview {cycle} is stopgezet. Reden: {reason}",
                    "Links die u eerder ontving voor deze review zijn niet langer geldig. U hoeft niets meer te doen.",
                ]),
        },
        new ValuePhrases(
            OneDay: "1 dag",
            ManyDays: "{0} dagen",
            OneEmployee: "1 medewerker",
            ManyEmployees: "{0} medewerkers",
            DevelopmentPlan: "ontwikkelingsplan",
            ImprovementPlan: "verbeterplan"),
        new SummaryPhrases(
            GridCaption: "9-box-raster: prestaties (horizontaal) tegenover potentieel (verticaal)",
            GridDescription: "{0} medewerkers: prestaties horizontaal (laag tot hoog), potentieel verticaal (laag tot hoog); elk vak toont het aantal, het aandeel en de richtwaarde, en is donkerder naarmate het aandeel groter is.",
            ShareLegend: "Aandeel:",
            PerformanceAxis: "Prestaties",
            PotentialAxis: "Potentieel",
            Low: "laag",
            Medium: "gemiddeld",
            High: "hoog",
            Guidance: "richtwaarde",
            WithinGuidance: "binnen de richtwaarde",
            AboveGuidance: "boven de richtwaarde",
            BelowGuidance: "onder de richtwaarde",
            NoGuidance: "geen richtwaarde",
            Promotions: "Voorgestelde promoties",
            HighPerformersAtRisk: "Sterke presteerders met vertrekrisico",
            Completion: "Voortgang",
            None: "Geen.",
            Steps: new Dictionary<StepKind, string>
            {
                [StepKind.SelfAssessment] = "Zelfevaluatie",
                [StepKind.ManagerInput] = "Input van de leidinggevende",
                [StepKind.Calibration] = "Kalibratie",
                [StepKind.Decisions] = "Beslissingen",
                [StepKind.Release] = "Bekendmaking",
            },
            Boxes: SummaryPhrases.BoxNamesIn(Language.Nl)));
}
