using System.Net.Sockets;
using SmtpServer;

namespace BananTourism.Api.IntegrationTests.Support;

/// <summary>SmtpServer's listener with Nagle's algorithm off (set on the listening socket, which Linux hands on to each
/// connection it accepts): the server writes its replies in pieces, and with Nagle on, each message waits some 40 ms
/// for the client's delayed ACK, which would measure the test server rather than the dispatcher. The package keeps its
/// TcpListener private, hence the reflection; this is a benchmark's stand-in, not the service.</summary>
public sealed class NoDelayListenerFactory : SmtpServer.Net.EndpointListenerFactory
{
    public override SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        var listener = base.CreateListener(endpointDefinition);
        var tcp = (TcpListener?)typeof(SmtpServer.Net.EndpointListener)
            .GetField("_tcpListener", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)?.GetValue(listener);
        if (tcp is not null)
        {
            tcp.Server.NoDelay = true;
        }

        return listener;
    }
}
