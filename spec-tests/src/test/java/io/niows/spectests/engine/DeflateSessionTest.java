package io.niows.spectests.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.spectests.cases.CaseCatalog;
import io.niows.spectests.cases.FuzzCase;
import io.niows.spectests.cases.Verdict;
import io.niows.spectests.deflate.DeflateParams;
import io.niows.spectests.deflate.MessageDeflater;
import io.niows.spectests.deflate.MessageInflater;
import io.niows.spectests.run.CaseResult;
import io.niows.spectests.run.CaseRunner;
import io.niows.spectests.wire.Frame;
import io.niows.spectests.wire.Opcode;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Groups 12 and 13 against fake servers: a correct deflate echo, and servers that break RFC 7692. */
@Timeout(60)
class DeflateSessionTest {
    private static final Map<String, FuzzCase> CASES = CaseCatalog.all(1.0, 20).byId();
    private static final DeflateParams DEFAULT = new DeflateParams(true, 15, false, 15, "permessage-deflate");

    /** Inflates what the fuzzer sends and echoes it compressed; records the frames it got. */
    private static final class DeflateEcho implements FakeServerPeer.Behaviour, AutoCloseable {
        final List<Frame> received = new ArrayList<>();
        private final MessageInflater inflater;
        private final MessageDeflater deflater;
        private final ByteArrayOutputStream message = new ByteArrayOutputStream();
        private int opcode;
        private boolean compressed;

        DeflateEcho(DeflateParams fuzzer) {
            inflater = new MessageInflater(fuzzer.localNoContextTakeover(), fuzzer.localMaxWindowBits(), 1 << 24);
            deflater = new MessageDeflater(fuzzer.peerNoContextTakeover(), fuzzer.peerMaxWindowBits());
        }

        @Override
        public void onFrame(Frame f, FakeServerPeer server) {
            received.add(f);
            try {
                if (f.opcode() == Opcode.CLOSE) {
                    server.reply(Opcode.CLOSE, f.payload());
                    server.closeTcp();
                    return;
                }
                if (f.opcode() != Opcode.CONTINUATION) {
                    opcode = f.opcode();
                    compressed = f.rsv() == 4;
                    message.reset();
                    inflater.startMessage();
                }
                message.writeBytes(compressed ? inflater.inflate(f.payload(), f.fin()) : f.payload());
                if (f.fin()) {
                    server.reply(new Frame(true, 4, opcode, null, deflater.compress(message.toByteArray())));
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void close() {
            inflater.close();
            deflater.close();
        }
    }

    @Test
    void aCorrectDeflateEchoPassesAndTheRatiosAreKept() throws InterruptedException {
        CaseResult r;
        List<Frame> received;
        try (DeflateEcho echo = new DeflateEcho(DEFAULT)) {
            r = CaseRunner.run(CASES.get("12.1.11"), "fake", new FakeServerPeer(echo), "", "", DEFAULT);
            received = echo.received;
        }
        assertThat(r.behavior()).as(r.result()).isEqualTo(Verdict.OK);
        assertThat(r.behaviorClose()).isEqualTo(Verdict.OK);
        assertThat((Double) r.trafficStats().get("outgoingCompressionRatio")).isBetween(0.05, 0.9);
        assertThat((Double) r.trafficStats().get("incomingCompressionRatio")).isBetween(0.05, 0.9);
        assertThat(r.trafficStats().get("outgoingWebSocketMessages")).isEqualTo(20L);
        List<Frame> data = received.stream().filter(f -> f.opcode() != Opcode.CLOSE).toList();
        assertThat(data).allMatch(f -> f.rsv() == (f.opcode() == Opcode.CONTINUATION ? 0 : 4));
        assertThat(data).filteredOn(f -> f.opcode() == Opcode.CONTINUATION).isNotEmpty()
                .allMatch(f -> f.payload().length <= 256);
    }

    @Test
    void aSmallAgreedWindowStillPasses() throws InterruptedException {
        DeflateParams p = new DeflateParams(true, 8, true, 8, "permessage-deflate");
        try (DeflateEcho echo = new DeflateEcho(p)) {
            CaseResult r = CaseRunner.run(CASES.get("13.5.10"), "fake", new FakeServerPeer(echo), "", "", p);
            assertThat(r.behavior()).as(r.result()).isEqualTo(Verdict.OK);
        }
    }

    @Test
    void withoutTheExtensionTheCaseIsUnimplemented() throws InterruptedException {
        try (DeflateEcho echo = new DeflateEcho(DEFAULT)) {
            CaseResult r = CaseRunner.run(CASES.get("12.1.1"), "fake", new FakeServerPeer(echo), "", "");
            assertThat(r.behavior()).isEqualTo(Verdict.UNIMPLEMENTED);
            assertThat(r.behaviorClose()).isEqualTo(Verdict.OK);
        }
    }

    @Test
    void rsv1OnAContinuationFrameIsAProtocolError() throws InterruptedException {
        CaseResult r = runAgainst((f, s) -> {
            if (f.opcode() == Opcode.TEXT) {
                byte[] z = compress(DEFAULT, "Hello");
                s.reply(new Frame(false, 4, Opcode.TEXT, null, Arrays.copyOf(z, 2)));
                s.reply(new Frame(true, 4, Opcode.CONTINUATION, null, Arrays.copyOfRange(z, 2, z.length)));
            }
        });
        assertThat(r.facts().localCloseCode()).isEqualTo(1002);
        assertThat(r.behavior()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void rsv1OnAControlFrameIsAProtocolError() throws InterruptedException {
        CaseResult r = runAgainst((f, s) -> s.reply(new Frame(true, 4, Opcode.PING, null, new byte[0])));
        assertThat(r.facts().localCloseCode()).isEqualTo(1002);
    }

    @Test
    void rsv2IsAProtocolErrorEvenWithDeflate() throws InterruptedException {
        CaseResult r = runAgainst((f, s) -> s.reply(new Frame(true, 6, Opcode.TEXT, null, compress(DEFAULT, "x"))));
        assertThat(r.facts().localCloseCode()).isEqualTo(1002);
    }

    @Test
    void dataThatDoesNotInflateFailsTheConnectionWith1007() throws InterruptedException {
        CaseResult r = runAgainst((f, s) -> s.reply(new Frame(true, 4, Opcode.TEXT, null, new byte[] {(byte) 0xff, 1, 2})));
        assertThat(r.facts().localCloseCode()).isEqualTo(1007);
        assertThat(r.behavior()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void anUncompressedMessageIsAcceptedUnderDeflate() throws InterruptedException {
        try (MessageInflater in = new MessageInflater(true, 15, 1 << 20)) {
            CaseResult r = runAgainst((f, s) -> {
                if (f.opcode() == Opcode.CLOSE) {
                    s.reply(Opcode.CLOSE, f.payload());
                    s.closeTcp();
                    return;
                }
                try {
                    in.startMessage();
                    s.reply(new Frame(true, 0, f.opcode(), null, in.inflate(f.payload(), true)));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(r.behavior()).as(r.result()).isEqualTo(Verdict.OK);
            assertThat((Double) r.trafficStats().get("incomingCompressionRatio")).isEqualTo(1.0);
        }
    }

    private static CaseResult runAgainst(FakeServerPeer.Behaviour b) throws InterruptedException {
        return CaseRunner.run(CASES.get("12.1.1"), "fake", new FakeServerPeer(b), "", "", DEFAULT);
    }

    private static byte[] compress(DeflateParams p, String text) {
        try (MessageDeflater d = new MessageDeflater(p.peerNoContextTakeover(), p.peerMaxWindowBits())) {
            return d.compress(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
