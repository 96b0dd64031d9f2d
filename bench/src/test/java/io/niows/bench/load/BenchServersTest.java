package io.niows.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.niows.bench.servers.ServerMain;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every server of the comparison, started as the comparison starts it (its own JVM on a loopback
 * port), answers the load tool's echo on {@code /} and broadcast on {@code /broadcast} without an
 * error or a lost message: a misconfigured peer would make every figure of the comparison wrong.
 * Those that speak permessage-deflate do the same with it agreed (a server that declined it would
 * fail every connection of the round).
 */
class BenchServersTest {

    private static final List<String> JVM_FLAGS = List.of("-Xms64m", "-Xmx128m", "-XX:+UseSerialGC");

    @TempDir
    Path logs;

    /** Every id the comparison accepts in {@code --servers}. */
    static List<String> servers() {
        return ServerMain.SERVERS;
    }

    /** Every id the comparison accepts in {@code --servers} with {@code --deflate}. */
    static List<String> deflateServers() {
        return ServerMain.DEFLATE_SERVERS;
    }

    @ParameterizedTest
    @MethodSource("servers")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void echoesAndBroadcastsWithoutLoss(String name) throws Exception {
        try (ServerProcess server = ServerProcess.start(name, JVM_FLAGS, 1, "", logs.resolve(name + ".log"))) {
            RoundResult echo = new LoadRound(new Workload("echo", Workload.Kind.ECHO, 8, 300, 2), server, 1)
                    .throughput(1, 200, 400);
            assertThat(echo.connections()).isEqualTo(8);
            assertThat(echo.failed() + echo.errors()).isZero();
            assertThat(echo.messagesPerSecond()).isPositive();
            assertThat(echo.bytesPerSecond()).isEqualTo(echo.messagesPerSecond() * 300, within(1.0));

            RoundResult broadcast = new LoadRound(new Workload("broadcast", Workload.Kind.BROADCAST, 20, 16, 1), server, 1)
                    .throughput(1, 200, 400);
            assertThat(broadcast.connections()).isEqualTo(21);
            assertThat(broadcast.failed() + broadcast.errors()).isZero();
            assertThat(broadcast.messagesPerSecond()).isPositive();
            assertThat(broadcast.lost()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("deflateServers")
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void echoesAndBroadcastsCompressedTextWithoutLoss(String name) throws Exception {
        try (ServerProcess server = ServerProcess.start(name, JVM_FLAGS, 1, "", logs.resolve(name + ".log"))) {
            RoundResult echo = new LoadRound(new Workload("echo", Workload.Kind.ECHO, 8, 300, 2), server, 1, true)
                    .throughput(1, 200, 400);
            assertThat(echo.connections()).isEqualTo(8);
            assertThat(echo.failed() + echo.errors() + echo.stalled()).isZero();
            assertThat(echo.messagesPerSecond()).isPositive();
            assertThat(echo.bytesPerSecond()).isEqualTo(echo.messagesPerSecond() * 300, within(1.0));

            RoundResult broadcast = new LoadRound(new Workload("broadcast", Workload.Kind.BROADCAST, 20, 200, 1), server, 1,
                    true).throughput(1, 200, 400);
            assertThat(broadcast.connections()).isEqualTo(21);
            assertThat(broadcast.failed() + broadcast.errors()).isZero();
            assertThat(broadcast.messagesPerSecond()).isPositive();
            assertThat(broadcast.lost()).isZero();
        }
    }
}
