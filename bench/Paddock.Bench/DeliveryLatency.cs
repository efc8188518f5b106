using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Paddock.Core;
using Paddock.Core.Common;
using Paddock.Core.Events;
using Paddock.Core.Notifications;
using Paddock.Core.Projects;
using Paddock.Data;
using Paddock.Workers.Notifications;

namespace Paddock.Bench;

/// <summary>
/// Outbox to receiver: a stack event committed to the outbox until a webhook receiver on 127.0.0.1 has the signed POST,
/// through the real delivery pump (default 500 ms poll) on a fresh, migrated database. First one event at a time (latency),
/// then a burst (throughput).
/// </summary>
public static class DeliveryLatency
{
    private static readonly ConcurrentDictionary<Guid, long> Received = new();

    public static async Task RunAsync(string serverConnectionString, int events, int burst)
    {
        var database = $"paddock_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(serverConnectionString, $"CREATE DATABASE {database}");
        using var listener = StartReceiver(out var url);
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database, MaxPoolSize = 20 }.ConnectionString;
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<ICurrentUser>(SystemUser.Instance);
            builder.Services.AddPaddockCore();
            builder.Services.AddPaddockData(connectionString);
            builder.Services.AddPaddockNotifications(builder.Configuration, runsJobs: true);
            using var host = builder.Build();
            var projectId = await ArrangeAsync(host.Services, url);
            await host.StartAsync();

            await DeliverAsync(host.Services, projectId, 1); // warm-up: connections, JIT
            var latencies = new List<double>();
            for (var i = 0; i < events; i++)
            {
                // Events arrive at random moments relative to the pump's poll, as they do in use.
                await Task.Delay(Random.Shared.Next(0, 700));
                latencies.Add((await DeliverAsync(host.Services, projectId, 1))[0]);
            }

            latencies.Sort();
            var watch = Stopwatch.StartNew();
            var burstLatencies = await DeliverAsync(host.Services, projectId, burst);
            var elapsed = watch.Elapsed.TotalSeconds;
            burstLatencies.Sort();
            Console.WriteLine("one at a time: events | median ms | p95 ms | p99 ms | max ms");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{events} | {Percentile(latencies, 0.5):F0} | {Percentile(latencies, 0.95):F0} | {Percentile(latencies, 0.99):F0} | {latencies[^1]:F0}"));
            Console.WriteLine("burst: events | all delivered s | events/s | last event ms");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{burst} | {elapsed:F2} | {burst / elapsed:F0} | {burstLatencies[^1]:F0}"));
            await host.StopAsync();
        }
        finally
        {
            listener.Stop();
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(serverConnectionString, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    private static async Task<Guid> ArrangeAsync(IServiceProvider services, string url)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PaddockDbContext>();
        await db.Database.MigrateAsync();
        var project = Project.Create("bench", null, DateTimeOffset.UtcNow);
        db.Projects.Add(project);
        var webhook = WebhookSubscription.Create(project.Id, DateTimeOffset.UtcNow);
        webhook.Apply(new WebhookSettings(url, "bench", [EventTypes.StackLaunched], true));
        webhook.SetSecret(scope.ServiceProvider.GetRequiredService<ISecretProtector>().Protect(WebhookSignature.NewSecret()));
        db.WebhookSubscriptions.Add(webhook);
        await db.SaveChangesAsync();
        return project.Id;
    }

    /// <summary>Commits <paramref name="count"/> events in one transaction and waits until the receiver has every one.</summary>
    private static async Task<List<double>> DeliverAsync(IServiceProvider services, Guid projectId, int count)
    {
        var ids = new List<Guid>();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PaddockDbContext>();
            for (var i = 0; i < count; i++)
            {
                var message = OutboxMessage.Create(projectId, EventTypes.StackLaunched,
                    new StackEventData(projectId, Guid.NewGuid(), $"s{i}", Guid.NewGuid(), "Running"), DateTimeOffset.UtcNow);
                db.OutboxMessages.Add(message);
                ids.Add(message.Id);
            }

            await db.SaveChangesAsync();
        }

        var committed = Stopwatch.GetTimestamp();
        var deadline = Stopwatch.StartNew();
        var latencies = new List<double>();
        foreach (var id in ids)
        {
            long at;
            while (!Received.TryGetValue(id, out at))
            {
                if (deadline.Elapsed > TimeSpan.FromMinutes(2))
                {
                    throw new TimeoutException($"Event {id} was not delivered.");
                }

                await Task.Delay(1);
            }

            latencies.Add(Stopwatch.GetElapsedTime(committed, at).TotalMilliseconds);
        }

        return latencies;
    }

    private static HttpListener StartReceiver(out string url)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        url = $"http://127.0.0.1:{port}/hook/";
        var listener = new HttpListener();
        listener.Prefixes.Add(url);
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream);
                using var body = JsonDocument.Parse(await reader.ReadToEndAsync());
                Received.TryAdd(body.RootElement.GetProperty("id").GetGuid(), Stopwatch.GetTimestamp());
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });
        return listener;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
