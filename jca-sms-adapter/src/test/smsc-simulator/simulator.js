#!/usr/bin/env node
'use strict';
/*
 * Reference SMSC simulator for Portcullis tests.
 *
 * The SMPP side is the npm package "smpp" (node-smpp), an implementation written independently of
 * the adapter under test, so that the adapter is checked against a peer it did not grow up with.
 * This file only wires node-smpp to a few rules (credentials, message ids, receipts) and a
 * loopback HTTP control API that tests use to see what the "gateway" received and to make it send
 * mobile-originated messages and delivery receipts.
 *
 *   node simulator.js --smpp-port N --control-port M --system-id X --password Y
 *                     [--receipt-delay-ms D]
 *
 * Prints "ready" on stdout once both ports listen; everything else goes to stderr. Listens on
 * 127.0.0.1 only.
 *
 * Control API (JSON):
 *   GET    /health            {status, sessions:[{systemId, bindType}]}
 *   GET    /messages          {submissions:[...], messages:[...]} (messages: reassembled texts;
 *                              submissions carry time, addresses, data_coding, esm_class,
 *                              registered_delivery, short_message and PDU octets in hex)
 *   DELETE /messages          forget everything received
 *   POST   /mo                {from, to, text} -> deliver_sm to every session that can receive
 *   POST   /receipt           {messageId, stat} -> delivery receipt for an earlier submission
 *   POST   /faults            {rejectDestinationPrefix, commandStatus, responseDelayMs}
 *   DELETE /faults            back to normal behaviour
 *   POST   /outage            {durationMs} -> the gateway goes down: every session is dropped and
 *                              the SMPP port stops listening, until durationMs have passed
 */

const http = require('http');
const smpp = require('smpp');

// ---------------------------------------------------------------------------------------------
// command line

function parseArgs(argv) {
  const args = {receiptDelayMs: 500};
  const names = {
    '--smpp-port': 'smppPort',
    '--control-port': 'controlPort',
    '--system-id': 'systemId',
    '--password': 'password',
    '--receipt-delay-ms': 'receiptDelayMs',
  };
  for (let i = 2; i < argv.length; i += 2) {
    const name = names[argv[i]];
    if (!name || i + 1 >= argv.length) {
      usage('unknown or incomplete option ' + argv[i]);
    }
    args[name] = argv[i + 1];
  }
  for (const required of ['smppPort', 'controlPort', 'systemId', 'password']) {
    if (args[required] === undefined) {
      usage('missing ' + required);
    }
  }
  args.smppPort = Number(args.smppPort);
  args.controlPort = Number(args.controlPort);
  args.receiptDelayMs = Number(args.receiptDelayMs);
  return args;
}

function usage(problem) {
  process.stderr.write(
    problem + '\nusage: node simulator.js --smpp-port N --control-port M --system-id X ' +
      '--password Y [--receipt-delay-ms D]\n');
  process.exit(2);
}

const args = parseArgs(process.argv);
const HOST = '127.0.0.1';

function log(message) {
  process.stderr.write(new Date().toISOString() + ' smsc-simulator: ' + message + '\n');
}

// ---------------------------------------------------------------------------------------------
// state

// We want the exact bytes the adapter put in short_message, not node-smpp's decoded string: drop
// the decoding filter for submit_sm only (deliver_sm keeps it for building what we send).
delete smpp.commands.submit_sm.params.short_message.filter;

const submissions = [];
const sessions = new Set();
let nextMessageId = 1;
let faults = {};

const ENCODINGS = {
  0x00: smpp.encodings.ASCII, // node-smpp's "ASCII" is the GSM 03.38 default alphabet, unpacked
  0x01: smpp.encodings.ASCII,
  0x03: smpp.encodings.LATIN1,
  0x08: smpp.encodings.UCS2,
};

function decodePayload(dataCoding, bytes) {
  const encoding = ENCODINGS[dataCoding];
  return encoding ? encoding.decode(bytes) : bytes.toString('hex');
}

// Splits short_message into its user data header (when esm_class says there is one) and payload,
// and finds a concatenation element (IEI 0x00, 8-bit reference, or 0x08, 16-bit reference).
function splitUdh(esmClass, bytes) {
  if (!(esmClass & 0x40) || bytes.length === 0) {
    return {udh: null, concat: null, payload: bytes};
  }
  const udhLength = bytes[0];
  const udh = bytes.subarray(0, udhLength + 1);
  let concat = null;
  for (let i = 1; i + 1 < udh.length;) {
    const iei = udh[i];
    const length = udh[i + 1];
    const data = udh.subarray(i + 2, i + 2 + length);
    if (iei === 0x00 && length === 3) {
      concat = {ref: data[0], total: data[1], seq: data[2]};
    } else if (iei === 0x08 && length === 4) {
      concat = {ref: data.readUInt16BE(0), total: data[2], seq: data[3]};
    }
    i += 2 + length;
  }
  return {udh: udh, concat: concat, payload: bytes.subarray(udhLength + 1)};
}

