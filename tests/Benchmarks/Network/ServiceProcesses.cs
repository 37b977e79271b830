namespace Studios.Benchmarks.Network;

/// <summary>The service processes of one running system, found in /proc by their environment: the development identity
/// they trust (each AppHost run has its own) and their OTEL_SERVICE_NAME. Read only; nothing is signalled.</summary>
public static class ServiceProcesses
{
    /// <summary>Resident memory (VmRSS) per service in MB, averaged over its instances.</summary>
    public static Dictionary<string, double> ResidentMegabytes(string identityAuthority)
    {
        var authority = identityAuthority.TrimEnd('/');
        var perService = new Dictionary<string, List<double>>();
        foreach (var folder in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var environment = File.ReadAllText(Path.Combine(folder, "environ")).Split('\0');
                if (!environment.Any(v => v.StartsWith("Identity__Authority=", StringComparison.Ordinal) && v.TrimEnd('/').EndsWith(authority, StringComparison.Ordinal))) continue;
                var service = environment.FirstOrDefault(v => v.StartsWith("OTEL_SERVICE_NAME=", StringComparison.Ordinal))?["OTEL_SERVICE_NAME=".Length..];
                if (service is null) continue;
                var rss = File.ReadLines(Path.Combine(folder, "status")).First(line => line.StartsWith("VmRSS:", StringComparison.Ordinal));
                var kilobytes = double.Parse(rss.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
                (perService.TryGetValue(service, out var list) ? list : perService[service] = []).Add(kilobytes / 1024);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // a process that ended meanwhile, or not ours to read
            }
        }
        return perService.OrderBy(p => p.Key).ToDictionary(p => p.Key, p => p.Value.Average());
    }
}
