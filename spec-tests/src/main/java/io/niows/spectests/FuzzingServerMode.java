package io.niows.spectests;

import io.niows.spectests.cases.CaseCatalog;
import io.niows.spectests.cases.FuzzCase;
import io.niows.spectests.run.FuzzingServer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code fuzzingserver} mode: listens on 127.0.0.1 (Autobahn's URLs {@code /getCaseCount},
 * {@code /runCase?case=N&agent=A}, {@code /updateReports?agent=A}) until the process is stopped.
 * Runs on the main thread, which only waits.
 */
final class FuzzingServerMode {
    private FuzzingServerMode() {
    }

    static int run(Options o) throws IOException, InterruptedException {
        List<FuzzCase> cases = CaseCatalog.all(o.sizeScale, o.deflateMessages).select(o.cases, o.exclude);
        if (cases.isEmpty()) {
            System.err.println("error: no case matches --cases " + o.cases + " minus --exclude " + o.exclude);
            return 2;
        }
        FuzzingServer server = new FuzzingServer(o.port, true, cases, o.out, r -> {
            synchronized (System.out) {
                System.out.println(r.agent() + " " + Summary.line(r));
            }
        });
        System.out.println("fuzzing server on ws://127.0.0.1:" + server.port() + "/ with " + cases.size()
                + " cases; reports go to " + o.out + "/<agent>/ on /updateReports");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        new CountDownLatch(1).await();
        return 0;
    }
}
