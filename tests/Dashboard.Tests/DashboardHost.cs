using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Studios.Dashboard.Access;

namespace Studios.Dashboard.Tests;

/// <summary>The dashboard hosted as the AppHost will host it: a WebApplication on 127.0.0.1, on three free ports.</summary>
public sealed class DashboardHost : IAsyncDisposable
{
    public const string Token = "test-login-token";

    private readonly WebApplication app;

    private DashboardHost(WebApplication app, DashboardOptions options)
    {
        this.app = app;
        Options = options;
        Api = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        Anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(BaseUrl) };
        OtlpHttp = new HttpClient { BaseAddress = new Uri(OtlpHttpEndpoint) };
    }

    public DashboardOptions Options { get; }
    public IServiceProvider Services => app.Services;
    public string BaseUrl => $"http://127.0.0.1:{Options.DashboardPort}";
    public string OtlpHttpEndpoint => $"http://127.0.0.1:{Options.OtlpHttpPort}";
    public string OtlpGrpcEndpoint => $"http://127.0.0.1:{Options.OtlpGrpcPort}";

    /// <summary>Calls the dashboard with the login token as a bearer token.</summary>
    public HttpClient Api { get; }

    /// <summary>Calls the dashboard without credentials, redirects not followed.</summary>
    public HttpClient Anonymous { get; }

    public HttpClient OtlpHttp { get; }

    public TelemetryStore Store => app.Services.GetRequiredService<TelemetryStore>();

    public DashboardAccess Access => app.Services.GetRequiredService<DashboardAccess>();

    public static async Task<DashboardHost> StartAsync(
        Action<DashboardOptions>? configure = null,
        IResourceCatalog? catalog = null,
        Action<WebApplication>? mapMore = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var ports = FreePorts(3);
            DashboardOptions? options = null;
            // The slim builder, as the AppHost uses.
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.AddStudiosDashboard(o =>
            {
                o.DashboardPort = ports[0];
                o.OtlpHttpPort = ports[1];
                o.OtlpGrpcPort = ports[2];
                o.LoginToken = Token;
                configure?.Invoke(o);
                options = o;
            });
            if (catalog is not null)
            {
                builder.Services.AddSingleton(catalog);
            }
            var app = builder.Build();
            app.MapStudiosDashboard();
            mapMore?.Invoke(app);
            try
            {
                await app.StartAsync();
                return new DashboardHost(app, options!);
            }
            catch (IOException) when (attempt < 3)
            {
                // Another process took one of the ports between our probe and Kestrel's bind: probe again.
                await app.DisposeAsync();
            }
        }
    }

    public async Task<T> GetJsonAsync<T>(string path)
    {
        var result = await Api.GetFromJsonAsync<T>(path, Json.Options);
        return result!;
    }

    /// <summary>The JSON at path, or null when the API answers 404.</summary>
    public async Task<T?> GetOrNullAsync<T>(string path) where T : class
    {
        using var response = await Api.GetAsync(path);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(Json.Options);
    }

    /// <summary>Polls until the condition holds (telemetry arrives asynchronously) or the deadline passes.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        Anonymous.Dispose();
        OtlpHttp.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        foreach (var listener in listeners)
        {
            listener.Start();
        }
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var listener in listeners)
        {
            listener.Stop();
        }
        return ports;
    }
}
