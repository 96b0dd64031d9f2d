package io.niows.spectests.cases;

import io.niows.spectests.engine.SessionFacts;
import io.niows.spectests.peer.Role;
import java.util.List;
import java.util.Map;

/**
 * Autobahn's {@code Case.onConnectionLost}: the behaviour verdict is the first expected
 * outcome equal to what was received (else what the case set, FAILED by default); the
 * closing verdict checks, in order, the closing endpoint, cleanliness, the peer's close code,
 * and (fuzzer as client) who dropped TCP. Then the case's own adjustments apply.
 * Stateless; safe from any thread.
 */
public final class Judge {
    private Judge() {
    }

    /** Judges a finished case. */
    public static Judgement judge(FuzzCase theCase, CaseContext c, SessionFacts f, boolean opened) {
        Judgement j = new Judgement(c.behavior(), c.result());
        for (Map.Entry<Verdict, List<Observed>> e : c.expected().entrySet()) {
            if (e.getValue().equals(c.received())) {
                j.behavior = e.getKey();
                j.result = "Actual events match at least one expected.";
                break;
            }
        }
        if (!opened) {
            j.behavior = Verdict.FAILED;
            j.behaviorClose = Verdict.FAILED;
            j.resultClose = "The WebSocket opening handshake was never completed!";
            return j;
        }
        judgeClose(c.expectedClose(), f, j);
        for (FuzzCase.Adjustment a : theCase.adjustments()) {
            a.adjust(c, f, j);
        }
        return j;
    }

    static void judgeClose(ExpectedClose ec, SessionFacts f, Judgement j) {
        if (ec.closedByMe() != f.closedByMe()) {
            j.behaviorClose = Verdict.FAILED;
            j.resultClose = "The connection was failed by the wrong endpoint";
        } else if (ec.requireClean() && !f.wasClean()) {
            j.behaviorClose = Verdict.UNCLEAN;
            j.resultClose = "The spec requires the connection to be failed cleanly here";
        } else if (f.remoteCloseCode() != null && !ec.codes().contains(f.remoteCloseCode())) {
            j.behaviorClose = Verdict.WRONG_CODE;
            j.resultClose = "The close code should have been " + join(ec.codes()) + " or empty";
        } else if (f.role() == Role.CLIENT && f.droppedByMe()) {
            j.behaviorClose = Verdict.FAILED_BY_CLIENT;
            j.resultClose = "It is preferred that the server close the TCP connection";
        } else {
            j.behaviorClose = Verdict.OK;
            j.resultClose = "Connection was properly closed";
        }
        if (ec.wrongEndpointIsFatal() && ec.closedByMe() != f.closedByMe()) {
            j.behavior = Verdict.FAILED;
        }
    }

    private static String join(List<Integer> codes) {
        StringBuilder sb = new StringBuilder();
        for (Integer c : codes) {
            sb.append(sb.length() == 0 ? "" : ",").append(c);
        }
        return sb.toString();
    }
}