function receivable(session) {
  return session.bindType === 'transceiver' || session.bindType === 'receiver';
}

// ---------------------------------------------------------------------------------------------
// SMPP server

const server = smpp.createServer(session => {
  session.bindType = null;
  session.systemId = null;
  sessions.add(session);

  function bind(bindType) {
    return pdu => {
      if (session.bindType) {
        session.send(pdu.response({command_status: smpp.ESME_RALYBND}));
        return;
      }
      if (pdu.system_id !== args.systemId || pdu.password !== args.password) {
        log('bind_' + bindType + ' refused for system_id ' + pdu.system_id);
        session.send(pdu.response({command_status: smpp.ESME_RBINDFAIL}));
        session.close();
        return;
      }
      session.bindType = bindType;
      session.systemId = pdu.system_id;
      log('bound ' + bindType + ' for ' + pdu.system_id);
      session.send(pdu.response({system_id: 'SIMSMSC'}));
    };
  }

  session.on('bind_transceiver', bind('transceiver'));
  session.on('bind_transmitter', bind('transmitter'));
  session.on('bind_receiver', bind('receiver'));

  session.on('enquire_link', pdu => session.send(pdu.response()));

  session.on('unbind', pdu => {
    session.send(pdu.response());
    session.close();
  });

  session.on('submit_sm', pdu => {
    if (session.bindType !== 'transceiver' && session.bindType !== 'transmitter') {
      session.send(pdu.response({command_status: smpp.ESME_RINVBNDSTS}));
      return;
    }
    const respond = () => {
      if (faults.rejectDestinationPrefix !== undefined &&
          String(pdu.destination_addr).startsWith(faults.rejectDestinationPrefix)) {
        session.send(pdu.response({command_status: faults.commandStatus || smpp.ESME_RINVDSTADR}));
        return;
      }
      const messageId = String(nextMessageId++);
      const raw = Buffer.isBuffer(pdu.short_message) ? pdu.short_message : Buffer.alloc(0);
      const parts = splitUdh(pdu.esm_class, raw);
      const submission = {
        messageId: messageId,
        time: new Date().toISOString(),
        timeMillis: Date.now(),
        systemId: session.systemId,
        sourceAddr: pdu.source_addr,
        sourceAddrTon: pdu.source_addr_ton,
        sourceAddrNpi: pdu.source_addr_npi,
        destinationAddr: pdu.destination_addr,
        destAddrTon: pdu.dest_addr_ton,
        destAddrNpi: pdu.dest_addr_npi,
        dataCoding: pdu.data_coding,
        esmClass: pdu.esm_class,
        registeredDelivery: pdu.registered_delivery,
        shortMessageHex: raw.toString('hex'),
        // node-smpp re-encodes the parsed PDU: the same octets, TLVs in its own order
        pduHex: Buffer.from(pdu.toBuffer()).toString('hex'),
        udhHex: parts.udh ? parts.udh.toString('hex') : null,
        concat: parts.concat,
        partText: decodePayload(pdu.data_coding, parts.payload),
      };
      Object.defineProperty(submission, 'payload', {value: parts.payload, enumerable: false});
      Object.defineProperty(submission, 'session', {value: session, enumerable: false});
      submissions.push(submission);
      session.send(pdu.response({message_id: messageId}));
      // registered_delivery bits 0-1: 01 receipt on success or failure, 10 on failure only
      if ((pdu.registered_delivery & 0x03) === 0x01) {
        setTimeout(() => sendReceipt(submission, 'DELIVRD'), args.receiptDelayMs);
      }
    };
    if (faults.responseDelayMs) {
      setTimeout(respond, faults.responseDelayMs);
    } else {
      respond();
    }
  });

  // answer anything node-smpp does not know with generic_nack, as an SMSC would
  session.on('unknown', pdu => session.send(pdu.response()));

  session.on('error', error => log('session error: ' + error.message));
  session.on('close', () => {
    sessions.delete(session);
    log('session closed (' + (session.systemId || 'unbound') + ')');
  });
});

function smppTime(date) {
  const two = n => String(n).padStart(2, '0');
  return two(date.getUTCFullYear() % 100) + two(date.getUTCMonth() + 1) + two(date.getUTCDate()) +
    two(date.getUTCHours()) + two(date.getUTCMinutes());
}

