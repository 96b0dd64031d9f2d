package io.niows.examples.chat;

/**
 * A token bucket rate limiter: holds at most {@code capacity} tokens, gains one every
 * {@code refillMillis}, and each accepted message takes one. So a sender may burst up to the
 * capacity, then keeps at most one message per refill interval.
 *
 * <p>Not thread-safe: each bucket belongs to one chat session, used under the room's lock.
 */
public final class TokenBucket {

    private final int capacity;
    private final long refillMillis;
    private double tokens;
    private long lastMillis;

    /**
     * @param capacity the largest burst
     * @param refillMillis milliseconds per regained token
     * @param nowMillis the current time, from the same clock as later calls
     */
    public TokenBucket(int capacity, long refillMillis, long nowMillis) {
        if (capacity < 1 || refillMillis < 1) {
            throw new IllegalArgumentException("capacity and refill interval must be positive");
        }
        this.capacity = capacity;
        this.refillMillis = refillMillis;
        this.tokens = capacity;
        this.lastMillis = nowMillis;
    }

    /**
     * Takes a token if there is one.
     *
     * @param nowMillis the current time; a clock that steps back gains no tokens
     * @return whether a token was taken (the message may pass)
     */
    public boolean tryTake(long nowMillis) {
        if (nowMillis > lastMillis) {
            tokens = Math.min(capacity, tokens + (double) (nowMillis - lastMillis) / refillMillis);
            lastMillis = nowMillis;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
