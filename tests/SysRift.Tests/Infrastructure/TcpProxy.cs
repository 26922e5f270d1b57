using System.Net;
using System.Net.Sockets;

namespace SysRift.Tests;

/// <summary>
/// A loopback TCP forwarder to a real server, for fault tests: <see cref="Stop"/> cuts every connection and
/// refuses new ones (the database "goes away"), <see cref="Start"/> brings it back on the same port.
/// </summary>
public sealed class TcpProxy(int targetPort) : IAsyncDisposable
{
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];

    public int Port { get; private set; }

    public void Start()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync(_listener, _stop.Token);
    }

    public void Stop()
    {
        _stop.Cancel();
        _listener?.Stop();
        lock (_open)
        {
            foreach (var client in _open) client.Dispose();
            _open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient incoming;
            try
            {
                incoming = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            var outgoing = new TcpClient();
            try
            {
                await outgoing.ConnectAsync(IPAddress.Loopback, targetPort, cancellationToken);
            }
            catch (Exception)
            {
                incoming.Dispose();
                outgoing.Dispose();
                continue;
            }

            lock (_open) _open.AddRange([incoming, outgoing]);
            _ = PumpAsync(incoming, outgoing, cancellationToken);
            _ = PumpAsync(outgoing, incoming, cancellationToken);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken cancellationToken)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException or SocketException)
        {
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
