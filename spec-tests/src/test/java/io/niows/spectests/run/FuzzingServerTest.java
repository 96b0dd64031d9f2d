package io.niows.spectests.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niows.spectests.cases.CaseCatalog;
import io.niows.spectests.cases.FuzzCase;
import io.niows.spectests.cases.Verdict;
import io.niows.spectests.wire.ClientHandshake;
import io.niows.spectests.wire.Frame;
import io.niows.spectests.wire.FrameReader;
import io.niows.spectests.wire.FrameWriter;
import io.niows.spectests.wire.Opcode;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.net.Socket;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The fuzzing server plays the catalogue against a scripted echo client, Autobahn's way. */
@Timeout(60)
class FuzzingServerTest {

    @Test
    void scriptedEchoClientPassesFramingPingAndReservedCasesInServerMode(@TempDir Path out) throws Exception {
        List<FuzzCase> cases = CaseCatalog.all(1.0).select(List.of("1.*", "2.*", "3.*", "4.*", "5.*", "7.7.*"),
                List.of());
        try (FuzzingServer server = new FuzzingServer(0, true, cases, out, r -> { })) {
            String base = "ws://127.0.0.1:" + server.port();
            int count = Integer.parseInt(ScriptedEchoClient.run(URI.create(base + "/getCaseCount")));
            assertThat(count).isEqualTo(cases.size());
            for (int i = 1; i <= count; i++) {
                ScriptedEchoClient.run(URI.create(base + "/runCase?case=" + i + "&agent=scripted"));
            }
            ScriptedEchoClient.run(URI.create(base + "/updateReports?agent=scripted"));

            List<CaseResult> results = server.results().get("scripted");
            assertThat(results).hasSize(count);
            assertThat(results).allSatisfy(r -> {
                assertThat(r.behavior()).as(r.id() + " " + r.result()).isIn(Verdict.OK, Verdict.NON_STRICT);
                assertThat(r.behaviorClose()).as(r.id() + " " + r.resultClose()).isEqualTo(Verdict.OK);
                assertThat(r.facts().role()).isEqualTo(io.niows.spectests.peer.Role.SERVER);
            });
            assertThat(Files.exists(out.resolve("scripted").resolve("index.json"))).isTrue();
        }
    }

