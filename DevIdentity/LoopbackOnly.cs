using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Studios.DevIdentity;

/// <summary>The development issuer mints a token for anyone who asks, so it answers only on this machine: requests from
/// another address, or naming another host (DNS rebinding from a browser), get 421; it refuses to listen on a
/// non-loopback address at all. (Outside the Development environment it does not start: see AddDevIdentity.)</summary>
public static class LoopbackOnly
{
    public static WebApplication UseLoopbackOnly(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() => RefuseNonLoopbackAddresses(app));
        app.Use(async (context, next) =>
        {
            var remote = context.Connection.RemoteIpAddress;
            // The test server has no connection address; any real connection does.
            var fromThisMachine = remote is null || IPAddress.IsLoopback(remote);
            if (!fromThisMachine || !IsLoopbackHost(context.Request.Host.Host))
            {
                await Results.Problem(statusCode: StatusCodes.Status421MisdirectedRequest,
                    title: "The development identity answers only on loopback (127.0.0.1, [::1], localhost).").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        return app;
    }

    public static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static void RefuseNonLoopbackAddresses(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var exposed = addresses.Where(address => !Uri.TryCreate(address, UriKind.Absolute, out var uri) || !IsLoopbackHost(uri.Host)).ToList();
        if (exposed.Count == 0) return;
        app.Logger.LogCritical("The development identity listens on {Addresses}, which is not loopback only; stopping", string.Join(", ", exposed));
        app.Lifetime.StopApplication();
    }
}
