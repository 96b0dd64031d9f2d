package io.niows.spectests;

/**
 * What {@code --help} prints: for each mode, what it does and every option with its default.
 * {@link Options#USAGE} is the short form printed after an argument error. Stateless.
 */
final class HelpText {
    private static final String INTRO = String.join("\n",
            "niows-spec-tests: the Autobahn TestSuite's case catalogue, played as a fuzzing client",
            "that tests a server or as a fuzzing server that tests a client.");

    private static final String CLIENT = String.join("\n",
            "usage: java -jar niows-spec-tests.jar fuzzingclient --url ws[s]://HOST:PORT/PATH [options]",
            "  Plays each selected case against the server at --url, one connection per case; prints a",
            "  line per case as it ends and a table by group and verdict; writes the report to --out.",
            "  --url URL              the server under test, ws:// or wss:// (required); wss:// checks the",
            "                         server's certificate and host name against the JDK's trust store",
            "  --insecure             for wss://: accept any certificate for any name (self-signed test servers)",
            "  --out DIR              report folder: index.json, index.html, a page per case (default: reports)",
            "  --cases LIST           case ids or patterns, comma-separated; * matches any text (default: *)",
            "  --exclude LIST         cases left out, same form (default: none)",
            "  --agent NAME           the name the report gives the server (default: HOST:PORT)",
            "  --parallel N           cases run at once, 1-64 (default: 4); group 9 and the timing-",
            "                         sensitive cases always run alone, after the others",
            "  --size-scale F         multiplies every group 9 message size, 0 < F <= 1 (default: 1)",
            "  --deflate-messages N   messages each case of groups 12-13 sends, 1-1000 (default: 1000)",
            "  --expected FILE        compares the verdicts with FILE; a difference is printed as DIFF",
            "  --write-expected FILE  writes this run's verdicts to FILE in the --expected format");

    private static final String SERVER = String.join("\n",
            "usage: java -jar niows-spec-tests.jar fuzzingserver [options]",
            "  Listens on 127.0.0.1 for the client under test, with Autobahn's URLs: /getCaseCount,",
            "  /runCase?case=N&agent=A (N from 1), /updateReports?agent=A (writes DIR/<agent>/);",
            "  prints a line per case as it ends; runs until stopped.",
            "  --port N               listening port, 0 for any free one (default: 9003)",
            "  --out DIR              report folder, one sub-folder per agent (default: reports)",
            "  --cases LIST           case ids or patterns, comma-separated; * matches any text (default: *)",
            "  --exclude LIST         cases left out (default: none)",
            "  --size-scale F         multiplies every group 9 message size, 0 < F <= 1 (default: 1)",
            "  --deflate-messages N   messages each case of groups 12-13 sends, 1-1000 (default: 1000)");

    private static final String END = String.join("\n",
            "--help, -h prints this text (after a mode, that mode's part only).",
            "exit status: 0 no case failed; 1 a case failed (behavior FAILED, close FAILED or UNCLEAN)",
            "or differs from --expected; 2 bad arguments, or the target is not a WebSocket server.");

    private HelpText() {
    }

    /** The help of {@code mode}, or of both modes when {@code mode} is null. */
    static String of(String mode) {
        if ("fuzzingclient".equals(mode)) {
            return String.join("\n\n", CLIENT, END);
        }
        if ("fuzzingserver".equals(mode)) {
            return String.join("\n\n", SERVER, END);
        }
        return String.join("\n\n", INTRO, CLIENT, SERVER, END);
    }
}
