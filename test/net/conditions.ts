// Real network conditions on 127.0.0.1 for the "cannot reach the Hub" tests (issue 9 item 10),
// no mocks: a closed port (connection refused), a black hole (a listener whose accept queue is
// full, so the kernel drops further SYNs and a connect times out), a server that accepts and
// never answers (slow, not unreachable), and one that answers 503 (alive).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import net from 'node:net';

export interface Condition {
  url: string;
  host: string;
  close(): Promise<void>;
}

/** A port nobody listens on: bound, then released (connection refused). */
export async function closedPort(): Promise<Condition> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return { url: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, close: async () => undefined };
}

/** A listener with a backlog of 1 in a child process whose event loop is blocked, so it never
 *  accepts: once two connections fill its accept queue, Linux drops every further SYN and a
 *  connect times out (deterministic: the queue is held full for the test). */
export async function blackHole(seconds = 60): Promise<Condition> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '-e',
      `const s = require('net').createServer().listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
         process.stdout.write(s.address().port + '\\n');
         setTimeout(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${seconds * 1000}), 20);
       });`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
  await new Promise((resolve) => setTimeout(resolve, 100)); // its loop is blocked now
  const fillers: net.Socket[] = [];
  // fill the queue: connections that complete until it is full, then one that does not
  for (let i = 0; i < 8; i += 1) {
    const connected = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      fillers.push(socket);
      socket.once('connect', () => resolve(true));
      socket.once('error', () => resolve(false));
      socket.setTimeout(500, () => resolve(false));
    });
    if (!connected) break;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    close: async () => {
      for (const socket of fillers) socket.destroy();
      child.kill('SIGKILL');
    },
  };
}

async function listen(server: Server | net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

/** Accepts every connection and never sends a byte (a server too slow to answer). */
export async function silentServer(): Promise<Condition> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Answers every request with 503 (alive, in trouble). */
export async function failingServer(): Promise<Condition & { requests: () => number }> {
  let requests = 0;
  const server = createServer((_req, res) => {
    requests += 1;
    res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
  });
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    requests: () => requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
