using System.Globalization;
using TalentReview.Domain;
using TalentReview.Domain.Planning;

namespace TalentReview.Web.Hr;

/// <summary>
/// The cycle's time zone and working hour as typed (API body, query or set-up page), read one way
/// everywhere: an IANA zone id and HH:mm. What is left empty keeps <paramref name="fallback"/>'s value.
/// </summary>
public static class OrganisationTimeInput
{
    public const string ZoneField = "timeZone";
    public const string HourField = "workingHour";

    public static (OrganisationTime Time, IReadOnlyList<ValidationError> Errors) Read(string? timeZone, string? workingHour, OrganisationTime fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        var errors = new List<ValidationError>();
        var zone = fallback.TimeZoneId;
        if (!string.IsNullOrWhiteSpace(timeZone))
        {
            zone = timeZone.Trim();
            if (zone.Length > 64 || !OrganisationTime.IsKnownZone(zone))
            {
                errors.Add(new ValidationError(ZoneField, "unknownZone", $"'{Shown(zone)}' is not a known time zone: give an IANA id such as Europe/Brussels or America/New_York."));
            }
        }

        var hour = fallback.WorkingHour;
        if (!string.IsNullOrWhiteSpace(workingHour)
            && !TimeOnly.TryParseExact(workingHour.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out hour))
        {
            errors.Add(new ValidationError(HourField, "format", $"'{Shown(workingHour.Trim())}' is not a time of day: give the working hour as HH:mm, from 00:00 to 23:59."));
        }

        return (new OrganisationTime(zone, hour), errors);
    }

    private static string Shown(string typed) => typed.Length > 64 ? typed[..64] + "…" : typed;
}
