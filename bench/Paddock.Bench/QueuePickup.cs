using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Hangfire;
using Hangfire.PostgreSql;
using Npgsql;
using Paddock.Workers.Jobs;

namespace Paddock.Bench;

/// <summary>
/// Enqueue-to-start latency of Hangfire.PostgreSql configured as Paddock configures it (schema hangfire, 150 ms queue
/// poll), on a fresh database: jobs are enqueued one by one, each after the previous one started.
/// </summary>
public static class QueuePickup
{
    private static readonly ConcurrentDictionary<Guid, long> Started = new();

    public static async Task RunAsync(string serverConnectionString, int jobs)
    {
        var database = $"paddock_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(serverConnectionString, $"CREATE DATABASE {database}");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;
            GlobalConfiguration.Configuration
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UsePostgreSqlStorage(
                    options => options.UseNpgsqlConnection(connectionString),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = JobsRegistration.Schema,
                        QueuePollInterval = TimeSpan.FromMilliseconds(150),
                        PrepareSchemaIfNecessary = true,
                        InvisibilityTimeout = TimeSpan.FromMinutes(30),
                    });
            using (var server = new BackgroundJobServer(new BackgroundJobServerOptions
            {
                WorkerCount = Math.Max(4, Environment.ProcessorCount * 2),
                Queues = ["critical", "default"],
                SchedulePollingInterval = TimeSpan.FromSeconds(1),
            }))
            {
                await PickUpAsync(); // warm-up: schema, connections, JIT
                var latencies = new List<double>();
                for (var i = 0; i < jobs; i++)
                {
                    latencies.Add(await PickUpAsync());
                }

                latencies.Sort();
                Console.WriteLine("jobs | median ms | p95 ms | min ms | max ms");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{jobs} | {Percentile(latencies, 0.5):F0} | {Percentile(latencies, 0.95):F0} | {latencies[0]:F0} | {latencies[^1]:F0}"));
                server.SendStop();
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(serverConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    /// <summary>The job: records when a worker started it.</summary>
    public static void Probe(Guid id) => Started[id] = Stopwatch.GetTimestamp();

    private static async Task<double> PickUpAsync()
    {
        var id = Guid.NewGuid();
        var enqueued = Stopwatch.GetTimestamp();
        BackgroundJob.Enqueue(() => Probe(id));
        long started;
        while (!Started.TryGetValue(id, out started))
        {
            await Task.Delay(1);
        }

        return Stopwatch.GetElapsedTime(enqueued, started).TotalMilliseconds;
    }

    /// <summary>Nearest rank.</summary>
    private static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
