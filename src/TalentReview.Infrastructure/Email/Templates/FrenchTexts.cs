using TalentReview.Domain;
using TalentReview.Domain.Planning;

namespace TalentReview.Infrastructure.Email.Templates;

/// <summary>Belgian French, with vouvoiement.</summary>
internal static class FrenchTexts
{
    public static LanguagePack Pack { get; } = new(
        "fr-BE",
        "fr-BE",
        new LayoutPhrases(
            Greeting: "Bonjour {name},",
            LinkFallback: "Le bouton ne fonctionne pas ? Copiez ce lien dans votre navigateur :",
            SignOff: "Cordialement,",
            Sender: "L'équipe RH",
            Footer: "Cet e-mail concerne {cycle}. Le lien est personnel et donne accès sans mot de passe : merci de ne pas transférer ce message. Ceci est un message automatique ; les réponses à cette adresse ne sont pas lues."),
        new Dictionary<TemplateId, TemplateText>
        {
            [TemplateId.SelfAssessmentInvitation] = new(
                "{cycle} : votre auto-évaluation",
                [
                    "La revue annuelle des talents a commencé. Nous vous invitons d'abord à faire le point sur l'année écoulée et à décrire votre développement et vos ambitions dans une brève auto-évaluation.",
                    "Votre responsable s'appuiera sur votre auto-évaluation pour préparer votre entretien. Vos réponses restent confidentielles dans le cadre de la revue.",
                    "Merci de compléter votre auto-évaluation avant le {deadline}.",
                ],
                "Compléter mon auto-évaluation",
                ["Une question ? N'hésitez pas à contacter votre responsable ou l'équipe RH."]),
            [TemplateId.SelfAssessmentReminder] = new(
                "Rappel : votre auto-évaluation pour {cycle}",
                [
                    "Nous n'avons pas encore reçu votre auto-évaluation. Il vous reste {daysLeft}, jusqu'au {deadline}, pour la compléter.",
                    "Vos réponses aident votre responsable à bien préparer l'entretien avec vous.",
                ],
                "Compléter mon auto-évaluation"),
            [TemplateId.ManagerDigest] = new(
                "{cycle} : votre avis sur votre équipe",
                [
                    "Dans le cadre de la revue des talents, nous vous demandons votre appréciation des collaborateurs qui vous sont directement rattachés : leur performance, leur potentiel, leur disponibilité pour une prochaine étape et des exemples concrets à l'appui.",
                    "Votre avis est encore attendu pour :",
                ],
                "Donner mon avis",
                ["Merci de donner votre avis avant le {deadline}. Le comité de calibrage examinera ensuite les résultats."],
                Block: "reports"),
            [TemplateId.ManagerReminder] = new(
                "Rappel : {cycle}, votre avis est attendu",
                [
                    "Votre avis manque encore pour certains de vos collaborateurs. L'échéance est fixée au {deadline}.",
                    "Encore en attente :",
                ],
                "Donner mon avis",
                ["Vous n'y arriverez pas à temps ? Prévenez l'équipe RH afin que nous trouvions une solution ensemble."],
                Block: "reports"),
            [TemplateId.EscalationToSkipLevelManager] = new(
                "{cycle} : l'avis pour l'équipe de {manager} est en retard",
                ["En tant que responsable de {manager}, vous recevez ce message car l'avis concernant les collaborateurs suivants manque toujours, malgré les rappels :"],
                "Voir les avis en attente",
                ["Nous vous demandons d'en assurer le suivi avec {manager} ou de donner l'avis vous-même. La nouvelle échéance est fixée au {deadline}."],
                Block: "reports"),
            [TemplateId.EscalationToHumanResources] = new(
                "{cycle} : escalade, l'avis pour l'équipe de {manager} manque",
                ["L'avis de {manager} concernant les collaborateurs suivants manque toujours, malgré les rappels et une escalade vers le responsable hiérarchique :"],
                "Voir les avis en attente",
                ["Pourriez-vous assurer le suivi ? Le lien vous permet d'enregistrer l'avis vous-même. La nouvelle échéance est fixée au {deadline}."],
                Block: "reports"),
            [TemplateId.CalibrationReady] = new(
                "{cycle} : le calibrage du groupe {group} est prêt",
                [
                    "Les avis pour le groupe de calibrage {group} sont complets. Le tableau de calibrage, avec {participants}, est prêt.",
                    "Pendant le calibrage, le comité place chaque collaborateur dans la grille 9-box. Toute modification d'une position doit être brièvement motivée.",
                ],
                "Ouvrir le tableau de calibrage",
                ["Merci de finaliser le calibrage avant le {deadline}."]),
            [TemplateId.CalibrationReadyIncomplete] = new(
                "{cycle} : le calibrage du groupe {group} est prêt, avec des avis manquants",
                [
                    "La collecte des avis pour le groupe de calibrage {group} est close sans être complète : l'avis manque pour {missing}. Le tableau de calibrage, avec {participants}, est prêt.",
                    "Pendant le calibrage, le comité place chaque collaborateur dans la grille 9-box. Toute modification d'une position doit être brièvement motivée.",
                ],
                "Ouvrir le tableau de calibrage",
                ["Merci de finaliser le calibrage avant le {deadline}."]),
            [TemplateId.DecisionsOverdue] = new(
                "{cycle} : les décisions pour le groupe {group} sont en retard",
                ["Les décisions proposées pour le groupe {group} ({participants}) devaient être confirmées le {deadline} et ne le sont pas encore. Le lien vous permet de les consulter, de les modifier et de les confirmer."],
                "Consulter et confirmer les décisions"),
            [TemplateId.CalibrationReminder] = new(
                "Rappel : calibrage du groupe {group} pour {cycle}",
                ["Le calibrage du groupe {group} ({participants}) n'est pas encore finalisé. L'échéance est fixée au {deadline}."],
                "Ouvrir le tableau de calibrage"),
            [TemplateId.CalibrationOverdue] = new(
                "En retard : calibrage du groupe {group} pour {cycle}",
                ["Le calibrage du groupe {group} ({participants}) était attendu pour le {deadline} et n'est pas encore approuvé. Veuillez finaliser et approuver le tableau maintenant : à défaut, les RH seront prévenus."],
                "Ouvrir le tableau de calibrage"),
            [TemplateId.CalibrationOverdueToHr] = new(
                "En retard : calibrage du groupe {group} pour {cycle}",
                ["Le comité du groupe {group} ({participants}) n'a pas approuvé son calibrage, attendu pour le {deadline}, malgré un rappel. Veuillez assurer le suivi avec le comité : à défaut, la direction sera prévenue."],
                "Ouvrir le tableau de calibrage"),
            [TemplateId.CalibrationOverdueToLeadership] = new(
                "En retard : calibrage du groupe {group} pour {cycle}",
                ["Le calibrage du groupe {group} ({participants}) était attendu pour le {deadline} et n'est toujours pas approuvé, bien que le comité et les RH aient été prévenus. Rien ne peut être publié tant que chaque groupe n'a pas approuvé son calibrage."]),
            [TemplateId.DecisionsReminder] = new(
                "Rappel : décisions pour le groupe {group} dans {cycle}",
                ["Les décisions proposées pour le groupe {group} ({participants}) après le calibrage ne sont pas encore confirmées. Veuillez les consulter, les modifier si nécessaire et les confirmer au plus tard le {deadline}."],
                "Consulter et confirmer les décisions"),
            [TemplateId.LeadershipSummary] = new(
                "{cycle} : synthèse du calibrage, {scope}",
                ["Vous trouverez ci-dessous la synthèse du calibrage pour {scope} : la répartition de {total} dans la grille 9-box, comparée aux valeurs de référence."],
                "Ouvrir la synthèse complète",
                ["Cette synthèse ne contient que des totaux et des noms. Merci de la traiter de manière confidentielle."],
                Block: "summary"),
            [TemplateId.ManagerRelease] = new(
                "{cycle} : les résultats de votre équipe sont disponibles",
                [
                    "La revue des talents est terminée. Les décisions concernant votre équipe ({reportCount}) sont disponibles.",
                    "Prévoyez un entretien avec chaque collaborateur pour discuter du résultat et des prochaines étapes.",
                ],
                "Voir les résultats"),
            [TemplateId.EmployeeRelease] = new(
                "{cycle} : votre résultat est disponible",
                [
                    "La revue des talents de cette année est terminée. Vous pouvez consulter votre résultat via le lien ci-dessous.",
                    "Votre responsable planifiera un entretien avec vous pour en discuter et convenir des prochaines étapes.",
                ],
                "Voir mon résultat"),
            [TemplateId.FollowUpReminder] = new(
                "{cycle} : suivi du {plan} de {employee}",
                [
                    "Le moment est venu pour le suivi n° {number} du {plan} de {employee}, prévu pour le {dueDate}.",
                    "Faites ensemble le point sur l'avancement : quelles actions sont terminées et quelles sont les prochaines étapes ?",
                ],
                "Enregistrer le suivi"),
            [TemplateId.ManagerReassigned] = new(
                "{cycle} : la revue de {employee} vous a été attribuée",
                [
                    "La revue de {employee} vous a été attribuée, car vous en êtes désormais le ou la responsable. Les liens envoyés précédemment pour cette revue ne sont plus valables.",
                    "Merci de donner votre avis avant le {deadline}.",
                ],
                "Donner mon avis"),
            [TemplateId.CycleCancelled] = new(
                "{cycle} : revue annulée",
                [
                    "La revue des talents {cycle} a été arrêtée. Motif : {reason}",
                    "Les liens reçus précédemment pour cette revue ne sont plus valables. Vous n'avez plus rien à faire.",
                ]),
        },
        new ValuePhrases(
            OneDay: "1 jour",
            ManyDays: "{0} jours",
            OneEmployee: "1 collaborateur",
            ManyEmployees: "{0} collaborateurs",
            DevelopmentPlan: "plan de développement",
            ImprovementPlan: "plan d'amélioration"),
        new SummaryPhrases(
            GridCaption: "Grille 9-box : performance (horizontal) et potentiel (vertical)",
            GridDescription: "{0} collaborateurs : performance à l'horizontale (de faible à élevé), potentiel à la verticale (de faible à élevé) ; chaque case indique le nombre, la part et la référence, et est d'autant plus foncée que la part est grande.",
            ShareLegend: "Part :",
            PerformanceAxis: "Performance",
            PotentialAxis: "Potentiel",
            Low: "faible",
            Medium: "moyen",
            High: "élevé",
            Guidance: "référence",
            WithinGuidance: "conforme à la référence",
            AboveGuidance: "au-dessus de la référence",
            BelowGuidance: "en dessous de la référence",
            NoGuidance: "pas de référence",
            Promotions: "Promotions proposées",
            HighPerformersAtRisk: "Hauts performeurs à risque de départ",
            Completion: "Avancement",
            None: "Aucun.",
            Steps: new Dictionary<StepKind, string>
            {
                [StepKind.SelfAssessment] = "Auto-évaluation",
                [StepKind.ManagerInput] = "Contribution du responsable",
                [StepKind.Calibration] = "Calibrage",
                [StepKind.Decisions] = "Décisions",
                [StepKind.Release] = "Communication des résultats",
            },
            Boxes: SummaryPhrases.BoxNamesIn(Language.Fr)));
}
