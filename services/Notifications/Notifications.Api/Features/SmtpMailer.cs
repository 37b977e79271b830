using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Studios.Notifications.Domain;
using Studios.Notifications.Extensions;

namespace Studios.Notifications.Features;

/// <summary>Sends through the SMTP server of ConnectionStrings:mail with MailKit. Each mail has a Message-ID made from its
/// own id (a repeat after a crash between sending and recording it is recognisable as the same mail) and RFC 8058
/// one-click unsubscribe headers.</summary>
internal sealed class SmtpMailer(IOptions<NotificationsOptions> options)
{
    public async Task<SmtpClient> ConnectAsync(CancellationToken ct)
    {
        MailServerAddress.TryParse(options.Value.MailServer, out var server);
        var client = new SmtpClient { Timeout = (int)options.Value.SmtpTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(server!.Host, server.Port,
                server.ImplicitTls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, ct);
            if (server.UserName is not null) await client.AuthenticateAsync(server.UserName, server.Password ?? "", ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public MimeMessage Build(Guid mailId, string kind, Composition composition)
    {
        var sender = MailboxAddress.Parse(options.Value.SenderAddress!);
        var message = new MimeMessage { Subject = composition.Mail!.Subject };
        message.From.Add(sender);
        message.To.Add(new MailboxAddress(composition.RecipientName ?? "", composition.Address!));
        message.MessageId = $"{mailId:N}@{sender.Domain}";
        message.Headers.Add("List-Unsubscribe", $"<{composition.UnsubscribeUrl}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Studios-Notification", kind);
        message.Headers.Add(HeaderId.ContentLanguage, composition.Mail.Locale);
        message.Body = new BodyBuilder { TextBody = composition.Mail.Text, HtmlBody = composition.Mail.Html }.ToMessageBody();
        return message;
    }

    /// <summary>A 5xx answer to the mail itself (e.g. the recipient refused): retrying the same mail will not help.</summary>
    public static bool IsPermanent(Exception exception) =>
        exception is SmtpCommandException { StatusCode: var status } && (int)status >= 500;

    /// <summary>What to log and keep of a failure: never the server's own text, which may echo the recipient's address.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        SmtpCommandException command => $"SMTP {(int)command.StatusCode} ({command.ErrorCode})",
        SmtpProtocolException => "SMTP protocol error",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };
}
