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

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private static long Key(Guid stackId) => BitConverter.ToInt64(stackId.ToByteArray(), 8);
}
