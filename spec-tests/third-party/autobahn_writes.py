"""Shows how Autobahn groups the frames a case sends into TCP writes (send() calls).

Plays the three frames of case 3.3 (text, text with RSV bits, ping), sent plainly (as 3.2
does), with sync (3.3) or in octet chops (3.4), with autobahn's own WebSocket protocol on
Twisted, as fuzzing client or fuzzing server, against a silent peer in this script. Run it
under strace to see each send():

    apt-get install -y python3-autobahn strace
    strace -f -e trace=sendto /usr/bin/python3 autobahn_writes.py client sync   # or plain, chop; or server

Seen with autobahn 22.7.1 and Twisted 22.4: sync sends frames 1+2 in one write, then the ping;
plain sends all three in one write; chop sends 2 octets, then one octet per write. As server,
the 101 response leaves in the same write as the first frames.
"""
import base64
import hashlib
import socket
import sys
import threading

from autobahn.twisted.websocket import (WebSocketClientFactory, WebSocketClientProtocol,
                                        WebSocketServerFactory, WebSocketServerProtocol)
from twisted.internet import protocol, reactor

HELLO = b"Hello, world!"
GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def play(p, how):
    """The onOpen of Autobahn's case3_2.py, case3_3.py or case3_4.py."""
    args = {"plain": {}, "sync": {"sync": True}, "chop": {"chopsize": 1}}[how]
    p.sendFrame(opcode=1, payload=HELLO, **args)
    p.sendFrame(opcode=1, payload=HELLO, rsv=3, **args)
    p.sendFrame(opcode=9, **args)


class SilentServer(protocol.Protocol):
    """Accepts the upgrade and reads frames without answering them."""

    def __init__(self):
        self.head = b""

    def dataReceived(self, data):
        if self.head is None:
            return
        self.head += data
        if b"\r\n\r\n" in self.head:
            key = [l.split(b":", 1)[1].strip() for l in self.head.split(b"\r\n")
                   if l.lower().startswith(b"sec-websocket-key")][0]
            accept = base64.b64encode(hashlib.sha1(key + GUID).digest())
            self.transport.write(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                                 b"Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + b"\r\n\r\n")
            self.head = None


def silent_client(port):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
    while s.recv(65536):
        pass
    s.close()


def main(role, how):
    if role == "client":
        listening = reactor.listenTCP(0, protocol.Factory.forProtocol(SilentServer), interface="127.0.0.1")
        port = listening.getHost().port

        class Client(WebSocketClientProtocol):
            def onOpen(self):
                play(self, how)

        factory = WebSocketClientFactory("ws://127.0.0.1:%d/" % port)
        factory.protocol = Client
        reactor.connectTCP("127.0.0.1", port, factory)
    else:
        class Server(WebSocketServerProtocol):
            def onOpen(self):
                play(self, how)

        factory = WebSocketServerFactory()
        factory.protocol = Server
        port = reactor.listenTCP(0, factory, interface="127.0.0.1").getHost().port
        threading.Thread(target=silent_client, args=(port,), daemon=True).start()
    reactor.callLater(2, reactor.stop)
    reactor.run()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
