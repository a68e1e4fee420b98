using System.Text;
using System.Text.Json;

namespace TalentReview.Web.Tests.Support;

/// <summary>The <c>x-ms-client-principal</c> header App Service authentication would send.</summary>
public static class Principals
{
    public const string Header = "x-ms-client-principal";

    public static string For(string id, params string[] roles)
    {
        var claims = new List<object>
        {
            new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = id },
            new { typ = "name", val = id },
        };
        claims.AddRange(roles.Select(r => new { typ = "roles", val = r }));
        var json = JsonSerializer.Serialize(new { auth_typ = "aad", claims, name_typ = "name", role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role" });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }
}
