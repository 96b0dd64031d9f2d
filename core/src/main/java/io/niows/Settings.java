package io.niows;

import java.time.Duration;

/** Checks of the values the server and client builders take. Stateless. */
final class Settings {

    private Settings() {
    }

    static long positive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }

    static Duration positive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }

    static Duration notNegative(Duration value, String name) {
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return value;
    }

    static void waterMarks(long low, long high) {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("need 0 <= low <= high");
        }
    }
}
