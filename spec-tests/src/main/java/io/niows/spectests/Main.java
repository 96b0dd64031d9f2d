package io.niows.spectests;

import io.niows.spectests.cases.CaseCatalog;
import io.niows.spectests.cases.FuzzCase;
import io.niows.spectests.cases.Verdict;
import io.niows.spectests.report.ExpectedResults;
import io.niows.spectests.report.ReportWriter;
import io.niows.spectests.run.CaseResult;
import io.niows.spectests.run.FuzzingClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * Entry point of {@code niows-spec-tests.jar}. Exit status: 0 when no case failed (or after
 * {@code --help}), 1 when a case failed or differs from {@code --expected}, 2 for bad arguments or
 * an unreachable target.
 * Runs on the main thread; not meant to be called concurrently.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a mode and returns the exit status. */
    public static int run(String[] args) {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(Options.USAGE);
            return 2;
        }
        if (o.help) {
            System.out.println(HelpText.of(o.mode));
            return 0;
        }
        try {
            return o.mode.equals("fuzzingclient") ? fuzzingClient(o) : FuzzingServerMode.run(o);
        } catch (IOException e) {
            System.err.println("error: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("interrupted");
            return 2;
        }
    }

    private static int fuzzingClient(Options o) throws IOException, InterruptedException {
        List<FuzzCase> cases = CaseCatalog.all(o.sizeScale, o.deflateMessages).select(o.cases, o.exclude);
        if (cases.isEmpty()) {
            System.err.println("error: no case matches --cases " + o.cases + " minus --exclude " + o.exclude);
            return 2;
        }
        Map<String, Verdict[]> expected = o.expected == null ? null : ExpectedResults.read(o.expected);
        String agent = o.agentOr(o.url.getHost() + ":" + o.url.getPort());
        FuzzingClient client = new FuzzingClient(o.url, agent, o.parallel, o.insecure);
        try {
            client.probe();
        } catch (IOException e) {
            System.err.println("error: target " + o.url + " is not reachable as a WebSocket server: " + e.getMessage());
            return 2;
        }
        System.out.println("running " + cases.size() + " cases against " + o.url + " as agent '" + agent + "'");
        List<CaseResult> results = client.run(cases, r -> System.out.println(Summary.line(r)));
        ReportWriter.write(o.out, agent, results);
        Summary.print(results, System.out);
        System.out.println("report: " + o.out.resolve("index.html"));
        if (o.writeExpected != null) {
            Files.writeString(o.writeExpected, ExpectedResults.format(results), StandardCharsets.UTF_8);
        }
        boolean failed = results.stream().anyMatch(CaseResult::failed);
        if (expected != null) {
            List<String> diff = ExpectedResults.diff(expected, results);
            diff.forEach(d -> System.out.println("DIFF " + d));
            System.out.println(diff.isEmpty() ? "matches " + o.expected : diff.size() + " difference(s) from " + o.expected);
            failed |= !diff.isEmpty();
        }
        return failed ? 1 : 0;
    }
}
