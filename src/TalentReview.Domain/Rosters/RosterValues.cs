using System.Buffers;

namespace TalentReview.Domain.Rosters;

/// <summary>Span-based parsing of roster values, so an import of many rows allocates only what it keeps.</summary>
internal static class RosterValues
{
    private static readonly Dictionary<string, ContractType>.AlternateLookup<ReadOnlySpan<char>> Contracts = Lookup(new Dictionary<string, ContractType>
    {
        ["permanent"] = ContractType.Permanent,
        ["indefinite"] = ContractType.Permanent,
        ["vast"] = ContractType.Permanent,
        ["onbepaalde duur"] = ContractType.Permanent,
        ["cdi"] = ContractType.Permanent,
        ["fixed-term"] = ContractType.FixedTerm,
        ["fixed term"] = ContractType.FixedTerm,
        ["fixedterm"] = ContractType.FixedTerm,
        ["temporary"] = ContractType.FixedTerm,
        ["bepaalde duur"] = ContractType.FixedTerm,
        ["tijdelijk"] = ContractType.FixedTerm,
        ["cdd"] = ContractType.FixedTerm,
        ["interim"] = ContractType.Interim,
        ["intérim"] = ContractType.Interim,
        ["uitzendkracht"] = ContractType.Interim,
        ["student"] = ContractType.Student,
        ["jobstudent"] = ContractType.Student,
        ["étudiant"] = ContractType.Student,
        ["etudiant"] = ContractType.Student,
        ["trainee"] = ContractType.Trainee,
        ["intern"] = ContractType.Trainee,
        ["stagiair"] = ContractType.Trainee,
        ["stagiaire"] = ContractType.Trainee,
        ["freelance"] = ContractType.Freelance,
        ["contractor"] = ContractType.Freelance,
        ["zelfstandige"] = ContractType.Freelance,
        ["indépendant"] = ContractType.Freelance,
        ["independant"] = ContractType.Freelance,
    });

    private static readonly Dictionary<string, EmploymentStatus>.AlternateLookup<ReadOnlySpan<char>> Statuses = Lookup(new Dictionary<string, EmploymentStatus>
    {
        ["active"] = EmploymentStatus.Active,
        ["actief"] = EmploymentStatus.Active,
        ["actif"] = EmploymentStatus.Active,
        ["long-term leave"] = EmploymentStatus.LongTermLeave,
        ["long term leave"] = EmploymentStatus.LongTermLeave,
        ["longtermleave"] = EmploymentStatus.LongTermLeave,
        ["langdurig afwezig"] = EmploymentStatus.LongTermLeave,
        ["langdurige afwezigheid"] = EmploymentStatus.LongTermLeave,
        ["absence de longue durée"] = EmploymentStatus.LongTermLeave,
        ["parental leave"] = EmploymentStatus.ParentalLeave,
        ["parentalleave"] = EmploymentStatus.ParentalLeave,
        ["ouderschapsverlof"] = EmploymentStatus.ParentalLeave,
        ["congé parental"] = EmploymentStatus.ParentalLeave,
        ["notice period"] = EmploymentStatus.NoticePeriod,
        ["noticeperiod"] = EmploymentStatus.NoticePeriod,
        ["opzeg"] = EmploymentStatus.NoticePeriod,
        ["opzegtermijn"] = EmploymentStatus.NoticePeriod,
        ["préavis"] = EmploymentStatus.NoticePeriod,
        ["inactive"] = EmploymentStatus.Inactive,
        ["inactief"] = EmploymentStatus.Inactive,
        ["inactif"] = EmploymentStatus.Inactive,
    });

    private static readonly Dictionary<string, Language>.AlternateLookup<ReadOnlySpan<char>> Languages = Lookup(new Dictionary<string, Language>
    {
        ["nl"] = Language.Nl,
        ["nl-be"] = Language.Nl,
        ["dutch"] = Language.Nl,
        ["nederlands"] = Language.Nl,
        ["néerlandais"] = Language.Nl,
        ["fr"] = Language.Fr,
        ["fr-be"] = Language.Fr,
        ["french"] = Language.Fr,
        ["frans"] = Language.Fr,
        ["français"] = Language.Fr,
        ["en"] = Language.En,
        ["en-gb"] = Language.En,
        ["en-us"] = Language.En,
        ["english"] = Language.En,
        ["engels"] = Language.En,
        ["anglais"] = Language.En,
    });

    private static readonly Dictionary<string, Gender>.AlternateLookup<ReadOnlySpan<char>> Genders = Lookup(new Dictionary<string, Gender>
    {
        ["female"] = Gender.Female,
        ["f"] = Gender.Female,
        ["woman"] = Gender.Female,
        ["w"] = Gender.Female,
        ["vrouw"] = Gender.Female,
        ["v"] = Gender.Female,
        ["vrouwelijk"] = Gender.Female,
        ["femme"] = Gender.Female,
        ["féminin"] = Gender.Female,
        ["feminin"] = Gender.Female,
        ["male"] = Gender.Male,
        ["m"] = Gender.Male,
        ["man"] = Gender.Male,
        ["mannelijk"] = Gender.Male,
        ["homme"] = Gender.Male,
        ["h"] = Gender.Male,
        ["masculin"] = Gender.Male,
        ["x"] = Gender.Other,
        ["other"] = Gender.Other,
        ["non-binary"] = Gender.Other,
        ["nonbinary"] = Gender.Other,
        ["anders"] = Gender.Other,
        ["non-binair"] = Gender.Other,
        ["autre"] = Gender.Other,
        ["non-binaire"] = Gender.Other,
    });

