package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Whatever one connection's work throws, {@link Error}s included, costs that connection alone:
 * the loop it ran on goes on serving the others and new ones. (Loops once caught only
 * RuntimeException: a handler's Error ended the loop, and the acceptor kept dealing it half of
 * all new connections, which then hung.)
 */
@Timeout(30)
class LoopSurvivalTest {

    /** An Error an application might throw: not an exception, so nothing that catches only those sees it. */
    private static final class HandlerBug extends Error {
        HandlerBug() {
            super("secret detail");
        }
    }

    private WebSocketServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aHandlerThatThrowsAnErrorCostsOnlyItsConnection() throws Exception {
        BlockingQueue<Throwable> errors = new ArrayBlockingQueue<>(4);
        server = Servers.loopback().loops(1).defaultRoute(new WebSocketHandler() {
            @Override
            public void onText(WebSocket ws, String text) {
                if (text.equals("boom")) {
                    throw new HandlerBug();
                }
                ws.sendText(text);
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                errors.add(error);
            }
        }).build().start();
        try (RawClient good = RawClient.open(server.port(), "/");
                RawClient bad = RawClient.open(server.port(), "/")) {
            bad.send(RawClient.text("boom"));

            RawClient.Frame close = bad.readFrame();
            assertThat(close.closeCode()).isEqualTo(1011);
            assertThat(close.text()).doesNotContain("secret");
            assertThat(errors.poll(5, TimeUnit.SECONDS)).isInstanceOf(HandlerBug.class);
            good.send(RawClient.text("same loop, still served"));
            assertThat(good.readFrame().text()).isEqualTo("same loop, still served");
            try (RawClient fresh = RawClient.open(server.port(), "/")) {
                fresh.send(RawClient.text("new connection"));
                assertThat(fresh.readFrame().text()).isEqualTo("new connection");
            }
            assertThat(server.isRunning()).isTrue();
        }
    }

    @Test
    void anErrorFromOnOpenOrOnCloseCostsOnlyItsConnection() throws Exception {
        server = Servers.loopback().loops(1).defaultRoute(new WebSocketHandler() {
            @Override
            public void onOpen(WebSocket ws) {
                if (ws.request().path().equals("/bad")) {
                    throw new HandlerBug();
                }
            }

            @Override
            public void onText(WebSocket ws, String text) {
                ws.sendText(text);
            }

            @Override
            public void onClose(WebSocket ws, int code, String reason, boolean remote) {
                throw new HandlerBug();
            }
        }).build().start();
        try (RawClient bad = RawClient.open(server.port(), "/bad")) {
            assertThat(bad.readFrame().closeCode()).isEqualTo(1011);
        }
        try (RawClient good = RawClient.open(server.port(), "/")) {
            good.send(RawClient.text("still served"));
            assertThat(good.readFrame().text()).isEqualTo("still served");
        }
    }
}
