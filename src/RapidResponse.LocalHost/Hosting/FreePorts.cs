using System.Net;
using System.Net.Sockets;

namespace RapidResponse.LocalHost.Hosting;

/// <summary>Loopback ports nothing listens on now, so parallel hosts, Azurites and test runs do not collide.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
