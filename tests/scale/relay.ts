/**
 * A loopback relay in front of Azurite or the fake Bot Connector. It passes every request on
 * unchanged, notes which instance sent it (the x-test-instance tag) and what came back, and can
 * hold one chosen request: passed on (so it takes effect) but its answer never returned, as when
 * the sender dies before hearing back. Not a test file.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { INSTANCE_HEADER } from '../support/instances';

export interface Arrival {
  readonly method: string;
  /** Path with query, as sent. */
  readonly path: string;
  /** The instance that sent it (its name), when tagged. */
  readonly instance?: string;
  readonly body: string;
  /** Arrival time, Date.now() ms. */
  readonly at: number;
  /** The upstream answer's status, once it came back. */
  status?: number;
}

export interface Relay {
  /** http://127.0.0.1:port — no trailing slash. */
  readonly url: string;
  readonly arrivals: readonly Arrival[];
  /**
   * The next request matching `match` is passed on but its answer held back for good; resolves
   * with it once upstream has answered (so its effect is in place).
   */
  holdNext(match: (arrival: Arrival) => boolean): Promise<Arrival>;
  close(): Promise<void>;
}

interface Hold {
  readonly match: (arrival: Arrival) => boolean;
  readonly resolve: (arrival: Arrival) => void;
}

export async function startRelay(target: string): Promise<Relay> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true });
  const arrivals: Arrival[] = [];
  const holds: Hold[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const tag = req.headers[INSTANCE_HEADER];
      const arrival: Arrival = { method: req.method ?? 'GET', path: req.url ?? '/', instance: typeof tag === 'string' ? tag : undefined, body: body.toString('utf8'), at: Date.now() };
      arrivals.push(arrival);
      const holdIndex = holds.findIndex((h) => h.match(arrival));
      const hold = holdIndex >= 0 ? holds.splice(holdIndex, 1)[0] : undefined;
      const forward = http.request(
        { host: upstream.hostname, port: upstream.port, method: arrival.method, path: arrival.path, headers: req.headers, agent },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => parts.push(chunk));
          answer.on('end', () => {
            arrival.status = answer.statusCode;
            if (hold) return hold.resolve(arrival); // the sender never hears back
            if (res.destroyed) return;
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(parts));
          });
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
  });
  // A held request's sender may be killed: its socket just closes.
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    holdNext: (match) => new Promise((resolve) => holds.push({ match, resolve })),
    close: async () => {
      server.closeAllConnections();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Azurite's connection string with its Table endpoint pointed at the relay instead. */
export function throughRelay(connectionString: string, relay: Relay): string {
  return connectionString.replace(/TableEndpoint=http:\/\/[^/;]+/, `TableEndpoint=${relay.url}`);
}
