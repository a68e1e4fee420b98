using TalentReview.Web.Localization;

namespace TalentReview.Web.Links;

internal static class LinkTexts
{
    public static readonly Phrase InvalidTitle = new("Deze link is niet geldig", "Ce lien n'est pas valide", "This link is not valid");
    public static readonly Phrase InvalidBody = new(
        "De link is onvolledig of gewijzigd. Open de link opnieuw vanuit de oorspronkelijke e-mail, zonder hem aan te passen. Lukt dat niet, neem dan contact op met de HR-afdeling.",
        "Le lien est incomplet ou a été modifié. Ouvrez-le à nouveau depuis l'e-mail d'origine, sans le modifier. Si cela ne fonctionne pas, contactez le service RH.",
        "The link is incomplete or has been changed. Open it again from the original email without editing it. If that does not work, please contact HR.");
    public static readonly Phrase ExpiredTitle = new("Deze link is verlopen", "Ce lien a expiré", "This link has expired");
    public static readonly Phrase ExpiredBody = new(
        "Om veiligheidsredenen werken links maar een beperkte tijd. U kunt hieronder een nieuwe link aanvragen; we sturen hem naar het e-mailadres dat bij HR bekend is. U kunt ook contact opnemen met de HR-afdeling.",
        "Pour des raisons de sécurité, les liens ne sont valables que pendant une durée limitée. Vous pouvez demander un nouveau lien ci-dessous ; nous l'enverrons à l'adresse e-mail connue des RH. Vous pouvez aussi contacter le service RH.",
        "For security, links only work for a limited time. You can ask for a new link below; we will send it to the email address HR has on file. You can also contact HR.");
    public static readonly Phrase RequestNewLink = new("Stuur mij een nieuwe link", "Envoyez-moi un nouveau lien", "Send me a new link");
    public static readonly Phrase NewLinkRequested = new("Nieuwe link aangevraagd", "Nouveau lien demandé", "New link requested");
    public static readonly Phrase NewLinkRequestedBody = new(
        "Als deze stap nog openstaat, ontvangt u binnenkort een e-mail met een nieuwe link. Controleer ook uw map met ongewenste e-mail.",
        "Si cette étape est encore ouverte, vous recevrez bientôt un e-mail avec un nouveau lien. Vérifiez aussi vos courriers indésirables.",
        "If this step is still open, you will shortly receive an email with a new link. Please also check your junk mail folder.");
    public static readonly Phrase ReplacedTitle = new("Deze link is vervangen", "Ce lien a été remplacé", "This link has been replaced");
    public static readonly Phrase ReplacedBody = new(
        "Er is een nieuwere link voor deze stap verstuurd, bijvoorbeeld omdat de verantwoordelijke leidinggevende veranderde. Gebruik de link uit de meest recente e-mail, of neem contact op met de HR-afdeling.",
        "Un lien plus récent a été envoyé pour cette étape, par exemple parce que le responsable a changé. Utilisez le lien du dernier e-mail reçu ou contactez le service RH.",
        "A newer link was sent for this step, for example because the responsible manager changed. Please use the link in the most recent email, or contact HR.");
    public static readonly Phrase TooManyRenewalsTitle = new("Even geduld", "Un instant", "Please wait");
    public static readonly Phrase TooManyRenewalsBody = new(
        "Er is voor deze link al meermaals een nieuwe aangevraagd; er is nu geen e-mail verstuurd. Probeer het over {0} minuten opnieuw, of neem contact op met de HR-afdeling.",
        "Un nouveau lien a déjà été demandé plusieurs fois pour ce lien ; aucun e-mail n'a été envoyé cette fois. Réessayez dans {0} minutes, ou contactez le service RH.",
        "A new link has already been requested several times for this link; no email was sent this time. Please try again in {0} minutes, or contact HR.");
    public static readonly Phrase StepClosedAtDeadline = new(
        "Deze stap is afgesloten op de deadline; wat u verstuurde, is niet bewaard. Moet er toch nog iets bij, neem dan contact op met de HR-afdeling.",
        "Cette étape a été clôturée à l'échéance ; ce que vous avez envoyé n'a pas été enregistré. S'il faut encore ajouter quelque chose, contactez le service RH.",
        "This step closed at its deadline; what you sent was not saved. If something must still be added, please contact HR.");
    public static readonly Phrase BoardClosed = new(
        "De kalibratie is goedgekeurd en het bord is afgesloten: er is niets verplaatst.",
        "La calibration a été approuvée et le tableau est clôturé : rien n'a été déplacé.",
        "The calibration was approved and the board is closed: nothing was moved.");
    public static readonly Phrase DecisionsClosed = new(
        "De beslissingen zijn bevestigd en afgesloten: er is niets gewijzigd.",
        "Les décisions ont été confirmées et sont clôturées : rien n'a été modifié.",
        "The decisions were confirmed and are closed: nothing was changed.");
    public static readonly Phrase ClosedTitle = new("Deze stap is afgesloten", "Cette étape est clôturée", "This step is closed");
    public static readonly Phrase ClosedBody = new(
        "Deze stap kan niet meer gewijzigd worden, bijvoorbeeld omdat de cyclus is stopgezet of afgerond. Neem bij vragen contact op met de HR-afdeling.",
        "Cette étape ne peut plus être modifiée, par exemple parce que le cycle a été arrêté ou clôturé. Pour toute question, contactez le service RH.",
        "This step can no longer be changed, for example because the cycle was cancelled or has ended. If you have questions, please contact HR.");
    public static readonly Phrase FormRejectedTitle = new("Het formulier kon niet verwerkt worden", "Le formulaire n'a pas pu être traité", "The form could not be processed");
    public static readonly Phrase ForgeryBody = new(
        "We konden niet bevestigen dat dit formulier van deze pagina kwam. Er is niets bewaard. Open de link opnieuw en probeer het nog eens; uw browser moet cookies van deze site toestaan.",
        "Nous n'avons pas pu vérifier que ce formulaire provenait de cette page. Rien n'a été enregistré. Rouvrez le lien et réessayez ; votre navigateur doit accepter les cookies de ce site.",
        "We could not confirm that this form came from this page. Nothing was saved. Open the link again and retry; your browser needs to accept cookies from this site.");
    public static readonly Phrase TooLargeBody = new(
        "Het formulier is te groot. Er is niets bewaard. Maak de teksten korter en probeer opnieuw.",
        "Le formulaire est trop volumineux. Rien n'a été enregistré. Raccourcissez les textes et réessayez.",
        "The form is too large. Nothing was saved. Please shorten the texts and try again.");
    public static readonly Phrase MalformedBody = new(
        "Het formulier was onvolledig of ongeldig. Er is niets bewaard. Open de link opnieuw en probeer het nog eens.",
        "Le formulaire était incomplet ou invalide. Rien n'a été enregistré. Rouvrez le lien et réessayez.",
        "The form was incomplete or invalid. Nothing was saved. Open the link again and retry.");
    public static readonly Phrase BackToForm = new("Terug naar het formulier", "Retour au formulaire", "Back to the form");
    public static readonly Phrase NotForYouTitle = new("Geen toegang", "Accès refusé", "No access");
    public static readonly Phrase NotForYouBody = new(
        "U bent aangemeld als iemand die deze pagina niet mag bekijken. Er is niets gewijzigd.",
        "Vous êtes connecté avec un compte qui n'a pas accès à cette page. Rien n'a été modifié.",
        "You are signed in as someone who may not see this page. Nothing was changed.");
}
