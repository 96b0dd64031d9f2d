package io.niows.internal.handshake;

/**
 * Character classes of the HTTP/1.1 grammar (RFC 7230 §3.2 and §3.2.6). Stateless.
 */
final class HttpSyntax {

    static final byte CR = '\r';
    static final byte LF = '\n';
    static final char SP = ' ';
    static final char HTAB = '\t';

    private static final int DEL = 0x7f;
    private static final int LAST_OCTET = 0xff;
    private static final String TCHAR_PUNCTUATION = "!#$%&'*+-.^_`|~";

    private HttpSyntax() {
    }

    /** tchar: any VCHAR except delimiters (RFC 7230 §3.2.6). */
    static boolean isTchar(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || TCHAR_PUNCTUATION.indexOf(c) >= 0;
    }

    /** token = 1*tchar (RFC 7230 §3.2.6). */
    static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTchar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isOws(char c) {
        return c == SP || c == HTAB;
    }

    /** VCHAR or obs-text: the visible octets of a field value (RFC 7230 §3.2). */
    static boolean isFieldVchar(char c) {
        return (c > SP && c < DEL) || (c > DEL && c <= LAST_OCTET);
    }

    /** field-content: visible octets separated by SP or HTAB; no CR, LF or other control. */
    static boolean isFieldValue(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isFieldVchar(c) && !isOws(c)) {
                return false;
            }
        }
        return true;
    }

    /** Removes leading and trailing OWS (SP and HTAB only, RFC 7230 §3.2.3). */
    static String trimOws(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isOws(s.charAt(start))) {
            start++;
        }
        while (end > start && isOws(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * Compares ignoring ASCII case only, as RFC 6455 asks ("ASCII case-insensitive"), unlike
     * {@link String#equalsIgnoreCase}, which also folds non-ASCII letters.
     */
    static boolean equalsAsciiIgnoreCase(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (toAsciiLower(a.charAt(i)) != toAsciiLower(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char toAsciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
}
