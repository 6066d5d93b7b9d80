using System.Collections.Concurrent;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace BananTourism.Infrastructure.Messaging;

/// <summary>An email with a plain-text and an HTML body and optional attachments.</summary>
public sealed record EmailMessage(Guid Id, string To, string Subject, string Text, string? Html, IReadOnlyList<EmailAttachment> Attachments);

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>Sends email over SMTP with MailKit. Throws on failure (the dispatcher counts and retries). Connections are
/// kept open while the dispatcher drains the outbox (one per sending worker) and closed by <see cref="CloseIdleAsync"/>
/// when it is done: a connection, TLS and login per message would cap delivery at a few dozen a second.</summary>
public sealed class SmtpEmailSender(SmtpOptions options) : IAsyncDisposable
{
    private readonly ConcurrentBag<SmtpClient> _idle = [];

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

        var smtp = await RentAsync(ct);
        try
        {
            await smtp.SendAsync(message, ct);
        }
        catch
        {
            // A refused message or a broken connection: start the next one afresh.
            smtp.Dispose();
            throw;
        }

        _idle.Add(smtp);
    }

    /// <summary>Says goodbye on every idle connection.</summary>
    public async Task CloseIdleAsync()
    {
        while (_idle.TryTake(out var smtp))
        {
            try
            {
                if (smtp.IsConnected)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await smtp.DisconnectAsync(quit: true, timeout.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or MailKit.ProtocolException or MailKit.Net.Smtp.SmtpCommandException)
            {
                // Gone already; nothing to say goodbye to.
            }
            finally
            {
                smtp.Dispose();
            }
        }
    }

    public async ValueTask DisposeAsync() => await CloseIdleAsync();

    private async Task<SmtpClient> RentAsync(CancellationToken ct)
    {
        while (_idle.TryTake(out var pooled))
        {
            if (pooled.IsConnected)
            {
                return pooled;
            }

            pooled.Dispose();
        }

        var smtp = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        try
        {
            var security = !options.UseTls ? SecureSocketOptions.None
                : options.Port == 465 ? SecureSocketOptions.SslOnConnect
                : SecureSocketOptions.StartTls;
            // Our own socket, for TCP_NODELAY: a message ends in a short write (the terminating dot) right after the
            // body, and with Nagle's algorithm that write waits for the server's delayed ACK, some 40 ms a message.
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
                try
                {
                    await socket.ConnectAsync(options.Host!, options.Port, timeout.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    // A failed attempt like any other (retried, counted), not the process stopping.
                    throw new TimeoutException($"No connection to {options.Host}:{options.Port} within {options.TimeoutSeconds} s.");
                }
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            await smtp.ConnectAsync(socket, options.Host!, options.Port, security, ct);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await smtp.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
            }

            return smtp;
        }
        catch
        {
            smtp.Dispose();
            throw;
        }
    }
}
