namespace TalentReview.Web.Security;

public enum AuthenticationMode
{
    /// <summary>No signed-in identities: the HR API refuses every request; link pages still work.</summary>
    None,

    /// <summary>A sign-in page listing <see cref="WebAuthenticationOptions.Users"/>; for the one-machine host only.</summary>
    DevelopmentSignIn,

    /// <summary>Azure App Service authentication: the identity arrives in the <c>x-ms-client-principal</c> header.</summary>
    AppService,
}

/// <summary>Bound from <c>TalentReview:Web:Authentication</c>.</summary>
public sealed class WebAuthenticationOptions
{
    public const string Section = "TalentReview:Web:Authentication";

    public AuthenticationMode Mode { get; set; } = AuthenticationMode.None;

    /// <summary>The people who can sign in on the development sign-in page.</summary>
    public IList<ConfiguredUser> Users { get; init; } = [];
}

/// <summary>A development user: an id (used as the actor in audits), a display name and roles.</summary>
public sealed class ConfiguredUser
{
    public string Id { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public IList<string> Roles { get; init; } = [];
}
