package io.niows.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Architecture rule from DESIGN.md: the protocol layers never touch sockets, networking or
 * threads, so they stay testable byte by byte. Fails the build if a source file in {@code
 * io.niows.protocol}, {@code io.niows.internal.frame} or {@code io.niows.internal.handshake}
 * mentions {@code java.nio.channels}, {@code java.net} or {@code Thread}.
 */
class ProtocolLayersAreSansIoTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final List<String> REQUIRED = List.of("io/niows/protocol", "io/niows/internal/frame");
    /** Written in parallel on another branch: checked once it exists. */
    private static final List<String> OPTIONAL = List.of("io/niows/internal/handshake");
    /** Block and line comments, replaced by blank text of the same line count before scanning. */
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\n]*", Pattern.DOTALL);
    private static final Pattern FORBIDDEN = Pattern.compile("\\bjava\\.nio\\.channels\\b|\\bjava\\.net\\b|\\bThread\\b");

    @Test
    void protocolPackagesImportNoChannelsNoNetworkingAndNoThreads() throws IOException {
        List<Path> packages = new ArrayList<>();
        for (String p : REQUIRED) {
            assertThat(SOURCES.resolve(p)).as("required package folder").isDirectory();
            packages.add(SOURCES.resolve(p));
        }
        OPTIONAL.stream().map(SOURCES::resolve).filter(Files::isDirectory).forEach(packages::add);
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (Path dir : packages) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
                    files++;
                    violations.addAll(violationsIn(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
        assertThat(files).as("source files scanned").isPositive();
        assertThat(violations).isEmpty();
    }

    @Test
    void theRuleCatchesImportsQualifiedNamesAndThreadButNotCommentsOrLookalikes() {
        assertThat(violationsIn("A", "import java.nio.channels.SocketChannel;")).hasSize(1);
        assertThat(violationsIn("A", "import java.net.Socket;")).hasSize(1);
        assertThat(violationsIn("A", "var s = new java.net.ServerSocket();")).hasSize(1);
        assertThat(violationsIn("A", "Thread.sleep(1);")).hasSize(1);
        assertThat(violationsIn("A", "import java.nio.ByteBuffer; // Thread-safe, see java.net")).isEmpty();
        assertThat(violationsIn("A", "/** Thread-safe.\n * java.nio.channels */ class A {}")).isEmpty();
        assertThat(violationsIn("A", "ThreadLocal<String> t; MyThreadPool p;")).isEmpty();
    }

    private static List<String> violationsIn(String file, String source) {
        List<String> found = new ArrayList<>();
        String code = COMMENT.matcher(source).replaceAll(c -> c.group().replaceAll("[^\n]", " "));
        String[] lines = code.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = FORBIDDEN.matcher(lines[i]);
            if (m.find()) {
                found.add(file + ":" + (i + 1) + ": " + m.group() + " in: " + lines[i].strip());
            }
        }
        return found;
    }
}
