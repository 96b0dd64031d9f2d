package io.niows.spectests.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.spectests.cases.CaseCatalog;
import io.niows.spectests.cases.Verdict;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fuzzing client against raw servers written in the test, over loopback sockets. */
@Timeout(30)
class FuzzingClientTest {

    /**
     * Autobahn's case 3.3 sends its three frames with sync; its send queue hands the first two
     * to the transport in the same reactor turn, so they leave in one TCP write. A server that
     * echoes only after reading on (Python websockets) then meets the bad frame before it echoes
     * the first, and Autobahn rates it NON-STRICT (12 of 12 runs against websockets 10.4).
     */
    @Test
    void case33ReachesAServerThatEchoesAfterReadingOnAsAutobahnsDoesAndIsNonStrict() throws Exception {
        try (ReadThenEchoServer server = new ReadThenEchoServer()) {
            FuzzingClient client = new FuzzingClient(URI.create("ws://127.0.0.1:" + server.port() + "/"), "rte", 1);
            CaseResult r = client.runOne(CaseCatalog.all(1.0).byId().get("3.3"));

            assertThat(r.behavior()).as(r.result()).isEqualTo(Verdict.NON_STRICT);
            assertThat(r.behaviorClose()).as(r.resultClose()).isEqualTo(Verdict.OK);
            assertThat(r.remoteCloseCode()).isEqualTo(1002);
        }
    }

    /** Case 3.2 sends plainly: all three frames in one write, so the same server is NON-STRICT too. */
    @Test
    void case32IsNonStrictAgainstTheSameServer() throws Exception {
        try (ReadThenEchoServer server = new ReadThenEchoServer()) {
            FuzzingClient client = new FuzzingClient(URI.create("ws://127.0.0.1:" + server.port() + "/"), "rte", 1);
            CaseResult r = client.runOne(CaseCatalog.all(1.0).byId().get("3.2"));

            assertThat(r.behavior()).as(r.result()).isEqualTo(Verdict.NON_STRICT);
            assertThat(r.remoteCloseCode()).isEqualTo(1002);
        }
    }
}
