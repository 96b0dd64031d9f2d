package io.niows.spectests.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.niows.spectests.engine.SessionFacts;
import io.niows.spectests.peer.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The closing verdicts follow Autobahn's case.py, rule by rule and in its order. */
class JudgeTest {

    private static SessionFacts facts(boolean closedByMe, boolean droppedByMe, boolean clean, Integer remoteCode) {
        return new SessionFacts(Role.CLIENT, closedByMe, false, droppedByMe, clean, null, false, false, null, null,
                remoteCode, null);
    }

    private static Judgement close(ExpectedClose ec, SessionFacts f) {
        Judgement j = new Judgement(Verdict.OK, "");
        Judge.judgeClose(ec, f, j);
        return j;
    }

    @Test
    void cleanCloseByTheExpectedEndpointWithAnAcceptedCodeIsOk() {
        assertThat(close(ExpectedClose.normal(), facts(true, false, true, 1000)).behaviorClose).isEqualTo(Verdict.OK);
    }

    @Test
    void closeByTheWrongEndpointFails() {
        assertThat(close(ExpectedClose.normal(), facts(false, false, true, 1000)).behaviorClose).isEqualTo(Verdict.FAILED);
    }

    @Test
    void missingCloseHandshakeWhereCleanIsRequiredIsUnclean() {
        assertThat(close(ExpectedClose.normal(), facts(true, true, false, null)).behaviorClose).isEqualTo(Verdict.UNCLEAN);
    }

    @Test
    void unexpectedCodeIsWrongCodeButNoCodeAtAllIsAccepted() {
        ExpectedClose ec = ExpectedClose.peerFails(1002);
        assertThat(close(ec, facts(false, false, true, 1000)).behaviorClose).isEqualTo(Verdict.WRONG_CODE);
        assertThat(close(ec, facts(false, false, false, null)).behaviorClose).isEqualTo(Verdict.OK);
    }

    @Test
    void aClientThatHadToDropTcpItselfIsFailedByClient() {
        assertThat(close(ExpectedClose.peerFails(1002), facts(false, true, true, 1002)).behaviorClose)
                .isEqualTo(Verdict.FAILED_BY_CLIENT);
    }

    @Test
    void utf8CasesFailTheBehaviourWhenTheFuzzerHadToClose() {
        ExpectedClose ec = new ExpectedClose(false, List.of(1007), false, true);
        Judgement j = close(ec, facts(true, false, true, 1000));
        assertThat(j.behavior).isEqualTo(Verdict.FAILED);
        assertThat(j.behaviorClose).isEqualTo(Verdict.FAILED);
    }

    @Test
    void catalogueHasAutobahnsCaseCountsAndUniqueIds() {
        CaseCatalog all = CaseCatalog.all(1.0);
        assertThat(all.byId()).hasSize(all.cases().size());
        assertThat(all.select(List.of("6.*"), List.of())).hasSize(145);
        assertThat(all.select(List.of("7.*"), List.of())).hasSize(37);
        assertThat(all.select(List.of("9.*"), List.of())).hasSize(54);
        assertThat(all.select(List.of("*"), List.of("9.*", "12.*", "13.*"))).hasSize(247);
        assertThat(all.select(List.of("6.4.*", "1.1.1"), List.of("6.4.2"))).extracting(FuzzCase::id)
                .containsExactly("1.1.1", "6.4.1", "6.4.3", "6.4.4");
    }
}
