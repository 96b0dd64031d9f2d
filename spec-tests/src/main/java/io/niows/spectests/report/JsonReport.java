package io.niows.spectests.report;

import io.niows.spectests.cases.Observed;
import io.niows.spectests.cases.Verdict;
import io.niows.spectests.engine.SessionFacts;
import io.niows.spectests.run.CaseResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns results into Autobahn's JSON shapes: {@code index.json} (agent -> case id ->
 * behavior, behaviorClose, duration, remoteCloseCode, reportfile) and one object per case
 * with the fields of Autobahn's case report (for groups 12 and 13 with {@code trafficStats},
 * where the compression ratios are, as Autobahn keeps them). Stateless; safe from any thread.
 */
public final class JsonReport {
    private JsonReport() {
    }

    /** The index for one agent. */
    public static Map<String, Object> index(String agent, List<CaseResult> results) {
        Map<String, Object> cases = new LinkedHashMap<>();
        for (CaseResult r : results) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("behavior", r.behavior().label());
            e.put("behaviorClose", r.behaviorClose().label());
            e.put("duration", r.durationMillis());
            e.put("remoteCloseCode", r.remoteCloseCode());
            e.put("reportfile", ReportNames.caseBase(agent, r.id()) + ".json");
            cases.put(r.id(), e);
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put(agent, cases);
        return index;
    }

    /** One case's full report. */
    public static Map<String, Object> caseReport(CaseResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("agent", r.agent());
        m.put("description", r.description());
        m.put("expectation", r.expectation());
        m.put("started", r.started());
        m.put("duration", r.durationMillis());
        m.put("reportTime", r.reportTime());
        m.put("reportCompressionRatio", r.reportCompressionRatio());
        m.put("behavior", r.behavior().label());
        m.put("behaviorClose", r.behaviorClose().label());
        m.put("result", r.result());
        m.put("resultClose", r.resultClose());
        m.put("expected", expected(r.expected()));
        m.put("expectedClose", r.expectedClose() == null ? null : expectedClose(r));
        m.put("received", rows(r.received()));
        facts(m, r.facts());
        m.put("rxFrameStats", r.rxFrameStats());
        m.put("txFrameStats", r.txFrameStats());
        m.put("trafficStats", r.trafficStats());
        m.put("httpRequest", r.httpRequest());
        m.put("httpResponse", r.httpResponse());
        m.put("wirelog", r.wirelog());
        return m;
    }

    private static Map<String, Object> expected(Map<Verdict, List<Observed>> expected) {
        Map<String, Object> m = new LinkedHashMap<>();
        expected.forEach((v, events) -> m.put(v.label(), rows(events)));
        return m;
    }

    private static Map<String, Object> expectedClose(CaseResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("closedByMe", r.expectedClose().closedByMe());
        m.put("closeCode", r.expectedClose().codes());
        m.put("requireClean", r.expectedClose().requireClean());
        if (r.expectedClose().wrongEndpointIsFatal()) {
            m.put("closedByWrongEndpointIsFatal", true);
        }
        return m;
    }

    private static List<Object> rows(List<Observed> events) {
        List<Object> out = new ArrayList<>();
        for (Observed o : events) {
            out.add(o.toRow());
        }
        return out;
    }

    private static void facts(Map<String, Object> m, SessionFacts f) {
        if (f == null) {
            return;
        }
        m.put("isServer", f.role() == io.niows.spectests.peer.Role.SERVER);
        m.put("closedByMe", f.closedByMe());
        m.put("failedByMe", f.failedByMe());
        m.put("droppedByMe", f.droppedByMe());
        m.put("wasClean", f.wasClean());
        m.put("wasNotCleanReason", f.wasNotCleanReason());
        m.put("wasServerConnectionDropTimeout", f.serverDropTimeout());
        m.put("wasCloseHandshakeTimeout", f.closeTimeout());
        m.put("localCloseCode", f.localCloseCode());
        m.put("localCloseReason", f.localCloseReason());
        m.put("remoteCloseCode", f.remoteCloseCode());
        m.put("remoteCloseReason", f.remoteCloseReason());
    }
}
