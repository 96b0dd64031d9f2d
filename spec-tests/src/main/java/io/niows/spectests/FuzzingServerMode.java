package io.niows.spectests;

/** The fuzzing-server mode; not implemented yet. */
final class FuzzingServerMode {
    private FuzzingServerMode() {
    }

    static int run(Options o) {
        System.err.println("error: fuzzingserver mode is not implemented yet");
        return 2;
    }
}
