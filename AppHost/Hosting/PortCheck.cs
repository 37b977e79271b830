using Studios.AppHost.Model;
using Studios.Launchers;

namespace Studios.AppHost.Hosting;

/// <summary>Every port must be free before anything starts: a clash is reported with the setting that moves it.</summary>
public static class PortCheck
{
    public static void EnsureFree(IEnumerable<PortSetting> ports)
    {
        foreach (var port in ports)
            if (!FreePort.IsFree(port.Port)) throw Taken(port);
    }

    public static AppHostException Taken(PortSetting port) => new(
        $"Port {port.Port} ({port.Purpose}) is already in use on 127.0.0.1. " +
        $"Stop whatever listens there, or move it with {port.HowToMove}.");
}
