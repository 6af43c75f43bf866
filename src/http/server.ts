import http from 'node:http';
import type { Express } from 'express';
import type { Logger } from '../shared/logger.ts';

export interface RunningServer {
  server: http.Server;
  port: number;
  /** Stops accepting, lets in-flight requests finish (up to graceMs), then resolves. */
  stop(graceMs?: number): Promise<void>;
}

export async function listen(app: Express, port: number, host: string, logger: Logger): Promise<RunningServer> {
  const server = http.createServer(app);
  // Slow-loris protection for every route alike: the headers within 30 s, the whole request
  // (an upload of IMPORT_MAX_BYTES included) within 10 minutes. No route has limits of its own.
  server.headersTimeout = 30_000;
  server.requestTimeout = 10 * 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  logger.info({ host, port: actualPort }, 'listening');
  return {
    server,
    port: actualPort,
    stop: (graceMs = 10_000) => stopServer(server, graceMs),
  };
}

function stopServer(server: http.Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    // Idle keep-alive sockets would hold close() open; busy ones finish first.
    server.closeIdleConnections();
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
