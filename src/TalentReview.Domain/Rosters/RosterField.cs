using System.Globalization;
using System.Text;

namespace TalentReview.Domain.Rosters;

/// <summary>The roster's columns, with the header names HR spreadsheets use for them in en, nl and fr.</summary>
internal enum RosterField
{
    Id,
    Name,
    Email,
    ManagerId,
    Department,
    JobTitle,
    Level,
    HireDate,
    ContractType,
    Status,
    Language,
    Location,
    BirthYear,
    Gender,
    WorkingTime,
}

internal static class RosterFields
{
    public const int Count = 15;

    private static readonly string[] CanonicalNames =
        ["id", "name", "email", "managerId", "department", "jobTitle", "level", "hireDate", "contractType", "status", "language", "location", "birthYear", "gender", "workingTime"];

    private static readonly Dictionary<string, RosterField> ByAlias = BuildAliases();

    /// <summary>The name problems use: the camelCase field name, whatever the source header said.</summary>
    public static string NameOf(RosterField field) => CanonicalNames[(int)field];

    /// <summary>The longest text the field may hold.</summary>
    public static int MaxLength(RosterField field) => field switch
    {
        RosterField.Id or RosterField.ManagerId => TextLimits.Id,
        RosterField.Name => TextLimits.PersonName,
        RosterField.Email => TextLimits.Email,
        _ => TextLimits.Label,
    };

    public static bool IsRequired(RosterField field) =>
        field is not (RosterField.ManagerId or RosterField.JobTitle or RosterField.Level or RosterField.Location
            or RosterField.BirthYear or RosterField.Gender or RosterField.WorkingTime);

    /// <summary>Matches a header case- and accent-insensitively, ignoring spaces, dashes, dots and underscores.</summary>
    public static bool TryMatch(string header, out RosterField field) => ByAlias.TryGetValue(Normalise(header), out field);

    internal static string Normalise(string text)
    {
        var decomposed = text.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c is not (' ' or '-' or '_' or '.' or '\'' or '’'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static Dictionary<string, RosterField> BuildAliases()
    {
        var aliases = new Dictionary<RosterField, string[]>
        {
            [RosterField.Id] = ["id", "employee id", "employee number", "personnel number", "staff id", "personeelsnummer", "werknemer id", "werknemersnummer", "matricule", "numero employe", "id employe"],
            [RosterField.Name] = ["name", "full name", "employee name", "naam", "volledige naam", "nom", "nom complet"],
            [RosterField.Email] = ["email", "email address", "mail", "e-mailadres", "emailadres", "courriel", "adresse email", "adresse e-mail"],
            [RosterField.ManagerId] = ["manager id", "manager", "manager employee id", "leidinggevende", "leidinggevende id", "id leidinggevende", "responsable", "id responsable", "responsable id", "supervisor id"],
            [RosterField.Department] = ["department", "dept", "afdeling", "departement", "dienst", "service"],
            [RosterField.JobTitle] = ["job title", "title", "job", "function", "functie", "functietitel", "fonction", "titre", "intitule de fonction"],
            [RosterField.Level] = ["level", "grade", "band", "niveau", "functieniveau", "classe"],
            [RosterField.HireDate] = ["hire date", "start date", "date of hire", "datum in dienst", "in dienst", "indiensttreding", "startdatum", "date d'entree", "date d'embauche", "date entree"],
            [RosterField.ContractType] = ["contract type", "contract", "type contract", "soort contract", "contracttype", "type de contrat", "contrat"],
            [RosterField.Status] = ["status", "employment status", "statut", "etat", "werkstatus"],
            [RosterField.Language] = ["language", "lang", "taal", "langue"],
            [RosterField.Location] = ["location", "site", "office", "locatie", "vestiging", "werkplaats", "lieu", "siege"],
            [RosterField.BirthYear] = ["birth year", "year of birth", "birth date", "date of birth", "birthdate", "dob", "geboortejaar", "geboortedatum", "annee de naissance", "date de naissance"],
            [RosterField.Gender] = ["gender", "sex", "geslacht", "gender identity", "genre", "sexe"],
            [RosterField.WorkingTime] = ["working time", "working time %", "fte", "part-time", "part time", "arbeidsduur", "werktijd", "tewerkstellingsbreuk", "deeltijds", "temps de travail", "temps partiel", "regime de travail"],
        };

        var map = new Dictionary<string, RosterField>(StringComparer.Ordinal);
        foreach (var (field, names) in aliases)
        {
            foreach (var name in names)
            {
                map[Normalise(name)] = field;
            }
        }

        return map;
    }
}
