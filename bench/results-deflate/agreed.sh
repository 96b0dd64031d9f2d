#!/bin/bash
# What each server answers to the browser-like offer: its Sec-WebSocket-Extensions line.
for s in niows netty jetty java-websocket; do
  java -Xmx128m -cp /tmp/dbench/run.jar io.niows.bench.servers.ServerMain $s 1 > /tmp/dbench/agreed-$s.log 2>&1 &
  pid=$!
  for i in $(seq 1 100); do grep -q LISTENING /tmp/dbench/agreed-$s.log && break; sleep 0.2; done
  port=$(awk '/LISTENING/{print $2}' /tmp/dbench/agreed-$s.log)
  python3 - "$port" "$s" <<'PY'
import socket, sys
port, name = int(sys.argv[1]), sys.argv[2]
s = socket.create_connection(('127.0.0.1', port))
s.sendall(('GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
           'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n'
           'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n' % port).encode())
head = b''
while b'\r\n\r\n' not in head:
    head += s.recv(4096)
ext = [l for l in head.decode().split('\r\n') if l.lower().startswith('sec-websocket-extensions')]
print('%-15s %s' % (name, ext[0] if ext else '(none)'))
PY
  kill $pid; wait $pid 2>/dev/null
done
