'use strict';
/*
 * A loopback TCP forwarder that the tests can take down, to play a peer (the mail server) being
 * away. Node.js core only.
 *
 *   node tcp-proxy.js --listen PORT --target PORT --control PORT
 *
 * Control API (loopback): POST /outage {durationMs} closes the listening port and drops every
 * connection until durationMs have passed; GET /health. Prints "ready" once both ports listen.
 */
const http = require('http');
const net = require('net');

const HOST = '127.0.0.1';
const args = {};
for (let i = 2; i < process.argv.length; i += 2) {
  args[process.argv[i].replace(/^--/, '')] = Number(process.argv[i + 1]);
}
for (const name of ['listen', 'target', 'control']) {
  if (!(args[name] > 0 && args[name] < 65536)) {
    process.stderr.write('usage: node tcp-proxy.js --listen PORT --target PORT --control PORT\n');
    process.exit(2);
  }
}

const connections = new Set();
const proxy = net.createServer(client => {
  const upstream = net.connect(args.target, HOST);
  connections.add(client);
  connections.add(upstream);
  const drop = () => {
    client.destroy();
    upstream.destroy();
    connections.delete(client);
    connections.delete(upstream);
  };
  client.on('error', drop).on('close', drop);
  upstream.on('error', drop).on('close', drop);
  client.pipe(upstream);
  upstream.pipe(client);
});

let down = false;
function outage(durationMs) {
  if (down) {
    return;
  }
  down = true;
  proxy.close();
  for (const socket of connections) {
    socket.destroy();
  }
  connections.clear();
  setTimeout(() => proxy.listen(args.listen, HOST, () => (down = false)), durationMs);
}

const control = http.createServer((request, response) => {
  let body = '';
  request.on('data', chunk => (body += chunk));
  request.on('end', () => {
    const reply = (status, value) => {
      response.writeHead(status, {'Content-Type': 'application/json'});
      response.end(JSON.stringify(value));
    };
    if (request.method === 'GET' && request.url === '/health') {
      return reply(200, {status: down ? 'DOWN' : 'UP'});
    }
    if (request.method === 'POST' && request.url === '/outage') {
      let durationMs;
      try {
        durationMs = Number(JSON.parse(body || '{}').durationMs);
      } catch (e) {
        return reply(400, {error: 'body is not JSON'});
      }
      if (!(durationMs > 0 && durationMs <= 120000)) {
        return reply(400, {error: 'durationMs must be 1 to 120000'});
      }
      outage(durationMs);
      return reply(200, {downForMs: durationMs});
    }
    return reply(404, {error: 'no route'});
  });
});

let listening = 0;
const ready = () => ++listening === 2 && process.stdout.write('ready\n');
proxy.listen(args.listen, HOST, ready);
control.listen(args.control, HOST, ready);
