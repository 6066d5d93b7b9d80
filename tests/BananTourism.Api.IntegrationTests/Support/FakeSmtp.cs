using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace BananTourism.Api.IntegrationTests.Support;

/// <summary>A real SMTP server on a loopback port (the SmtpServer package), keeping every message it accepts, parsed
/// with MimeKit. <see cref="RefuseNext"/> makes it answer the next messages to an address with a transient failure
/// (451), as a mail server that is down for a while does.</summary>
public sealed class FakeSmtp : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Store _store;
    private readonly Task _running;

    private FakeSmtp(int port, SmtpServer.SmtpServer server, Store store)
    {
        Port = port;
        _store = store;
        _running = server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received => _store.Received;

    /// <summary>Messages refused so far (each a sending attempt that failed).</summary>
    public int Refused => _store.Refused;

    public void RefuseNext(string to, int count) => _store.ToRefuse[to] = count;

    public static FakeSmtp Start()
    {
        var port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Port(port).IsSecure(false)).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        var fake = new Store();
        services.Add(fake);
        services.Add((SmtpServer.Net.IEndpointListenerFactory)new NoDelayListenerFactory());
        return new FakeSmtp(port, new SmtpServer.SmtpServer(options, services), fake);
    }

    /// <summary>Waits until <paramref name="count"/> messages have arrived (or fails after <paramref name="seconds"/>).</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(int count, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (Received.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"expected {count} messages by SMTP within {seconds} s, got {Received.Count}");
            await Task.Delay(50);
        }

        return Received.ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store : MessageStore
    {
        private int _refused;

        public ConcurrentDictionary<string, int> ToRefuse { get; } = new(StringComparer.OrdinalIgnoreCase);

        public ConcurrentQueue<MimeMessage> Received { get; } = new();

        public int Refused => Volatile.Read(ref _refused);

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var to = transaction.To.Select(m => $"{m.User}@{m.Host}").FirstOrDefault() ?? "";
            if (ToRefuse.TryGetValue(to, out var left) && left > 0 && ToRefuse.TryUpdate(to, left - 1, left))
            {
                Interlocked.Increment(ref _refused);
                return new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "451 try again later");
            }

            using var stream = new MemoryStream(buffer.ToArray());
            Received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
