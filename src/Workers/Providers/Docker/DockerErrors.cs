using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using Docker.DotNet;

namespace Paddock.Workers.Providers.Docker;

/// <summary>Turns library exceptions into the two kinds callers handle: unreachable engine, or the engine's own refusal.</summary>
internal static class DockerErrors
{
    public static Exception Translate(Exception exception, DockerEndpoint endpoint, CancellationToken ct) => exception switch
    {
        ProviderException => exception,
        DockerApiException api => new ProviderException(EngineMessage(api), api),
        OperationCanceledException when ct.IsCancellationRequested => exception,
        System.Security.Authentication.AuthenticationException or HttpRequestException { InnerException: System.Security.Authentication.AuthenticationException } =>
            new ProviderUnreachableException($"The TLS handshake with the Docker engine at {endpoint} failed (check the account's CA, client certificate and key): {Describe(exception)}", exception),
        // The legacy transport (tcp) reports a refused connection as an AggregateException of socket errors.
        HttpRequestException or SocketException or IOException or TimeoutException or OperationCanceledException
            or AggregateException { InnerException: SocketException or IOException or HttpRequestException } =>
            new ProviderUnreachableException($"Docker engine at {endpoint} is unreachable: {Describe(exception)}", exception),
        _ => exception,
    };

    public static bool IsNotFound(DockerApiException exception) => exception.StatusCode == System.Net.HttpStatusCode.NotFound;

    public static bool IsConflict(DockerApiException exception) => exception.StatusCode == System.Net.HttpStatusCode.Conflict;

    /// <summary>The engine answers errors as <c>{"message": "..."}</c>; that message is what a person needs.</summary>
    public static string EngineMessage(DockerApiException exception)
    {
        try
        {
            using var json = JsonDocument.Parse(exception.ResponseBody ?? "");
            if (json.RootElement.TryGetProperty("message", out var message) && message.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
        }

        return string.IsNullOrWhiteSpace(exception.ResponseBody) ? exception.Message : exception.ResponseBody.Trim();
    }

    private static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (!parts.Contains(e.Message))
            {
                parts.Add(e.Message.TrimEnd('.'));
            }
        }

        return string.Join(": ", parts) + ".";
    }
}
