using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Azure.Cosmos;
using TalentReview.Infrastructure.Storage.Cosmos;

namespace TalentReview.Infrastructure.Tests.Storage;

/// <summary>
/// Starts @vercel/cosmosdb-server (tests/cosmos-server) on 127.0.0.1 with a certificate made for
/// this run, and connects the real SDK to it the way a developer's machine would (Gateway mode,
/// LimitToEndpoint, self-signed certificate accepted). Installs the server with npm ci when its
/// node_modules folder is missing. Without node and npm the Cosmos tests are skipped, except on
/// CI (CI=true), where that is a failure.
/// </summary>
public sealed class CosmosServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(8);

    private readonly StringBuilder _serverErrors = new();
    private readonly string _workFolder = Directory.CreateTempSubdirectory("talentreview-cosmos-").FullName;
    private Process? _server;
    private CosmosClient? _client;

    public string? SkipReason { get; private set; }

    public CosmosClient Client => _client ?? throw new InvalidOperationException(SkipReason ?? "The Cosmos test server did not start.");

    public Container Container { get; private set; } = null!;

    /// <summary>A store on a container of its own, for tests that count every role, pool or cycle of their store.</summary>
    public async Task<CosmosDocumentStore> NewStoreAsync(string prefix)
    {
        var properties = CosmosLayout.CreateContainerProperties($"{prefix}-{Guid.NewGuid():N}");
        var created = await Client.GetDatabase(Options.DatabaseName).CreateContainerAsync(properties, cancellationToken: TestContext.Current.CancellationToken);
        return new CosmosDocumentStore(created.Container);
    }

    public CosmosStorageOptions Options { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!CanRun("node") || !CanRun("npm"))
        {
            const string missing = "node and npm are not installed, so @vercel/cosmosdb-server cannot run";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{missing}, and on CI (CI=true) the Cosmos contract run is required: .ci/run installs them.");
            }

            SkipReason = $"{missing}: the Cosmos contract run is skipped (install Node.js and npm to run it).";
            return;
        }

        var serverFolder = ServerFolder();
        if (!Directory.Exists(Path.Combine(serverFolder, "node_modules", "@vercel", "cosmosdb-server")))
        {
            await RunNpmCiAsync(serverFolder);
        }

        var (certificatePath, keyPath) = WriteCertificate();
        var port = await StartServerAsync(serverFolder, certificatePath, keyPath);

        // The SDK reads these: plan queries locally on Linux, and never probe the Azure metadata endpoint.
        Environment.SetEnvironmentVariable("AZURE_COSMOS_USE_QUERY_PLAN_INTEROP_LINUX", "true");
        Environment.SetEnvironmentVariable("COSMOS_DISABLE_IMDS_ACCESS", "true");
        Options = new CosmosStorageOptions
        {
            AccountEndpoint = new Uri($"https://127.0.0.1:{port}/"),
            Key = Convert.ToBase64String(new byte[64]),
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            AcceptSelfSignedCertificate = true,
            CreateIfNotExists = true,
        };
        _client = CosmosClientFactory.Create(Options);
        Container = await CosmosLayout.CreateIfNotExistsAsync(_client, Options, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_server is not null)
        {
            // The starter exits when its stdin closes; kill it only if it does not.
            _server.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _server.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _server.Kill(entireProcessTree: true);
            }

            _server.Dispose();
        }

        Directory.Delete(_workFolder, recursive: true);
    }

    private async Task<int> StartServerAsync(string serverFolder, string certificatePath, string keyPath)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = serverFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "start.js", "--port", "0", "--cert", certificatePath, "--key", keyPath })
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        _server.ErrorDataReceived += (_, e) =>
        {
            lock (_serverErrors)
            {
                _serverErrors.AppendLine(e.Data);
            }
        };
        _server.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(StartTimeout);
        while (await _server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("listening ", StringComparison.Ordinal))
            {
                return int.Parse(line["listening ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        lock (_serverErrors)
        {
            throw new InvalidOperationException($"The Cosmos test server exited before listening: {_serverErrors}");
        }
    }

    private (string Certificate, string Key) WriteCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        var certificatePath = Path.Combine(_workFolder, "cert.pem");
        var keyPath = Path.Combine(_workFolder, "key.pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath);
    }

    private static async Task RunNpmCiAsync(string serverFolder)
    {
        var start = new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error")
        {
            WorkingDirectory = serverFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        var output = npm.StandardOutput.ReadToEndAsync();
        var errors = npm.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(InstallTimeout);
        await npm.WaitForExitAsync(timeout.Token);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {serverFolder} failed ({npm.ExitCode}): {await output}{await errors}");
        }
    }

    private static bool CanRun(string command)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, command)));

    private static string ServerFolder()
        => typeof(CosmosServerFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "CosmosServerFolder")?.Value
            ?? throw new InvalidOperationException("The test assembly does not say where tests/cosmos-server is.");
}