    /**
     * A case is judged after its connection closes, so a client may ask for the report before
     * its last result exists; the report must wait for it instead of leaving the case out. Only
     * the close waits: the opening handshake is answered at once, or the client would time out.
     */
    @Test
    void updateReportsWaitsForTheAgentsRunningCase(@TempDir Path out) throws Exception {
        List<FuzzCase> cases = CaseCatalog.all(1.0).select(List.of("6.4.1"), List.of());
        ExecutorService updater = Executors.newSingleThreadExecutor();
        try (FuzzingServer server = new FuzzingServer(0, true, cases, out, r -> { });
                Socket silent = new Socket("127.0.0.1", server.port())) {
            String base = "ws://127.0.0.1:" + server.port();
            new ClientHandshake().perform(URI.create(base + "/runCase?case=1&agent=late"), "silent",
                    new BufferedInputStream(silent.getInputStream()), silent.getOutputStream());
            Future<String> update = updater.submit(
                    () -> ScriptedEchoClient.run(URI.create(base + "/updateReports?agent=late")));

            assertThatThrownBy(() -> update.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
            try (Socket early = new Socket("127.0.0.1", server.port())) {
                early.setSoTimeout(1000);
                new ClientHandshake().perform(URI.create(base + "/updateReports?agent=late"), "early",
                        new BufferedInputStream(early.getInputStream()), early.getOutputStream());
            }
            silent.close();
            update.get(10, TimeUnit.SECONDS);

            assertThat(out.resolve("late").resolve("index.json")).content().contains("\"6.4.1\"");
        } finally {
            updater.shutdownNow();
        }
    }

    /**
     * Autobahn's fuzzing server runs the case's onOpen in the callback that wrote the 101
     * response, and its transport sends the response with the case's first frames (for the
     * sync frames of 3.3, the first two) in one TCP write; a client that reads the handshake
     * must find those frames after it in the same read.
     */
    @Test
    void handshakeResponseLeavesInOneWriteWithTheFirstFramesOfTheCase(@TempDir Path out) throws Exception {
        List<FuzzCase> cases = CaseCatalog.all(1.0).select(List.of("3.3"), List.of());
        try (FuzzingServer server = new FuzzingServer(0, true, cases, out, r -> { });
                Socket client = new Socket("127.0.0.1", server.port())) {
            client.setSoTimeout(10_000);
            String request = "GET /runCase?case=1&agent=raw HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n";
            client.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = client.getInputStream();
            byte[] buf = new byte[65536];
            int n = in.read(buf);

            String text = new String(buf, 0, n, StandardCharsets.ISO_8859_1);
            int body = text.indexOf("\r\n\r\n") + 4;
            assertThat(text).startsWith("HTTP/1.1 101");
            assertThat(body).isGreaterThan(3);
            List<Frame> frames = new FrameReader(1 << 20).feed(Arrays.copyOfRange(buf, body, n), 0, n - body);
            assertThat(frames).hasSizeGreaterThanOrEqualTo(2);
            assertThat(frames.get(0).opcode()).isEqualTo(Opcode.TEXT);
            assertThat(frames.get(0).rsv()).isZero();
            assertThat(frames.get(1).opcode()).isEqualTo(Opcode.TEXT);
            assertThat(frames.get(1).rsv()).isEqualTo(3);
        }
    }

    /**
     * When the client starts the closing handshake, the server answers with its close frame and
     * closes TCP at once; the answer must leave first (Autobahn's server drops the connection
     * with {@code loseConnection}, which writes what is buffered before closing).
     */
    @Test
    void closeReplyReachesAClientThatClosedFirst(@TempDir Path out) throws Exception {
        List<FuzzCase> cases = CaseCatalog.all(1.0).select(List.of("1.1.1"), List.of());
        try (FuzzingServer server = new FuzzingServer(0, true, cases, out, r -> { });
                Socket client = new Socket("127.0.0.1", server.port())) {
            client.setSoTimeout(10_000);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream o = client.getOutputStream();
            URI url = URI.create("ws://127.0.0.1:" + server.port() + "/runCase?case=1&agent=closer");
            new ClientHandshake().perform(url, "closer", in, o);
            o.write(FrameWriter.encode(true, 0, Opcode.CLOSE, new byte[] {0x03, (byte) 0xE8}, new byte[] {1, 2, 3, 4}));
            o.flush();

            FrameReader reader = new FrameReader(1 << 20);
            List<Integer> opcodes = new ArrayList<>();
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) >= 0) {
                for (Frame f : reader.feed(buf, 0, n)) {
                    opcodes.add(f.opcode());
                }
            }
            assertThat(opcodes).endsWith(Opcode.CLOSE);
        }
    }
    /** A case of group 13 answers the client's offers with its own rule (13.3: client_max_window_bits=8). */
    @Test
    void answersTheOffersAsTheCaseRuleSays(@TempDir Path out) throws Exception {
        List<FuzzCase> cases = CaseCatalog.all(1.0, 1).select(List.of("13.3.1"), List.of());
        String head;
        try (FuzzingServer server = new FuzzingServer(0, true, cases, out, r -> { })) {
            head = rawHandshake(server.port(), "permessage-deflate; client_max_window_bits");
        }
        assertThat(head).startsWith("HTTP/1.1 101")
                .contains("\r\nSec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=8\r\n");
    }

    /** As Autobahn's fuzzing server, a malformed offer fails the opening handshake, and the case is recorded. */
    @Test
    void refusesAMalformedOfferWith400AndRecordsTheCase(@TempDir Path out) throws Exception {
        List<FuzzCase> cases = CaseCatalog.all(1.0, 1).select(List.of("12.1.1"), List.of());
        List<CaseResult> results = new ArrayList<>();
        try (FuzzingServer server = new FuzzingServer(0, true, cases, out, results::add)) {
            String head = rawHandshake(server.port(), "permessage-deflate; server_max_window_bits=16");
            assertThat(head).startsWith("HTTP/1.1 400");
        }
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.behavior()).isEqualTo(Verdict.FAILED);
            assertThat(r.result()).contains("malformed");
        });
    }

    /** Sends an upgrade for case 1 with this offer and returns the response head. */
    private static String rawHandshake(int port, String offer) throws Exception {
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(10_000);
            String request = "GET /runCase?case=1&agent=raw HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Extensions: " + offer + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
            client.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return ClientHandshake.readHead(new BufferedInputStream(client.getInputStream()));
        }
    }
}
