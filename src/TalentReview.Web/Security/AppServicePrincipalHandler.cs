using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TalentReview.Web.Security;

/// <summary>
/// Reads the identity Azure App Service authentication puts in <c>x-ms-client-principal</c>
/// (base64 JSON of the token's claims). App Service strips that header from incoming requests, so it
/// is only trusted when this scheme is switched on by configuration for a host behind App Service.
/// Entra ID app roles arrive as <c>roles</c> claims.
/// </summary>
public sealed class AppServicePrincipalHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AppService";
    public const string HeaderName = "x-ms-client-principal";
    private const string RolesClaim = "roles";
    private const int MaxHeaderLength = 32 * 1024;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[HeaderName].ToString();
        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var principal = header.Length <= MaxHeaderLength ? Parse(header) : null;
        return Task.FromResult(principal is null
            ? AuthenticateResult.Fail("The client principal header is not valid.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    internal static ClaimsPrincipal? Parse(string header)
    {
        ClientPrincipal? payload;
        try
        {
            payload = JsonSerializer.Deserialize<ClientPrincipal>(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }

        if (payload?.Claims is not { Count: > 0 } claims)
        {
            return null;
        }

        var nameType = string.IsNullOrEmpty(payload.NameType) ? ClaimTypes.Name : payload.NameType;
        var roleType = string.IsNullOrEmpty(payload.RoleType) ? ClaimTypes.Role : payload.RoleType;
        var identity = new ClaimsIdentity(payload.AuthenticationType ?? SchemeName, nameType, roleType);
        foreach (var claim in claims.Where(c => c.Type is not null && c.Value is not null))
        {
            identity.AddClaim(new Claim(claim.Type!, claim.Value!));
            if (claim.Type == RolesClaim && roleType != RolesClaim)
            {
                identity.AddClaim(new Claim(roleType, claim.Value!));
            }
        }

        return new ClaimsPrincipal(identity);
    }

    private sealed record ClientPrincipal(
        [property: JsonPropertyName("auth_typ")] string? AuthenticationType,
        [property: JsonPropertyName("name_typ")] string? NameType,
        [property: JsonPropertyName("role_typ")] string? RoleType,
        [property: JsonPropertyName("claims")] IReadOnlyList<ClientClaim>? Claims);

    private sealed record ClientClaim(
        [property: JsonPropertyName("typ")] string? Type,
        [property: JsonPropertyName("val")] string? Value);
}
