using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Azure.Storage.Blobs;

namespace TalentReview.Functions.Tests.Hosting;

/// <summary>
/// Starts Azurite's blob service (tests/azurite) on 127.0.0.1, in memory, and hands out blobs in
/// containers of their own. Installs Azurite with npm ci when its node_modules folder is missing.
/// Without node and npm the key-ring tests are skipped, except on CI (CI=true), where that is a failure.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string ListeningPrefix = "Azurite Blob service successfully listens on http://127.0.0.1:";

    // Azurite's well-known development account: a public constant, not a secret.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(8);

    private readonly StringBuilder _serverOutput = new();
    private readonly string _workFolder = Directory.CreateTempSubdirectory("talentreview-azurite-").FullName;
    private Process? _server;
    private string? _connectionString;

    public string? SkipReason { get; private set; }

    public string ConnectionString
    {
        get
        {
            Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
            return _connectionString ?? throw new InvalidOperationException("Azurite did not start.");
        }
    }

    /// <summary>A blob that does not exist yet, in a new container no other test uses.</summary>
    public BlobClient NewBlob(string name = "keys.xml")
    {
        var container = new BlobContainerClient(ConnectionString, "ring-" + Guid.NewGuid().ToString("N"));
        container.Create(cancellationToken: TestContext.Current.CancellationToken);
        return container.GetBlobClient(name);
    }

    public async ValueTask InitializeAsync()
    {
        if (!CanRun("node") || !CanRun("npm"))
        {
            const string missing = "node and npm are not installed, so Azurite cannot run";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{missing}, and on CI (CI=true) the key-ring tests are required: .ci/run installs them.");
            }

            SkipReason = $"{missing}: the blob key-ring tests are skipped (install Node.js and npm to run them).";
            return;
        }

        var azuriteFolder = AzuriteFolder();
        if (!File.Exists(BlobServiceScript(azuriteFolder)))
        {
            await RunNpmCiAsync(azuriteFolder);
        }

        var port = await StartServerAsync(azuriteFolder);
        _connectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            if (!_server.HasExited)
            {
                _server.Kill(entireProcessTree: true);
                await _server.WaitForExitAsync();
            }

            _server.Dispose();
        }

        Directory.Delete(_workFolder, recursive: true);
    }

    // Port 0: Azurite takes a free port and says which, so parallel runs never collide.
    private async Task<int> StartServerAsync(string azuriteFolder)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = _workFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            BlobServiceScript(azuriteFolder), "--blobHost", "127.0.0.1", "--blobPort", "0",
            "--inMemoryPersistence", "--extentMemoryLimit", "64", "--skipApiVersionCheck", "--silent", "--disableTelemetry",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        _server.ErrorDataReceived += (_, e) =>
        {
            lock (_serverOutput)
            {
                _serverOutput.AppendLine(e.Data);
            }
        };
        _server.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(StartTimeout);
        while (await _server.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
            {
                // Keep draining its output so a full pipe never blocks the server.
                _ = _server.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return int.Parse(line[ListeningPrefix.Length..].TrimEnd('/'), CultureInfo.InvariantCulture);
            }

            lock (_serverOutput)
            {
                _serverOutput.AppendLine(line);
            }
        }

        lock (_serverOutput)
        {
            throw new InvalidOperationException($"Azurite exited before listening: {_serverOutput}");
        }
    }

    private static async Task RunNpmCiAsync(string azuriteFolder)
    {
        var start = new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error")
        {
            WorkingDirectory = azuriteFolder,
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
            throw new InvalidOperationException($"npm ci in {azuriteFolder} failed ({npm.ExitCode}): {await output}{await errors}");
        }
    }

    private static string BlobServiceScript(string azuriteFolder)
        => Path.Combine(azuriteFolder, "node_modules", "azurite", "dist", "src", "blob", "main.js");

    private static bool CanRun(string command)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, command)));

    private static string AzuriteFolder()
        => typeof(AzuriteFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "AzuriteFolder")?.Value
            ?? throw new InvalidOperationException("The test assembly does not say where tests/azurite is.");
}
