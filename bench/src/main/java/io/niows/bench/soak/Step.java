package io.niows.bench.soak;

import java.util.SplittableRandom;

/**
 * What a soak connection does next, with how often (per 1,000 steps). About one step in 60 ends
 * the connection in one of four ways, and its slot opens a new one, so the server sees a steady
 * churn of connections that end well and badly.
 *
 * <p>Immutable; thread-safe.
 */
enum Step {
    /** Send one message (fragmented or not, pings mixed in) and check its echo and the pongs. */
    ECHO(934),
    /** Send a lone ping and check its pong. */
    PING(50),
    /** Close the socket with {@code SO_LINGER} 0: a TCP reset, no close frame. */
    RESET(4),
    /** Send part of a message (anything from none of it to all of it), then reset. */
    RESET_MID_MESSAGE(4),
    /** Send a close frame, shut the output (TCP FIN), and check the close reply and the end. */
    HALF_CLOSE_AFTER_CLOSE(4),
    /** Send part of a message, shut the output, and check that no data comes back before the end. */
    HALF_CLOSE_MID_MESSAGE(4);

    private static final int TOTAL = 1000;
    private static final Step[] STEPS = values();

    private final int perMille;

    Step(int perMille) {
        this.perMille = perMille;
    }

    /** True for the steps after which the connection is gone. */
    boolean ends() {
        return this != ECHO && this != PING;
    }

    static Step pick(SplittableRandom random) {
        int roll = random.nextInt(TOTAL);
        for (Step s : STEPS) {
            roll -= s.perMille;
            if (roll < 0) {
                return s;
            }
        }
        throw new AssertionError("the weights add up to " + TOTAL);
    }
}
