package io.niows.spectests.run;

import io.niows.spectests.cases.ExpectedClose;
import io.niows.spectests.cases.Observed;
import io.niows.spectests.cases.Verdict;
import io.niows.spectests.engine.SessionFacts;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one finished case, as Autobahn's per-case report holds it.
 * {@code trafficStats} holds Autobahn's traffic statistics when the case kept them (groups 12 and
 * 13, once passed), else null. Immutable (the collections are copies); safe to share between threads.
 */
public record CaseResult(
        String id,
        String agent,
        String description,
        String expectation,
        String started,
        long durationMillis,
        boolean reportTime,
        Verdict behavior,
        Verdict behaviorClose,
        String result,
        String resultClose,
        Map<Verdict, List<Observed>> expected,
        ExpectedClose expectedClose,
        List<Observed> received,
        SessionFacts facts,
        List<List<Object>> wirelog,
        Map<Integer, Integer> rxFrameStats,
        Map<Integer, Integer> txFrameStats,
        String httpRequest,
        String httpResponse,
        boolean reportCompressionRatio,
        Map<String, Object> trafficStats) {

    /** The peer's close code, or null. */
    public Integer remoteCloseCode() {
        return facts == null ? null : facts.remoteCloseCode();
    }

    /**
     * Whether the case counts as failed for the exit status and the JUnit gate: behaviour
     * FAILED, or a closing behaviour Autobahn paints red (FAILED, UNCLEAN).
     */
    public boolean failed() {
        return behavior == Verdict.FAILED || behaviorClose == Verdict.FAILED || behaviorClose == Verdict.UNCLEAN;
    }
}
