using System.Globalization;

namespace TalentReview.Local.Configuration;

/// <summary>
/// Fills in what a one-machine run needs and nobody should have to type: the listening address,
/// the SQLite files in the data folder, the dev link-signing key, and SendGrid pointed at the host's
/// own capture endpoint. Anything set explicitly (appsettings, environment, command line) wins.
/// </summary>
public static class LocalConfiguration
{
    public const string SendGridApiKeyKey = "Email:SendGrid:ApiKey";
    public const string SendGridHostKey = "Email:SendGrid:Host";
    public const string SendGridAskBeforeResendKey = "Email:SendGrid:AskBeforeResend";

    /// <summary>The API key the capture endpoint accepts; it only ever reaches this host.</summary>
    public const string CaptureApiKey = "SG.local-capture-key";

    public static LocalHostOptions AddLocalConfiguration(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var options = configuration.Get<LocalHostOptions>() ?? new LocalHostOptions();
        var dataFolder = options.FullDataFolder;
        Directory.CreateDirectory(dataFolder);

        var derived = new Dictionary<string, string?>();
        void Default(string key, string value)
        {
            if (string.IsNullOrEmpty(configuration[key]))
            {
                derived[key] = value;
            }
        }

        Default("urls", string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{options.Port}"));
        var baseUrl = BaseUrl(configuration["urls"] ?? derived["urls"]!);
        Default("Storage:Provider", "Sqlite");
        Default("Storage:Sqlite:Path", Path.Combine(dataFolder, "talentreview.db"));
        Default("Links:PublicBaseUrl", baseUrl);
        var key = LinkSigningKeyFile.LoadOrCreate(dataFolder);
        Default("Links:CurrentKeyId", key.KeyId);
        Default($"Links:Keys:{key.KeyId}", key.Key);
        if (string.IsNullOrEmpty(configuration[SendGridApiKeyKey]))
        {
            derived[SendGridApiKeyKey] = CaptureApiKey;
            derived[SendGridHostKey] = baseUrl;

            // The capture endpoint answers the Email Activity API: a restart sends nothing it already accepted.
            Default(SendGridAskBeforeResendKey, "true");
        }

        configuration.AddInMemoryCollection(derived);
        builder.Services.AddOptions<LocalHostOptions>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        return options;
    }

    /// <summary>True when email goes to the host's own capture endpoint, not to SendGrid.</summary>
    public static bool SendsToCapture(IConfiguration configuration)
        => configuration[SendGridApiKeyKey] == CaptureApiKey;

    /// <summary>The first address of <c>--urls</c>, as links and the capture endpoint use it.</summary>
    private static string BaseUrl(string urls)
    {
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        return first.Replace("://+:", "://127.0.0.1:", StringComparison.Ordinal)
            .Replace("://*:", "://127.0.0.1:", StringComparison.Ordinal)
            .Replace("://0.0.0.0:", "://127.0.0.1:", StringComparison.Ordinal)
            .TrimEnd('/');
    }
}
