package io.niows.server;

import io.niows.WebSocketServer;
import java.io.IOException;

/**
 * An echo server for tests that must run it in a process of its own (a small heap, few file
 * descriptors): prints {@code PORT n} once listening, serves until its standard input ends, and
 * exits with status 3 if the server fails as a whole.
 */
public final class ChildEchoServer {

    private ChildEchoServer() {
    }

    public static void main(String[] args) throws IOException {
        WebSocketServer server = Servers.loopback().loops(1).defaultRoute(Servers.ECHO)
                .onServerError(failure -> {
                    System.out.println("SERVER-ERROR " + failure);
                    System.out.flush();
                    Runtime.getRuntime().halt(3);
                })
                .build().start();
        System.out.println("PORT " + server.port());
        System.out.flush();
        while (System.in.read() >= 0) {
            // serve until the parent closes our input
        }
        server.close();
    }
}
