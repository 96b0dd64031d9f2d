package io.niows.internal.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The handshake layer must stay sans-I/O (DESIGN.md: the protocol layers "never import
 * java.nio.channels, java.net, threads or clocks"). A stand-in until the project-wide
 * architecture test exists.
 */
class HandshakeIsSansIoTest {

    private static final Path SOURCES = Path.of("src/main/java/io/niows/internal/handshake");
    private static final List<String> FORBIDDEN = List.of("java.nio.channels", "java.net", "Thread",
            "Executor", "System.currentTimeMillis", "System.nanoTime", "java.time", "java.io");

    @Test
    void handshakeSourcesUseNoSocketsThreadsOrClocks() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(SOURCES)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList());
        }
        assertThat(sources).hasSizeGreaterThan(10);
        for (Path source : sources) {
            String text = Files.readString(source);
            for (String forbidden : FORBIDDEN) {
                assertThat(text).as("%s uses %s", source.getFileName(), forbidden).doesNotContain(forbidden);
            }
        }
    }
}
