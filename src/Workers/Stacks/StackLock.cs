using Npgsql;

namespace Paddock.Workers.Stacks;

/// <summary>
/// A PostgreSQL session advisory lock per stack, held while an operation runs: two operations never run on one stack
/// at once, whichever worker node picked them up. Released when the connection closes, so a crashed worker frees it.
/// </summary>
internal sealed class StackLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private StackLock(NpgsqlConnection connection) => _connection = connection;

    public static async Task<StackLock> AcquireAsync(string connectionString, Guid stackId, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { Parameters = { new() { Value = Key(stackId) } } };
        await command.ExecuteNonQueryAsync(ct);
        return new StackLock(connection);
    }

    /// <summary>
    /// Unlocks before the connection goes back to the pool: Npgsql resets a pooled session only when it is next used,
    /// so an idle pooled connection would otherwise keep the stack locked for minutes and stall the next operation's
    /// worker (and, with few workers, every queued job behind it).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_connection.State == System.Data.ConnectionState.Open)
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", _connection);
                await command.ExecuteNonQueryAsync();
            }
        }
        catch (NpgsqlException)
        {
            // A broken connection has lost its session, and with it the lock.
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }

    private static long Key(Guid stackId) => BitConverter.ToInt64(stackId.ToByteArray(), 8);
}
