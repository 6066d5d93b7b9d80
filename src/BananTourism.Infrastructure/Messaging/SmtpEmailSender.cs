using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace BananTourism.Infrastructure.Messaging;

/// <summary>An email with a plain-text and an HTML body and optional attachments.</summary>
public sealed record EmailMessage(Guid Id, string To, string Subject, string Text, string? Html, IReadOnlyList<EmailAttachment> Attachments);

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Sends email over SMTP with MailKit. Throws on failure (the dispatcher counts and retries).</summary>
public sealed class SmtpEmailSender(SmtpOptions options)
{
    public async Task SendAsync(EmailMessage email, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        message.MessageId = $"{email.Id:N}@banantourism";
        var body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html };
        foreach (var attachment in email.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();

        using var smtp = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        var security = !options.UseTls ? SecureSocketOptions.None
            : options.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        await smtp.ConnectAsync(options.Host!, options.Port, security, ct);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await smtp.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
        }

        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(quit: true, ct);
    }
}
