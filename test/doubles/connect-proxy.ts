/**
 * A local stand-in for an enterprise's outbound HTTP proxy, over real TCP on 127.0.0.1:
 * it answers `CONNECT host:port` (the way HTTPS, and undici for every request, go through a
 * proxy) by opening a TCP connection to that target and piping bytes both ways, and records
 * each tunnel (target and the Proxy-Authorization it was given). With `credentials`, a
 * CONNECT without the matching Basic credentials gets 407, as Squid does. It cannot see
 * inside a TLS tunnel: what was sent is checked at the target double.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ProxyTunnel {
  /** `host:port` from the CONNECT line. */
  target: string;
  proxyAuthorization: string | undefined;
  /** 200 when the tunnel was opened, 407 when credentials were missing or wrong, 502 when the target was unreachable. */
  status: number;
}

export interface ConnectProxyDouble {
  /** http://127.0.0.1:<port> (with user:password@ when started with credentials). */
  url: string;
  tunnels: ProxyTunnel[];
  close(): Promise<void>;
}

export async function startConnectProxy(options: { credentials?: { user: string; password: string } } = {}): Promise<ConnectProxyDouble> {
  const tunnels: ProxyTunnel[] = [];
  const sockets = new Set<Socket>();
  const expected = options.credentials ? `Basic ${Buffer.from(`${options.credentials.user}:${options.credentials.password}`).toString('base64')}` : null;
  const server: Server = createServer((_req, res) => {
    // Plain (absolute-form) proxying is not what the model client uses; refuse it so a test notices.
    res.writeHead(405, { 'content-type': 'text/plain' }).end('this proxy only tunnels (CONNECT)');
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    const tunnel: ProxyTunnel = { target: req.url ?? '', proxyAuthorization: req.headers['proxy-authorization'], status: 0 };
    tunnels.push(tunnel);
    if (expected && tunnel.proxyAuthorization !== expected) {
      tunnel.status = 407;
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="double"\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const [host, port] = [tunnel.target.replace(/:\d+$/, ''), Number(/:(\d+)$/.exec(tunnel.target)?.[1] ?? 443)];
    const upstream = connect(port, host.replace(/^\[|\]$/g, ''), () => {
      tunnel.status = 200;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => {
      if (!tunnel.status) {
        tunnel.status = 502;
        client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n');
      } else client.destroy();
    });
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const auth = options.credentials ? `${encodeURIComponent(options.credentials.user)}:${encodeURIComponent(options.credentials.password)}@` : '';
  return {
    url: `http://${auth}127.0.0.1:${port}`,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
