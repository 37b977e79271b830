namespace Studios.AppHost.Hosting;

/// <summary>
/// Copies new lines of a server's own log file (the launchers write them) into the resource's console log,
/// like <c>tail -F</c>: from the end as it is now, surviving truncation and late creation.
/// </summary>
public static class LogFileFollower
{
    public static async Task FollowAsync(string file, ConsoleLog log, CancellationToken ct)
    {
        long position = File.Exists(file) ? new FileInfo(file).Length : 0;
        var pending = "";
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (File.Exists(file))
                {
                    var length = new FileInfo(file).Length;
                    if (length < position) position = 0;
                    if (length > position)
                    {
                        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                        stream.Position = position;
                        using var reader = new StreamReader(stream);
                        var text = pending + await reader.ReadToEndAsync(ct);
                        position = stream.Position;
                        var lines = text.Split('\n');
                        foreach (var line in lines[..^1]) log.Write(line.TrimEnd('\r'));
                        pending = lines[^1];
                    }
                }
                await Task.Delay(500, ct);
            }
            catch (OperationCanceledException) { break; }
            catch (IOException) { await Task.Delay(500, CancellationToken.None); }
        }
        if (pending.Length > 0) log.Write(pending);
    }
}
