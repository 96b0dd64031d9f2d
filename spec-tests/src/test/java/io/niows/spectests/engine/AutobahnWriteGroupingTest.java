package io.niows.spectests.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.spectests.cases.CaseCatalog;
import io.niows.spectests.cases.CaseContext;
import io.niows.spectests.cases.FuzzCase;
import io.niows.spectests.run.CaseRunner;
import io.niows.spectests.wire.Frame;
import io.niows.spectests.wire.FrameFormatException;
import io.niows.spectests.wire.FrameReader;
import io.niows.spectests.wire.Opcode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fuzzer's frames reach TCP grouped into writes as Autobahn's do. Autobahn's Twisted
 * transport only buffers a write and sends the buffer when the reactor comes round, after the
 * timed calls that are due; sync frames and chops wait in Autobahn's send queue, which hands
 * one item to the transport at once and each further item one reactor turn later. So the frames
 * a callback sends plainly leave in one write; of queued items the first two leave together and
 * every later one alone. Case 3.3 depends on it: a server that echoes only after reading on sees
 * the bad second frame in the same read as the first, and fails before it echoes (NON-STRICT).
 */
@Timeout(30)
class AutobahnWriteGroupingTest {
    private static final Map<String, FuzzCase> CASES = CaseCatalog.all(1.0).byId();

    /** Reads whatever the fuzzer sends and fails the connection once it sees a ping. */
    private static FakeServerPeer failAtPing() {
        return new FakeServerPeer((f, s) -> {
            if (f.opcode() == Opcode.PING) {
                s.fail(1002);
            }
        });
    }

    private static List<List<Frame>> framesPerWrite(List<byte[]> writes) throws FrameFormatException {
        List<List<Frame>> out = new ArrayList<>();
        for (byte[] w : writes) {
            out.add(new FrameReader(1 << 20).feed(w, 0, w.length));
        }
        return out;
    }

    private static String describe(List<Frame> frames) {
        List<String> s = new ArrayList<>();
        for (Frame f : frames) {
            s.add("op" + f.opcode() + "/rsv" + f.rsv() + "/" + new String(f.payload(), StandardCharsets.UTF_8));
        }
        return String.join(" ", s);
    }

    private static List<String> describeWrites(List<byte[]> writes) throws FrameFormatException {
        List<String> out = new ArrayList<>();
        for (List<Frame> frames : framesPerWrite(writes)) {
            out.add(describe(frames));
        }
        return out;
    }

    @Test
    void syncFramesOfOneCallbackLeaveTheFirstTwoTogetherThenOneWriteEach() throws Exception {
        FakeServerPeer server = failAtPing();
        CaseRunner.run(CASES.get("3.3"), "fake", server, "", "");

        assertThat(describeWrites(server.writes()).subList(0, 2))
                .containsExactly("op1/rsv0/Hello, world! op1/rsv3/Hello, world!", "op9/rsv0/");
    }

    @Test
    void plainFramesOfOneCallbackLeaveInOneWrite() throws Exception {
        FakeServerPeer server = failAtPing();
        CaseRunner.run(CASES.get("3.2"), "fake", server, "", "");

        assertThat(describeWrites(server.writes()).get(0))
                .isEqualTo("op1/rsv0/Hello, world! op1/rsv2/Hello, world! op9/rsv0/");
    }

    @Test
    void octetChopsLeaveTwoOctetsFirstThenOneOctetPerWrite() throws Exception {
        FakeServerPeer server = failAtPing();
        CaseRunner.run(CASES.get("3.4"), "fake", server, "", "");

        List<byte[]> writes = server.writes();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<Integer> sizes = new ArrayList<>();
        for (byte[] w : writes) {
            sizes.add(w.length);
            all.writeBytes(w);
        }
        byte[] bytes = all.toByteArray();
        List<Frame> frames = new FrameReader(1 << 20).feed(bytes, 0, bytes.length);
        assertThat(describe(frames.subList(0, 3)))
                .isEqualTo("op1/rsv0/Hello, world! op1/rsv4/Hello, world! op9/rsv0/");
        int chopped = 2 * (2 + 4 + 13) + (2 + 4);
        assertThat(sizes.get(0)).isEqualTo(2);
        assertThat(sizes.subList(1, chopped - 1)).containsOnly(1);
    }

    @Test
    void aPlainFrameSentWhileQueuedItemsWaitIsQueuedBehindThem() throws Exception {
        FakeServerPeer server = new FakeServerPeer((f, s) -> {
            if ("D".equals(new String(f.payload(), StandardCharsets.UTF_8))) {
                s.fail(1002);
            }
        });
        FuzzSession session = new FuzzSession(server);
        CaseContext c = new CaseContext(session);
        for (String p : List.of("A", "B", "C")) {
            c.send(OutFrame.of(Opcode.TEXT).payload(p).sync());
        }
        c.send(OutFrame.of(Opcode.TEXT).payload("D"));
        session.run(System.nanoTime() + 10_000_000_000L);

        assertThat(describeWrites(server.writes()).subList(0, 3))
                .containsExactly("op1/rsv0/A op1/rsv0/B", "op1/rsv0/C", "op1/rsv0/D");
    }
}
