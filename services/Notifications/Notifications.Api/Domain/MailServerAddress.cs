namespace Studios.Notifications.Domain;

/// <summary>The SMTP server from ConnectionStrings:mail: smtp://[user:password@]host:port (STARTTLS when the server offers
/// it) or smtps://... (TLS from the start).</summary>
public sealed record MailServerAddress(string Host, int Port, bool ImplicitTls, string? UserName, string? Password)
{
    public static bool TryParse(string? connectionString, out MailServerAddress? address)
    {
        address = null;
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("smtp" or "smtps") || uri.Host.Length == 0)
            return false;
        var implicitTls = uri.Scheme == "smtps";
        var port = uri.IsDefaultPort || uri.Port < 0 ? (implicitTls ? 465 : 25) : uri.Port;
        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            user = Uri.UnescapeDataString(parts[0]);
            password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null;
        }
        address = new MailServerAddress(uri.Host, port, implicitTls, user, password);
        return true;
    }

    public override string ToString() => $"{(ImplicitTls ? "smtps" : "smtp")}://{Host}:{Port}";
}
