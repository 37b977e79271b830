using System.Security.Cryptography;

namespace Studios.AppHost.Hosting;

/// <summary>Generated passwords kept in the data folder (owner-only files), so a restart reuses them with the same data.</summary>
public sealed class Secrets(DataLayout data)
{
    public string GetOrCreate(string name)
    {
        var file = Path.Combine(data.Secrets, name);
        if (File.Exists(file)) return File.ReadAllText(file).Trim();
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(18)).ToLowerInvariant();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(file, options)) writer.Write(secret);
        return secret;
    }

    public string PathOf(string name) => Path.Combine(data.Secrets, name);
}
