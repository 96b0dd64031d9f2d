package io.niows.spectests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code --help} explains each mode and every option the short usage names, and runs nothing. */
class HelpTest {

    @Test
    void helpAloneDescribesBothModesAndExitsZero() {
        Printed p = run("--help");
        assertThat(p.status).isZero();
        assertThat(p.err).isEmpty();
        assertThat(p.out)
                .contains("usage: java -jar niows-spec-tests.jar fuzzingclient --url ws[s]://HOST:PORT/PATH [options]")
                .contains("usage: java -jar niows-spec-tests.jar fuzzingserver [options]")
                .contains("  --parallel N           cases run at once, 1-64 (default: 4)")
                .contains("  --port N               listening port, 0 for any free one (default: 9003)")
                .contains("exit status: 0 no case failed");
        assertThat(run("-h").out).isEqualTo(p.out);
    }

    @Test
    void helpAfterAModeDescribesThatModeOnly() {
        Printed client = run("fuzzingclient", "--url", "ws://127.0.0.1:1/", "--help");
        assertThat(client.status).isZero();
        assertThat(client.out).contains("fuzzingclient --url").contains("--write-expected FILE")
                .doesNotContain("fuzzingserver");
        Printed server = run("fuzzingserver", "-h");
        assertThat(server.out).contains("fuzzingserver [options]").contains("--port N").doesNotContain("fuzzingclient");
    }

    @Test
    void theHelpOfEachModeExplainsEveryOptionItsUsageLineNames() {
        String synopsis = Options.USAGE.substring(0, Options.USAGE.indexOf("\nexit status"));
        String[] usage = synopsis.split("\n {7}java -jar niows-spec-tests.jar ");
        assertThat(usage).hasSize(2);
        assertEveryOptionExplained(usage[0], HelpText.of("fuzzingclient"));
        assertEveryOptionExplained(usage[1], HelpText.of("fuzzingserver"));
    }

    @Test
    void aBadArgumentStillPrintsTheShortUsageWithStatusTwo() {
        Printed p = run("fuzzingclient", "--url", "http://x/");
        assertThat(p.status).isEqualTo(2);
        assertThat(p.out).isEmpty();
        assertThat(p.err).startsWith("error: --url must be ws://").contains(Options.USAGE).doesNotContain("\tat ");
    }

    private static void assertEveryOptionExplained(String usage, String help) {
        Matcher m = Pattern.compile("--[a-z-]+").matcher(usage);
        int options = 0;
        while (m.find()) {
            // an option with a value names it (--port N); a flag (--insecure) is followed by its text
            assertThat(help).containsPattern("(?m)^  " + Pattern.quote(m.group()) + "( [A-Z]| {2})");
            options++;
        }
        assertThat(options).isGreaterThanOrEqualTo(5);
    }

    private record Printed(int status, String out, String err) {
    }

    private static Printed run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            status = Main.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Printed(status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }
}
