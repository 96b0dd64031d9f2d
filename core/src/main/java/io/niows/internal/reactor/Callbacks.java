package io.niows.internal.reactor;

import io.niows.SendCallback;
import io.niows.WebSocket;
import java.lang.System.Logger.Level;

/** Runs application callbacks so that one that throws harms nothing else. Stateless. */
final class Callbacks {

    private static final System.Logger LOG = System.getLogger("io.niows");

    private Callbacks() {
    }

    static void run(SendCallback callback, WebSocket ws, Throwable failure) {
        try {
            callback.onSent(ws, failure);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "send callback threw", e);
        }
    }
}
