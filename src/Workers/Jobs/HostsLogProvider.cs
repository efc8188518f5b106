using System.Collections.Immutable;
using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using MsLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Paddock.Workers.Jobs;

/// <summary>
/// Hangfire logs through one static provider for the whole process, and its classes keep the loggers they get. A process
/// may hold several Paddock hosts (the tests start many, side by side and one after another). Hangfire's own provider is
/// bound to the logger factory of the last host that configured it; once that host is disposed, every worker of every
/// other host throws <see cref="ObjectDisposedException"/> right after fetching a job, and the job sits fetched but never
/// runs until its lease lapses. This provider sends each log call to the newest host whose factory is still alive.
/// </summary>
internal sealed class HostsLogProvider : ILogProvider
{
    public static readonly HostsLogProvider Instance = new();

    private readonly object _gate = new();
    private ImmutableList<ILoggerFactory> _factories = [];

    private HostsLogProvider()
    {
    }

    public void Attach(ILoggerFactory factory)
    {
        lock (_gate)
        {
            _factories = _factories.Remove(factory).Add(factory);
        }
    }

    public void Detach(ILoggerFactory factory)
    {
        lock (_gate)
        {
            _factories = _factories.Remove(factory);
        }
    }

    public ILog GetLogger(string name) => new HostLog(this, name);

    private bool Write(string name, HangfireLevel level, Func<string>? message, Exception? exception)
    {
        while (_factories is { IsEmpty: false } factories)
        {
            var factory = factories[^1];
            try
            {
                var logger = factory.CreateLogger(name);
                var mapped = Map(level);
                if (message is null || !logger.IsEnabled(mapped))
                {
                    return logger.IsEnabled(mapped);
                }

                logger.Log(mapped, 0, message(), exception, static (text, _) => text);
                return true;
            }
            catch (ObjectDisposedException)
            {
                Detach(factory);
            }
        }

        return false;
    }

    private static MsLevel Map(HangfireLevel level) => level switch
    {
        HangfireLevel.Trace => MsLevel.Trace,
        HangfireLevel.Debug => MsLevel.Debug,
        HangfireLevel.Info => MsLevel.Information,
        HangfireLevel.Warn => MsLevel.Warning,
        HangfireLevel.Error => MsLevel.Error,
        _ => MsLevel.Critical,
    };

    private sealed class HostLog(HostsLogProvider provider, string name) : ILog
    {
        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null) =>
            provider.Write(name, logLevel, messageFunc, exception);
    }
}
