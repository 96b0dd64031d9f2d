package io.niows.bench.load;

/**
 * The idle workload: connections upgrade on {@code /} and then send nothing; a ping or any other
 * frame the server sends is ignored.
 *
 * <p>Stateless and thread-safe.
 */
final class IdleBehavior implements Behavior {

    @Override
    public String path() {
        return "/";
    }

    @Override
    public void start(LoadLoop loop, ClientConnection c) {
    }

    @Override
    public void onFrame(LoadLoop loop, ClientConnection c, int opcode, long length, long word0, long word1) {
    }
}
