using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Paddock.Web.Hosting;

/// <summary>
/// A private PostgreSQL cluster in Paddock's data folder, for when no connection string is configured: created on
/// the first run, reused on the next, stopped cleanly when Paddock stops. The password is generated once and kept
/// in a file only the owner can read; the server listens on 127.0.0.1 only.
/// </summary>
internal sealed class EmbeddedPostgres
{
    private readonly string _root;
    private readonly string _binDirectory;
    private readonly int _port;
    private readonly ILogger _logger;
    private bool _startedByUs;


    private EmbeddedPostgres(string root, string binDirectory, int port, ILogger logger)
    {
        _root = root;
        _binDirectory = binDirectory;
        _port = port;
        _logger = logger;
    }

    private string DataDirectory => Path.Combine(_root, "data");

    private string SocketDirectory => Path.Combine(_root, "run");

    private string PasswordFile => Path.Combine(_root, "password");

    public string ConnectionString { get; private set; } = "";

    public static async Task<EmbeddedPostgres> StartAsync(IConfiguration configuration, ILogger logger, CancellationToken ct)
    {
        var root = Path.GetFullPath(Path.Combine(configuration["Paddock:DataDirectory"] ?? ".paddock", "postgres"));
        var bin = configuration["Paddock:Postgres:BinDirectory"] ?? FindBinDirectory()
            ?? throw new InvalidOperationException("No PostgreSQL server found under /usr/lib/postgresql; install postgresql or set ConnectionStrings:Paddock.");
        var port = configuration.GetValue("Paddock:Postgres:Port", 55432);
        var postgres = new EmbeddedPostgres(root, bin, port, logger);
        await postgres.EnsureRunningAsync(ct);
        return postgres;
    }

    public async Task StopAsync()
    {
        if (!_startedByUs)
        {
            return;
        }

        _logger.LogInformation("Stopping the private PostgreSQL cluster in {Directory}", DataDirectory);
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None);
        _startedByUs = false;
    }

    private async Task EnsureRunningAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(SocketDirectory);
        var password = EnsurePassword();
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            _logger.LogInformation("Creating a private PostgreSQL cluster in {Directory}", DataDirectory);
            Directory.CreateDirectory(DataDirectory);
            GiveToPostgresUser(_root);
            await RunAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "--auth=scram-sha-256", $"--pwfile={PasswordFile}", "-E", "UTF8", "--no-instructions"], ct);
        }

        GiveToPostgresUser(_root);
        if (!await IsAcceptingAsync(password, ct))
        {
            if (IsPortTaken(_port))
            {
                throw new InvalidOperationException($"Port {_port} on 127.0.0.1 is taken by another program; set Paddock:Postgres:Port to a free port.");
            }

            _logger.LogInformation("Starting the private PostgreSQL cluster on 127.0.0.1:{Port}", _port);
            await RunAsync("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(_root, "postgres.log"), "-w", "-t", "60",
                "-o", $"-c listen_addresses=127.0.0.1 -p {_port} -k {SocketDirectory}", "start"], ct);
        }

        // The cluster in our data folder is ours even when a crashed run left it running: adopt it and stop it on exit.
        _startedByUs = true;

        var admin = Build(password, "postgres");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(ct);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = 'paddock'", connection);
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand("CREATE DATABASE paddock", connection);
                await create.ExecuteNonQueryAsync(ct);
            }
        }

        ConnectionString = Build(password, "paddock");
    }

    private string Build(string password, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = "postgres",
        Password = password,
        Database = database,
        MaxPoolSize = 50,
    }.ConnectionString;

    private async Task<bool> IsAcceptingAsync(string password, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(Build(password, "postgres") + ";Timeout=2");
            await connection.OpenAsync(ct);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            return false;
        }
    }

    private string EnsurePassword()
    {
        if (!File.Exists(PasswordFile))
        {
            File.WriteAllText(PasswordFile, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return File.ReadAllText(PasswordFile).Trim();
    }

    private static bool IsPortTaken(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    private static string? FindBinDirectory() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.</summary>
    private static void GiveToPostgresUser(string directory)
    {
        if (IsRoot)
        {
            using var chown = Process.Start("chown", ["-R", "postgres:postgres", directory]);
            chown.WaitForExit();
        }
    }

    private async Task RunAsync(string tool, string[] arguments, CancellationToken ct)
    {
        var executable = Path.Combine(_binDirectory, tool);
        var start = IsRoot
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", executable, .. arguments])
            : new ProcessStartInfo(executable, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
    }
}