const MESSAGE_STATES = {
  ENROUTE: 1, DELIVRD: 2, EXPIRED: 3, DELETED: 4, UNDELIV: 5, ACCEPTD: 6, UNKNOWN: 7, REJECTD: 8,
};

// The de-facto standard receipt text (SMPP 3.4 appendix B) plus the receipted_message_id and
// message_state TLVs, sent from the original recipient to the original sender.
function sendReceipt(submission, stat) {
  const target = [submission.session, ...sessions].find(
    s => s && !s.socket.destroyed && receivable(s) && s.systemId === submission.systemId);
  if (!target) {
    log('no session can receive the receipt for ' + submission.messageId);
    return false;
  }
  const submitted = new Date(submission.timeMillis);
  const excerpt = String(submission.partText).substring(0, 20).replace(/[^A-Za-z0-9 ]/g, '.');
  const err = stat === 'DELIVRD' || stat === 'ACCEPTD' || stat === 'ENROUTE' ? '000' : '001';
  const text = 'id:' + submission.messageId + ' sub:001 dlvrd:' +
    (stat === 'DELIVRD' ? '001' : '000') + ' submit date:' + smppTime(submitted) +
    ' done date:' + smppTime(new Date()) + ' stat:' + stat + ' err:' + err + ' text:' + excerpt;
  target.deliver_sm({
    source_addr_ton: submission.destAddrTon,
    source_addr_npi: submission.destAddrNpi,
    source_addr: submission.destinationAddr,
    dest_addr_ton: submission.sourceAddrTon,
    dest_addr_npi: submission.sourceAddrNpi,
    destination_addr: submission.sourceAddr,
    esm_class: 0x04,
    data_coding: 0x00,
    short_message: smpp.encodings.ASCII.encode(text),
    receipted_message_id: submission.messageId,
    message_state: MESSAGE_STATES[stat] || MESSAGE_STATES.UNKNOWN,
  });
  return true;
}

const GSM_SINGLE = 160, GSM_PART = 153, UCS2_SINGLE = 70, UCS2_PART = 67;

// A handset's mobile-originated message: GSM 03.38 when it fits, else UCS-2; concatenated with an
// 8-bit reference when too long for one message (parts split on characters, never inside an
// escape sequence or a surrogate pair).
function moParts(text) {
  const gsm = smpp.encodings.ASCII.match(text);
  const chars = Array.from(text);
  const units = c => (gsm ? smpp.encodings.ASCII.encode(c).length : c.length);
  const encode = s => (gsm ? smpp.encodings.ASCII.encode(s) : smpp.encodings.UCS2.encode(s));
  const total = chars.reduce((sum, c) => sum + units(c), 0);
  const single = gsm ? GSM_SINGLE : UCS2_SINGLE;
  const perPart = gsm ? GSM_PART : UCS2_PART;
  const dataCoding = gsm ? 0x00 : 0x08;
  if (total <= single) {
    return [{dataCoding: dataCoding, esmClass: 0x00, bytes: encode(text)}];
  }
  const pieces = [];
  let current = '', used = 0;
  for (const c of chars) {
    if (used + units(c) > perPart) {
      pieces.push(current);
      current = '';
      used = 0;
    }
    current += c;
    used += units(c);
  }
  pieces.push(current);
  const ref = Math.floor(Math.random() * 256);
  return pieces.map((piece, i) => ({
    dataCoding: dataCoding,
    esmClass: 0x40,
    bytes: Buffer.concat([Buffer.from([0x05, 0x00, 0x03, ref, pieces.length, i + 1]), encode(piece)]),
  }));
}

function sendMo(from, to, text) {
  const targets = [...sessions].filter(s => !s.socket.destroyed && receivable(s));
  for (const target of targets) {
    for (const part of moParts(text)) {
      target.deliver_sm({
        source_addr_ton: from.startsWith('+') ? 1 : 0,
        source_addr_npi: 1,
        source_addr: from.replace(/^\+/, ''),
        dest_addr_ton: 0,
        dest_addr_npi: 1,
        destination_addr: to,
        esm_class: part.esmClass,
        data_coding: part.dataCoding,
        short_message: part.bytes,
      });
    }
  }
  return targets.length;
}

