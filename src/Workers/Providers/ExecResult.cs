namespace Paddock.Workers.Providers;

internal sealed record ExecResult(long ExitCode, string Output, string Error);