    private static readonly Dictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> WorkingTimeWords = Lookup(new Dictionary<string, bool>
    {
        ["full-time"] = false,
        ["full time"] = false,
        ["fulltime"] = false,
        ["voltijds"] = false,
        ["voltijd"] = false,
        ["temps plein"] = false,
        ["part-time"] = true,
        ["part time"] = true,
        ["parttime"] = true,
        ["deeltijds"] = true,
        ["deeltijd"] = true,
        ["temps partiel"] = true,
    });

    private static readonly SearchValues<char> ForbiddenInEmail = SearchValues.Create(" \t\r\n,;<>()[]\\\"");

    // The canonical spellings are matched first without hashing: they are what most exports contain.
    public static bool TryParseContractType(ReadOnlySpan<char> value, out ContractType contract)
    {
        switch (value)
        {
            case "permanent":
                contract = ContractType.Permanent;
                return true;
            case "fixed-term":
                contract = ContractType.FixedTerm;
                return true;
            default:
                return Contracts.TryGetValue(value, out contract);
        }
    }

    public static bool TryParseStatus(ReadOnlySpan<char> value, out EmploymentStatus status)
    {
        if (value is "active")
        {
            status = EmploymentStatus.Active;
            return true;
        }

        return Statuses.TryGetValue(value, out status);
    }

    public static bool TryParseLanguage(ReadOnlySpan<char> value, out Language language)
    {
        switch (value)
        {
            case "nl":
                language = Language.Nl;
                return true;
            case "fr":
                language = Language.Fr;
                return true;
            case "en":
                language = Language.En;
                return true;
            default:
                return Languages.TryGetValue(value, out language);
        }
    }

    /// <summary>The youngest age at which a birth year is taken as plausible for a hire.</summary>
    public const int MinimumWorkingAge = 14;

    public static bool TryParseGender(ReadOnlySpan<char> value, out Gender gender) => Genders.TryGetValue(value, out gender);

    /// <summary>A four-digit year, or a full birth date (any format <see cref="TryParseDate"/> reads) of which the year is kept.</summary>
    public static bool TryParseBirthYear(ReadOnlySpan<char> value, out int year)
    {
        if (value.Length == 4 && TryDigits(value, out year))
        {
            return year >= 1900;
        }

        year = TryParseDate(value, out var date) ? date.Year : 0;
        return year != 0;
    }

    /// <summary>
    /// A percentage of full time (80, 80%), a fraction of it (0.8, 0,8, 1) or the words full-time / part-time (in en, nl, fr).
    /// A number of at most 1 is a fraction: nobody works 1% of full time, while 1 is how FTE columns say full time.
    /// </summary>
    public static bool TryParseWorkingTime(ReadOnlySpan<char> value, out int? percent, out bool partTime)
    {
        percent = null;
        if (WorkingTimeWords.TryGetValue(value, out partTime))
        {
            percent = partTime ? null : 100;
            return true;
        }

        var number = value.TrimEnd('%').TrimEnd();
        Span<char> invariant = stackalloc char[Math.Min(number.Length, 16)];
        if (number.Length > invariant.Length)
        {
            return false;
        }

        number.CopyTo(invariant);
        invariant.Replace(',', '.');
        if (!decimal.TryParse(invariant, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        var scaled = amount <= 1m && number.Length == value.Length ? amount * 100m : amount;
        if (scaled is <= 0m or > 100m)
        {
            return false;
        }

        percent = (int)Math.Round(scaled, MidpointRounding.AwayFromZero);
        partTime = percent < 100;
        return true;
    }

    /// <summary>ISO (2024-03-01) or Belgian day-first dates (1/3/2024, 01-03-2024, 01.03.2024).</summary>
    public static bool TryParseDate(ReadOnlySpan<char> value, out DateOnly date)
    {
        date = default;
        int year, month, day;
        if (value.Length == 10 && value[4] == '-' && value[7] == '-')
        {
            if (!TryDigits(value[..4], out year) || !TryDigits(value.Slice(5, 2), out month) || !TryDigits(value.Slice(8, 2), out day))
            {
                return false;
            }
        }
        else
        {
            var first = value.IndexOfAny('/', '-', '.');
            if (first <= 0)
            {
                return false;
            }

            var separator = value[first];
            var rest = value[(first + 1)..];
            var second = rest.IndexOf(separator);
            if (second <= 0
                || !TryDigits(value[..first], out day)
                || !TryDigits(rest[..second], out month)
                || !TryDigits(rest[(second + 1)..], out year)
                || rest.Length - second - 1 != 4)
            {
                return false;
            }
        }

        if (year is < 1900 or > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>
    /// A pragmatic check, not RFC 5322: one @, a non-empty local part, a dotted domain, no spaces,
    /// no leading, trailing or doubled dots. It catches what spreadsheets get wrong.
    /// </summary>
    public static bool IsValidEmail(ReadOnlySpan<char> email)
    {
        var at = email.IndexOf('@');
        if (at <= 0 || at != email.LastIndexOf('@') || email.Length > 254)
        {
            return false;
        }

        var local = email[..at];
        var domain = email[(at + 1)..];
        var lastDot = domain.LastIndexOf('.');
        return lastDot > 0 && lastDot < domain.Length - 2
            && !email.ContainsAny(ForbiddenInEmail)
            && local[0] != '.' && local[^1] != '.'
            && domain[0] != '.' && domain[0] != '-'
            && !email.Contains("..", StringComparison.Ordinal);
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 4)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> Lookup<T>(Dictionary<string, T> entries)
        => new Dictionary<string, T>(entries, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
}