// Reassembles concatenated submissions by (source, destination, reference, total) and decodes
// the joined payload once, so that a character split across parts would show up as garbage.
function reassembled() {
  const groups = new Map();
  const order = [];
  for (const s of submissions) {
    const key = s.concat
      ? [s.sourceAddr, s.destinationAddr, s.concat.ref, s.concat.total].join('|')
      : 'single|' + s.messageId;
    if (!groups.has(key)) {
      groups.set(key, []);
      order.push(key);
    }
    groups.get(key).push(s);
  }
  return order.map(key => {
    const parts = groups.get(key);
    const first = parts[0];
    const total = first.concat ? first.concat.total : 1;
    const sorted = [...parts].sort((a, b) => (a.concat ? a.concat.seq : 1) - (b.concat ? b.concat.seq : 1));
    return {
      from: first.sourceAddr,
      to: first.destinationAddr,
      dataCoding: first.dataCoding,
      reference: first.concat ? first.concat.ref : null,
      parts: parts.length,
      total: total,
      complete: parts.length === total,
      messageIds: sorted.map(p => p.messageId),
      text: decodePayload(first.dataCoding, Buffer.concat(sorted.map(p => p.payload))),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// control API

function readJson(request) {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', chunk => (body += chunk));
    request.on('end', () => {
      try {
        resolve(body ? JSON.parse(body) : {});
      } catch (e) {
        reject(e);
      }
    });
    request.on('error', reject);
  });
}

function reply(response, status, body) {
  response.writeHead(status, {'Content-Type': 'application/json; charset=utf-8'});
  response.end(JSON.stringify(body));
}

const control = http.createServer(async (request, response) => {
  try {
    const route = request.method + ' ' + request.url.split('?')[0];
    switch (route) {
      case 'GET /health':
        return reply(response, 200, {
          status: 'UP',
          sessions: [...sessions].filter(s => s.bindType)
            .map(s => ({systemId: s.systemId, bindType: s.bindType})),
        });
      case 'GET /messages':
        return reply(response, 200, {submissions: submissions, messages: reassembled()});
      case 'DELETE /messages':
        submissions.length = 0;
        return reply(response, 200, {cleared: true});
      case 'POST /mo': {
        const body = await readJson(request);
        if (!body.from || !body.to || typeof body.text !== 'string') {
          return reply(response, 400, {error: 'from, to and text are required'});
        }
        const sent = sendMo(String(body.from), String(body.to), body.text);
        return reply(response, sent ? 200 : 409, {sessions: sent});
      }
      case 'POST /receipt': {
        const body = await readJson(request);
        const submission = submissions.find(s => s.messageId === String(body.messageId));
        if (!submission) {
          return reply(response, 404, {error: 'no submission with message id ' + body.messageId});
        }
        const sent = sendReceipt(submission, body.stat || 'DELIVRD');
        return reply(response, sent ? 200 : 409, {sent: sent});
      }
      case 'POST /faults':
        faults = await readJson(request);
        return reply(response, 200, faults);
      case 'DELETE /faults':
        faults = {};
        return reply(response, 200, faults);
      case 'POST /outage': {
        const body = await readJson(request);
        const durationMs = Number(body.durationMs);
        if (!(durationMs > 0 && durationMs <= 120000)) {
          return reply(response, 400, {error: 'durationMs must be 1 to 120000'});
        }
        goDown(durationMs);
        return reply(response, 200, {downForMs: durationMs});
      }
      default:
        return reply(response, 404, {error: 'no route ' + route});
    }
  } catch (e) {
    return reply(response, 500, {error: e.message});
  }
});

// ---------------------------------------------------------------------------------------------
// outages: the gateway disappears (sessions dropped, port closed) and comes back on the same port

let down = false;
function goDown(durationMs) {
  if (down) {
    return;
  }
  down = true;
  server.close();
  for (const session of [...sessions]) {
    try {
      session.destroy();
    } catch (e) {
      log('dropping a session: ' + e.message);
    }
  }
  log('outage: SMPP port ' + args.smppPort + ' closed for ' + durationMs + ' ms');
  setTimeout(() => {
    server.listen(args.smppPort, HOST, () => {
      down = false;
      log('outage over: SMPP port ' + args.smppPort + ' listening again');
    });
  }, durationMs);
}

// ---------------------------------------------------------------------------------------------
// start

let listening = 0;
function listened() {
  if (++listening === 2) {
    process.stdout.write('ready\n');
  }
}
server.on('error', e => {
  log('SMPP port ' + args.smppPort + ': ' + e.message);
  process.exit(1);
});
control.on('error', e => {
  log('control port ' + args.controlPort + ': ' + e.message);
  process.exit(1);
});
server.listen(args.smppPort, HOST, listened);
control.listen(args.controlPort, HOST, listened);

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => process.exit(0));
}
