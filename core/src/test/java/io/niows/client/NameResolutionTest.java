package io.niows.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.WebSocket;
import io.niows.WebSocketClient;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Host names are resolved on the client's resolver threads: {@code connect} returns at once, and a
 * resolver that hangs delays only its own connection, never the caller nor a loop that serves
 * others.
 */
@Timeout(30)
class NameResolutionTest {

    private static final WebSocketHandler ECHO = new WebSocketHandler() {
        @Override
        public void onText(WebSocket ws, String text) {
            ws.sendText(text);
        }
    };

    private final CountDownLatch slowReleased = new CountDownLatch(1);
    private final List<String> resolvedOn = new CopyOnWriteArrayList<>();
    private WebSocketServer server;
    private WebSocketClient client;

    @BeforeEach
    void start() throws Exception {
        server = WebSocketServer.builder().host("127.0.0.1").port(0).loops(1).defaultRoute(ECHO).build().start();
        client = WebSocketClient.builder().loops(1).resolver(this::resolve).build();
    }

    @AfterEach
    void stop() {
        slowReleased.countDown();
        client.close();
        server.close();
    }

    /** "slow.test" waits for the test to release it; "fast.test" is loopback; anything else is unknown. */
    private InetAddress resolve(String host) throws UnknownHostException {
        resolvedOn.add(Thread.currentThread().getName());
        if (host.equals("slow.test")) {
            try {
                slowReleased.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UnknownHostException("interrupted");
            }
        } else if (!host.equals("fast.test")) {
            throw new UnknownHostException(host);
        }
        return InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1});
    }

    @Test
    void aHangingResolverDelaysOnlyItsOwnConnection() throws Exception {
        CompletableFuture<WebSocket> slow = client.connect(url("slow.test"), new ClientInbox());
        assertThat(slow).as("connect returned while the name is still being resolved").isNotDone();

        ClientInbox inbox = new ClientInbox();
        WebSocket fast = client.connect(url("fast.test"), inbox).get(10, TimeUnit.SECONDS);
        fast.sendText("served while another name hangs");
        assertThat(inbox.texts.poll(10, TimeUnit.SECONDS)).isEqualTo("served while another name hangs");
        assertThat(fast.request().header("Host")).isEqualTo("fast.test:" + server.port());
        assertThat(slow).isNotDone();

        slowReleased.countDown();
        WebSocket late = slow.get(10, TimeUnit.SECONDS);
        assertThat(late.isOpen()).isTrue();
        assertThat(resolvedOn).allMatch(name -> name.equals("niows-resolver"));
    }

    @Test
    void anUnknownHostFailsTheFutureWithAnIoException() {
        CompletableFuture<WebSocket> unknown = client.connect(url("nowhere.test"), new ClientInbox());
        assertThatThrownBy(() -> unknown.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IOException.class).hasMessage("cannot resolve host nowhere.test")
                .cause().isInstanceOf(UnknownHostException.class);
    }

    @Test
    void connectingAfterCloseFailsAtOnce() {
        client.close();
        assertThatThrownBy(() -> client.connect(url("fast.test"), new ClientInbox()).get(1, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(IOException.class);
    }

    private URI url(String host) {
        return URI.create("ws://" + host + ":" + server.port() + "/");
    }

    private static final class ClientInbox implements WebSocketHandler {
        final java.util.concurrent.BlockingQueue<String> texts = new java.util.concurrent.LinkedBlockingQueue<>();

        @Override
        public void onText(WebSocket ws, String text) {
            texts.add(text);
        }
    }
}
