package io.niows.spectests.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.spectests.cases.CaseCatalog;
import io.niows.spectests.cases.FuzzCase;
import io.niows.spectests.cases.Verdict;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
