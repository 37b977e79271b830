namespace Studios.AppHost.Model;

/// <summary>A port and the setting that moves it (<c>Ports:&lt;Key&gt;</c>), so every message about it can say how.</summary>
public sealed record PortSetting(string Key, int Port, string Purpose)
{
    public string ConfigurationKey => $"Ports:{Key}";

    public string HowToMove => $"--{ConfigurationKey}=<port> (or the environment variable Ports__{Key})";
}
