package io.niows.spectests.run;

import io.niows.spectests.cases.CaseContext;
import io.niows.spectests.cases.FuzzCase;
import io.niows.spectests.cases.Judge;
import io.niows.spectests.cases.Judgement;
import io.niows.spectests.cases.Verdict;
import io.niows.spectests.deflate.DeflateParams;
import io.niows.spectests.engine.FuzzSession;
import io.niows.spectests.peer.PeerConnection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Plays one case on one open peer connection, whichever side opened it, and judges it.
 * Stateless; each call runs on the calling thread and closes the connection before returning.
 */
public final class CaseRunner {
    private CaseRunner() {
    }

    /**
     * Runs the case to its end (TCP closed, or the case's time limit) and returns its result.
     *
     * @param request  the opening handshake request, for the report
     * @param response the opening handshake response, for the report
     */
    public static CaseResult run(FuzzCase theCase, String agent, PeerConnection peer, String request, String response)
            throws InterruptedException {
        return run(theCase, agent, peer, request, response, null);
    }

    /**
     * Runs the case with permessage-deflate in force when {@code deflate} is not null.
     *
     * @param request  the opening handshake request, for the report
     * @param response the opening handshake response, for the report
     */
    public static CaseResult run(FuzzCase theCase, String agent, PeerConnection peer, String request, String response,
            DeflateParams deflate) throws InterruptedException {
        String started = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        FuzzSession session = new FuzzSession(peer, deflate);
        CaseContext c = new CaseContext(session);
        long t0 = System.nanoTime();
        try {
            theCase.script().start(c);
            session.run(t0 + theCase.timeoutMillis() * 1_000_000L);
        } finally {
            peer.close();
            session.close();
        }
        long duration = Math.round((System.nanoTime() - t0) / 1e6);
        Judgement j = Judge.judge(theCase, c, session.facts(), true);
        return new CaseResult(theCase.id(), agent, theCase.description(), theCase.expectation(), started, duration,
                theCase.reportTime(), j.behavior, j.behaviorClose, j.result, j.resultClose, c.expected(),
                c.expectedClose(), List.copyOf(c.received()), session.facts(), peer.log().rows(),
                peer.log().rxFrameStats(), peer.log().txFrameStats(), request, response,
                theCase.reportCompressionRatio(), c.trafficStats());
    }

    /** The result of a case whose connection never opened. */
    public static CaseResult notOpened(FuzzCase theCase, String agent, String why, String request, String response) {
        String started = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        return new CaseResult(theCase.id(), agent, theCase.description(), theCase.expectation(), started, 0,
                theCase.reportTime(), Verdict.FAILED, Verdict.FAILED,
                "The WebSocket opening handshake failed: " + why,
                "The WebSocket opening handshake was never completed!", Map.of(), null, List.of(), null,
                List.of(), Map.of(), Map.of(), request, response, theCase.reportCompressionRatio(), null);
    }
}
