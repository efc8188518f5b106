namespace Paddock.Workers.Notifications;

/// <summary><c>Paddock:Notifications:*</c>: how fast the outbox is dispatched and how deliveries are retried.</summary>
public sealed class NotificationOptions
{
    /// <summary>How often the delivery pump looks for new outbox messages and due retries when idle.</summary>
    public int PollIntervalMs { get; set; } = 250;

    public int RetryBaseMs { get; set; } = 10_000;

    public int RetryMaxMs { get; set; } = 3_600_000;

    /// <summary>Failed attempts in a row before a delivery is given up (a person can still redeliver it).</summary>
    public int MaxAttempts { get; set; } = 15;

    public int BatchSize { get; set; } = 100;

    /// <summary>Deliveries sent at once by one dispatcher.</summary>
    public int SendParallelism { get; set; } = 8;

    public int HttpTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Networks (CIDR) that Slack, SMS and webhook calls never connect to; by default link-local and the cloud metadata
    /// addresses (<see cref="OutboundGuard.DefaultBlockedNetworks"/>). Add private ranges to keep receivers outside.
    /// </summary>
    public string[]? BlockedNetworks { get; set; }

    /// <summary>Run the delivery pump in this process (where jobs run).</summary>
    public bool Pump { get; set; } = true;

    internal Core.Notifications.RetryPolicy RetryPolicy =>
        new(TimeSpan.FromMilliseconds(RetryBaseMs), TimeSpan.FromMilliseconds(RetryMaxMs), Math.Max(1, MaxAttempts));
}

/// <summary><c>Paddock:Smtp:*</c>: the mail server e-mail channels send through.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "Paddock <paddock@localhost>";

    /// <summary>None, Auto (STARTTLS when offered), StartTls (required) or SslOnConnect (port 465).</summary>
    public string Security { get; set; } = "Auto";
}
