using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace Studios.AppHost.Resources;

/// <summary>Healthy when an AMQP connection opens and the management API answers: what the services and the operators use.</summary>
internal sealed class RabbitMQNodeHealthCheck(RabbitMQNodeResource node) : IHealthCheck
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var password = await node.PasswordParameter.GetValueAsync(cancellationToken) ?? "";
        try
        {
            var factory = new ConnectionFactory
            {
                HostName = node.PrimaryEndpoint.Host, Port = node.PrimaryEndpoint.Port,
                UserName = RabbitMQNodeResource.UserName, Password = password,
                RequestedConnectionTimeout = TimeSpan.FromSeconds(5), AutomaticRecoveryEnabled = false,
                ClientProvidedName = "apphost-health-check",
            };
            await using (await factory.CreateConnectionAsync(cancellationToken)) { }

            using var request = new HttpRequestMessage(HttpMethod.Get, $"{node.ManagementEndpoint.Url}/api/overview");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{RabbitMQNodeResource.UserName}:{password}")));
            using var response = await Http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The management API answered {(int)response.StatusCode}.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
