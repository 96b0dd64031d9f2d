package io.niows.spectests.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.spectests.cases.CaseCatalog;
import io.niows.spectests.cases.FuzzCase;
import io.niows.spectests.cases.Verdict;
import io.niows.spectests.run.CaseResult;
import io.niows.spectests.run.CaseRunner;
import io.niows.spectests.wire.Frame;
import io.niows.spectests.wire.Opcode;
import io.niows.spectests.wire.Utf8Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Case 6.4.x judged against fake servers that fail fast, fail late, or echo anyway. */
@Timeout(30)
class FailFastJudgingTest {
    private static final Map<String, FuzzCase> CASES = CaseCatalog.all(1.0).byId();

    /** Validates each frame as it arrives, as a fail-fast server does. */
    private static FakeServerPeer.Behaviour failFast() {
        Utf8Validator v = new Utf8Validator();
        return (f, s) -> {
            if (f.opcode() == Opcode.TEXT || f.opcode() == Opcode.CONTINUATION) {
                if (!v.feed(f.payload())) {
                    s.fail(1007);
                }
            }
        };
    }

    /** Buffers the message and validates it only at the end. */
    private static FakeServerPeer.Behaviour failLate() {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        return (f, s) -> {
            if (f.opcode() == Opcode.TEXT || f.opcode() == Opcode.CONTINUATION) {
                buf.writeBytes(f.payload());
                if (f.fin() && !Utf8Validator.isValid(buf.toByteArray())) {
                    s.fail(1007);
                }
            }
        };
    }

    /** Never validates: echoes the message, answers close. */
    private static FakeServerPeer.Behaviour echoAnything() {
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        return (Frame f, FakeServerPeer s) -> {
            if (f.opcode() == Opcode.TEXT || f.opcode() == Opcode.CONTINUATION) {
                buf.writeBytes(f.payload());
                if (f.fin()) {
                    s.reply(Opcode.TEXT, buf.toByteArray());
                }
            } else if (f.opcode() == Opcode.CLOSE) {
                s.reply(Opcode.CLOSE, f.payload());
                s.closeTcp();
            }
        };
    }

    private static CaseResult run(String id, FakeServerPeer.Behaviour b) throws InterruptedException {
        return CaseRunner.run(CASES.get(id), "fake", new FakeServerPeer(b), "", "");
    }

    @Test
    void failingAtTheInvalidFrameIsOk() throws InterruptedException {
        CaseResult r = run("6.4.1", failFast());
        assertThat(r.behavior()).isEqualTo(Verdict.OK);
        assertThat(r.behaviorClose()).isEqualTo(Verdict.OK);
        assertThat(r.remoteCloseCode()).isEqualTo(1007);
    }

    @Test
    void failingOnlyAtTheEndOfTheMessageIsNonStrict() throws InterruptedException {
        CaseResult r = run("6.4.2", failLate());
        assertThat(r.behavior()).isEqualTo(Verdict.NON_STRICT);
        assertThat(r.behaviorClose()).isEqualTo(Verdict.OK);
    }

    @Test
    void notValidatingAtAllFails() throws InterruptedException {
        CaseResult r = run("6.3.1", echoAnything());
        assertThat(r.behavior()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void validTextIsEchoedAndClosedCleanly() throws InterruptedException {
        CaseResult r = run("6.2.4", echoAnything());
        assertThat(r.behavior()).isEqualTo(Verdict.OK);
        assertThat(r.behaviorClose()).isEqualTo(Verdict.OK);
        assertThat(r.facts().closedByMe()).isTrue();
    }

    @Test
    void chopsOfOneFrameAreEndedByAnEmptyFinalContinuationAsAutobahnsStreamingApiDoes() throws InterruptedException {
        List<String> frames = new ArrayList<>();
        run("6.4.3", (f, s) -> {
            frames.add("op" + f.opcode() + (f.fin() ? "/fin/" : "/more/") + f.payload().length);
            if (f.opcode() == Opcode.CLOSE) {
                s.reply(Opcode.CLOSE, f.payload());
                s.closeTcp();
            }
        });
        assertThat(frames).containsExactly("op1/more/21", "op0/fin/0", "op8/fin/2");
    }
}
