# Opens N WebSocket connections on 127.0.0.1:PORT; each sends one masked text frame and reads its
# echo; then all are held for HOLD seconds. usage: chatty.py PORT N HOLD
import socket, sys, time, os
port, n, hold = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
req = ("GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
       "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n" % port).encode()
payload = b"hello"
key = os.urandom(4)
frame = bytes([0x81, 0x80 | len(payload)]) + key + bytes(b ^ key[i % 4] for i, b in enumerate(payload))
socks = []
for i in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(req)
    head = b""
    while b"\r\n\r\n" not in head:
        head += s.recv(4096)
    assert head.startswith(b"HTTP/1.1 101"), head
    s.sendall(frame)
    got = b""
    while len(got) < 2 + len(payload):
        got += s.recv(4096)
    socks.append(s)
print("held", len(socks), flush=True)
time.sleep(hold)
for s in socks:
    s.close()
