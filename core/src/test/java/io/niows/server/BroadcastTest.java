package io.niows.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.Broadcaster;
import io.niows.WebSocket;
import io.niows.WebSocketHandler;
import io.niows.WebSocketServer;
import io.niows.protocol.SendResult;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The observer list: every member gets every message, in each publisher's order; slow ones are dealt with. */
class BroadcastTest {

    private WebSocketServer server;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(10);

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private Broadcaster startRoom(Broadcaster room, CountDownLatch joined) throws Exception {
        server = Servers.loopback().route("/room", new WebSocketHandler() {
            @Override
            public void onOpen(WebSocket ws) {
                room.add(ws);
                joined.countDown();
            }

            @Override
            public void onText(WebSocket ws, String text) {
                room.broadcast(text);
            }

            @Override
            public void onClose(WebSocket ws, int code, String reason, boolean remote) {
                closed.countDown();
            }
        }).build().start();
        return room;
    }

    @Test
    void aThousandMembersReceiveEveryMessageOfConcurrentPublishersInEachPublishersOrder() throws Exception {
        int members = 1000;
        int publishers = 4;
        int perPublisher = 50;
        CountDownLatch joined = new CountDownLatch(members);
        Broadcaster room = startRoom(new Broadcaster(), joined);
        TestHttp http = new TestHttp();
        toClose.add(http);
        List<JdkClient> clients = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            JdkClient c = JdkClient.connect(http.client, server.port(), "/room");
            clients.add(c);
            toClose.add(c);
        }
        assertThat(joined.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(room.size()).isEqualTo(members);

        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            int publisher = p;
            threads.add(new Thread(() -> {
                for (int i = 0; i < perPublisher; i++) {
                    room.broadcast(publisher + ":" + i);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(30_000);
        }
        for (JdkClient c : clients) {
            Map<Integer, Integer> nextOf = new HashMap<>();
            for (int k = 0; k < publishers * perPublisher; k++) {
                String[] m = ((String) c.next()).split(":");
                int publisher = Integer.parseInt(m[0]);
                int expected = nextOf.getOrDefault(publisher, 0);
                assertThat(Integer.parseInt(m[1])).isEqualTo(expected);
                nextOf.put(publisher, expected + 1);
            }
            assertThat(c.received).isEmpty();
        }
    }

    @Test
    void broadcastsMadeInTurnFromHandlersOnDifferentLoopsReachEveryMemberInOneOrder() throws Exception {
        int members = 20;
        int perMember = 25;
        Broadcaster room = new Broadcaster();
        CountDownLatch joined = new CountDownLatch(members);
        Object turn = new Object();
        server = Servers.loopback().loops(2).route("/room", new WebSocketHandler() {
            @Override
            public void onOpen(WebSocket ws) {
                room.add(ws);
                joined.countDown();
            }

            @Override
            public void onText(WebSocket ws, String text) {
                synchronized (turn) {
                    room.broadcast(text);
                }
            }
        }).build().start();
        TestHttp http = new TestHttp();
        toClose.add(http);
        List<JdkClient> clients = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            JdkClient c = JdkClient.connect(http.client, server.port(), "/room");
            clients.add(c);
            toClose.add(c);
        }
        assertThat(joined.await(10, TimeUnit.SECONDS)).isTrue();
        for (int k = 0; k < perMember; k++) {
            for (int i = 0; i < members; i++) {
                clients.get(i).ws.sendText(i + ":" + k, true).get(10, TimeUnit.SECONDS);
            }
        }
        List<Object> first = new ArrayList<>();
        for (int k = 0; k < members * perMember; k++) {
            first.add(clients.get(0).next());
        }
        for (JdkClient c : clients.subList(1, members)) {
            List<Object> seen = new ArrayList<>();
            for (int k = 0; k < members * perMember; k++) {
                seen.add(c.next());
            }
            assertThat(seen).isEqualTo(first);
        }
    }

    @Test
    void aMessageSentByAMemberReachesEveryMemberIncludingTheSender() throws Exception {
        CountDownLatch joined = new CountDownLatch(3);
        startRoom(new Broadcaster(), joined);
        TestHttp http = new TestHttp();
        toClose.add(http);
        List<JdkClient> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JdkClient c = JdkClient.connect(http.client, server.port(), "/room");
            clients.add(c);
            toClose.add(c);
        }
        assertThat(joined.await(10, TimeUnit.SECONDS)).isTrue();
        clients.get(1).ws.sendText("hello all", true).get();
        for (JdkClient c : clients) {
            assertThat(c.next()).isEqualTo("hello all");
        }
    }

    @ParameterizedTest
    @EnumSource(Broadcaster.OverflowPolicy.class)
    void aMessageLargerThanTheMemberLimitIsRefusedAndCountedAndNoMemberIsClosed(Broadcaster.OverflowPolicy policy)
            throws Exception {
        CountDownLatch joined = new CountDownLatch(4);
        Broadcaster room = startRoom(new Broadcaster(64 << 10, policy), joined);
        TestHttp http = new TestHttp();
        toClose.add(http);
        List<JdkClient> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            JdkClient c = JdkClient.connect(http.client, server.port(), "/room");
            clients.add(c);
            toClose.add(c);
        }
        assertThat(joined.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(room.broadcast("z".repeat(100 << 10))).isZero();
        assertThat(room.broadcast("after")).isEqualTo(4);

        for (JdkClient c : clients) {
            assertThat(c.next()).isEqualTo("after");
        }
        assertThat(room.oversized()).isEqualTo(1);
        assertThat(room.evicted()).isZero();
        assertThat(room.skipped()).isZero();
        assertThat(room.size()).isEqualTo(4);
    }

    @Test
    void aMemberThatNeverReadsIsClosedWhileTheOthersKeepReceiving() throws Exception {
        CountDownLatch joined = new CountDownLatch(2);
        Broadcaster room = startRoom(new Broadcaster(256 << 10, Broadcaster.OverflowPolicy.CLOSE), joined);
        RawClient stuck = RawClient.open(server.port(), "/room");
        toClose.add(stuck);
        stuck.socket.setReceiveBufferSize(4096);
        TestHttp http = new TestHttp();
        toClose.add(http);
        JdkClient reader = JdkClient.connect(http.client, server.port(), "/room");
        toClose.add(reader);
        assertThat(joined.await(10, TimeUnit.SECONDS)).isTrue();
        String big = "x".repeat(16 << 10);
        for (int i = 0; i < 1000; i++) {
            room.broadcast(i + big);
            assertThat(((String) reader.next())).startsWith(Integer.toString(i));
        }
        assertThat(room.evicted()).isEqualTo(1);
        assertThat(room.size()).isEqualTo(1);
    }

    @Test
    void underTheSkipPolicyASlowMemberMissesMessagesAndTheCountSaysSo() throws Exception {
        CountDownLatch joined = new CountDownLatch(2);
        Broadcaster room = startRoom(new Broadcaster(256 << 10, Broadcaster.OverflowPolicy.SKIP), joined);
        RawClient stuck = RawClient.open(server.port(), "/room");
        toClose.add(stuck);
        TestHttp http = new TestHttp();
        toClose.add(http);
        JdkClient reader = JdkClient.connect(http.client, server.port(), "/room");
        toClose.add(reader);
        assertThat(joined.await(10, TimeUnit.SECONDS)).isTrue();
        String big = "y".repeat(16 << 10);
        for (int i = 0; i < 1000; i++) {
            room.broadcast(i + big);
            assertThat(((String) reader.next())).startsWith(Integer.toString(i));
        }
        assertThat(room.skipped()).isPositive();
        assertThat(room.size()).isEqualTo(2);
        assertThat(room.members().stream().mapToLong(WebSocket::queuedBytes).max().orElseThrow())
                .isLessThanOrEqualTo(room.maxQueuedBytes());
    }

    @Test
    void aMemberInTheMiddleOfItsOwnFragmentedMessageIsSkippedAndCountedTheOthersReceive() throws Exception {
        CountDownLatch joined = new CountDownLatch(2);
        Broadcaster room = startRoom(new Broadcaster(), joined);
        TestHttp http = new TestHttp();
        toClose.add(http);
        JdkClient busy = JdkClient.connect(http.client, server.port(), "/room");
        toClose.add(busy);
        JdkClient other = JdkClient.connect(http.client, server.port(), "/room");
        toClose.add(other);
        assertThat(joined.await(10, TimeUnit.SECONDS)).isTrue();
        WebSocket first = room.members().stream().findAny().orElseThrow();
        assertThat(first.sendFragment(true, ByteBuffer.wrap("part".getBytes(StandardCharsets.UTF_8)), false))
                .isEqualTo(SendResult.QUEUED);

        assertThat(room.broadcast("news")).isEqualTo(1);
        assertThat(room.skipped()).isEqualTo(1);
        first.sendFragment(true, ByteBuffer.wrap("ial".getBytes(StandardCharsets.UTF_8)), true);
        room.broadcast("later");

        List<Object> a = List.of(busy.next(), busy.next());
        List<Object> b = List.of(other.next(), other.next());
        List<Object> fromFirst = a.contains("partial") ? a : b;
        List<Object> fromOther = fromFirst == a ? b : a;
        assertThat(fromFirst).containsExactly("partial", "later");
        assertThat(fromOther).containsExactly("news", "later");
    }

    @Test
    void membersThatDisconnectAbruptlyLeaveTheList() throws Exception {
        CountDownLatch joined = new CountDownLatch(10);
        Broadcaster room = startRoom(new Broadcaster(), joined);
        List<RawClient> clients = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clients.add(RawClient.open(server.port(), "/room"));
        }
        assertThat(joined.await(10, TimeUnit.SECONDS)).isTrue();
        for (RawClient c : clients) {
            c.reset();
        }
        assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(room.size()).isZero();
        assertThat(room.broadcast("anyone?")).isZero();
    }
}
