/**
 * niows: RFC 6455 WebSocket on {@code java.nio} selectors, with no dependency beyond the JDK.
 */
module io.niows {
    exports io.niows;
    exports io.niows.protocol;
}
