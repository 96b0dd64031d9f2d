package io.niows.spectests.wire;

/**
 * Incremental UTF-8 validator (RFC 3629 section 4), fed byte by byte or in pieces, that
 * fails at the first byte that cannot start or continue a well-formed sequence: overlong
 * forms, surrogates (U+D800-DFFF) and code points above U+10FFFF are rejected where they
 * start. Not thread-safe: one validator per message.
 */
public final class Utf8Validator {
    private int needed;
    private int lower = 0x80;
    private int upper = 0xBF;
    private boolean failed;
    private long consumed;

    /** Feeds bytes; returns false once any byte so far was invalid. */
    public boolean feed(byte[] data, int off, int len) {
        for (int i = off; i < off + len && !failed; i++) {
            accept(data[i] & 0xFF);
            if (!failed) {
                consumed++;
            }
        }
        return !failed;
    }

    /** Feeds a whole array. */
    public boolean feed(byte[] data) {
        return feed(data, 0, data.length);
    }

    /** True when no byte was invalid and no sequence is left unfinished. */
    public boolean isComplete() {
        return !failed && needed == 0;
    }

    /** True when no byte so far was invalid (a sequence may still be unfinished). */
    public boolean isValidSoFar() {
        return !failed;
    }

    /** Number of bytes accepted before the first invalid one. */
    public long validBytes() {
        return consumed;
    }

    /** Whole-array check: valid and complete. */
    public static boolean isValid(byte[] data) {
        Utf8Validator v = new Utf8Validator();
        return v.feed(data) && v.isComplete();
    }

    private void accept(int b) {
        if (needed > 0) {
            if (b < lower || b > upper) {
                failed = true;
                return;
            }
            needed--;
            lower = 0x80;
            upper = 0xBF;
            return;
        }
        if (b < 0x80) {
            return;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            expect(1, 0x80, 0xBF);
        } else if (b == 0xE0) {
            expect(2, 0xA0, 0xBF);
        } else if (b == 0xED) {
            expect(2, 0x80, 0x9F);
        } else if (b >= 0xE1 && b <= 0xEF) {
            expect(2, 0x80, 0xBF);
        } else if (b == 0xF0) {
            expect(3, 0x90, 0xBF);
        } else if (b >= 0xF1 && b <= 0xF3) {
            expect(3, 0x80, 0xBF);
        } else if (b == 0xF4) {
            expect(3, 0x80, 0x8F);
        } else {
            failed = true;
        }
    }

    private void expect(int count, int lo, int hi) {
        needed = count;
        lower = lo;
        upper = hi;
    }
}
