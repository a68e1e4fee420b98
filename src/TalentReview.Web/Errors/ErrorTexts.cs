using TalentReview.Web.Localization;
using TalentReview.Workflow.Storage;

namespace TalentReview.Web.Errors;

internal static class ErrorTexts
{
    public static readonly Phrase UnavailableTitle = new("Even niet beschikbaar", "Momentanément indisponible", "Temporarily unavailable");
    public static readonly Phrase UnavailableBody = new(
        "TalentReview kan zijn gegevens nu niet lezen of bewaren. Wat eerder bewaard werd, blijft bewaard. Wat u net verstuurde, is misschien niet bewaard: probeer het over enkele minuten opnieuw. Het herstelt vanzelf zodra de oorzaak verholpen is.",
        "TalentReview ne peut pas lire ou enregistrer ses données pour le moment. Ce qui a été enregistré auparavant est conservé. Ce que vous venez d'envoyer n'a peut-être pas été enregistré : réessayez dans quelques minutes. Le service se rétablit de lui-même dès que la cause est corrigée.",
        "TalentReview cannot read or save its data right now. What was saved before is kept. What you just sent may not have been saved: please try again in a few minutes. It recovers by itself once the cause is fixed.");
    public static readonly Phrase CauseLabel = new("Oorzaak", "Cause", "Cause");
    public static readonly Phrase ErrorTitle = new("Er ging iets mis", "Une erreur s'est produite", "Something went wrong");
    public static readonly Phrase ErrorBody = new(
        "Dit verzoek kon niet worden afgewerkt. Wat eerder bewaard werd, blijft bewaard. Probeer het opnieuw; lukt het niet, geef dan deze referentie door aan de HR-afdeling: {0}",
        "Cette demande n'a pas pu aboutir. Ce qui a été enregistré auparavant est conservé. Réessayez ; si cela ne fonctionne pas, communiquez cette référence au service RH : {0}",
        "This request could not be completed. What was saved before is kept. Please try again; if it still fails, give HR this reference: {0}");

    public static Phrase Cause(StoreOutage outage) => outage switch
    {
        StoreOutage.DiskFull => new("de schijf met de gegevens is vol.", "le disque qui contient les données est plein.", "the disk that holds the data is full."),
        StoreOutage.ReadOnly => new("de gegevensbestanden zijn alleen-lezen.", "les fichiers de données sont en lecture seule.", "the data files are read-only."),
        StoreOutage.DiskError => new("de schijf met de gegevens kan niet gelezen of beschreven worden.", "le disque qui contient les données ne peut être ni lu ni écrit.", "the disk that holds the data cannot be read or written."),
        StoreOutage.CannotOpen => new("een gegevensbestand kan niet geopend worden.", "un fichier de données ne peut pas être ouvert.", "a data file cannot be opened."),
        StoreOutage.Busy => new("de gegevensbestanden zijn bezet.", "les fichiers de données sont occupés.", "the data files are busy."),
        StoreOutage.RequestLimit => new("de database heeft haar limiet bereikt.", "la base de données a atteint sa limite.", "the database is at its request limit."),
        _ => new("de database antwoordt niet.", "la base de données ne répond pas.", "the database does not answer."),
    };
}
