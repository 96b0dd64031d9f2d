// Echo server on Node's ws, as used by ws' own Autobahn runs: messages echoed with their type.
// permessage-deflate is on with ws' defaults (context takeover both ways, 15-bit windows unless
// the client asks for less, threshold 1024 octets when context takeover is off).
const { WebSocketServer } = require('ws');
const port = Number(process.argv[2] || 9001);
const wss = new WebSocketServer({ host: '127.0.0.1', port, perMessageDeflate: true, maxPayload: 64 * 1024 * 1024,
  // ws >= 8.19 refuses messages of more than 16384 fragments by default (1008); 9.3.1/9.4.1 send 65536.
  maxFragments: Number(process.env.WS_MAX_FRAGMENTS || 0) });
wss.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
  ws.on('error', () => {});
});
wss.on('listening', () => console.log('ws echo on ' + port));
