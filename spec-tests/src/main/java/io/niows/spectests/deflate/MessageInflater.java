package io.niows.spectests.deflate;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses the peer's compressed messages (RFC 7692 section 7.2.2) frame by frame with the
 * JDK's zlib: raw DEFLATE, {@code 00 00 ff ff} appended at the message's end. It holds the peer
 * to what was agreed: with the peer's no context takeover each message gets a fresh inflater,
 * so a reference into an earlier message fails; with a window smaller than 15 bits every
 * message's back-references are measured ({@link DeflateWindowCheck}). A message that ends
 * with a final block (BFINAL, section 7.2.3.4) ends the DEFLATE stream: the next one starts a
 * new stream that, with context takeover, still sees the last 32 KiB. Output is produced in
 * bounded chunks and counted against a limit as it grows.
 *
 * <p>Holds native memory until {@link #close}. Not thread-safe: one per connection.
 */
public final class MessageInflater implements AutoCloseable {
    private static final byte[] TAIL = {0, 0, (byte) 0xff, (byte) 0xff};
    private static final int HISTORY = 1 << DeflateParams.MAX_WINDOW_BITS;

    private final boolean noContextTakeover;
    private final int maxWindowBits;
    private final long maxMessage;
    private final byte[] buf = new byte[65536];
    private Inflater inflater = new Inflater(true);
    private boolean used;
    /** Octets seen after the message's final block (see {@link #afterFinal}). */
    private int afterFinal;
    private long produced;
    /** The message's compressed octets, kept only to measure its window. */
    private ByteArrayOutputStream compressed;
    /** The last 32 KiB of output, kept only for a stream that ends while context carries over. */
    private final byte[] history;
    private int historyLength;

    /**
     * @param noContextTakeover the peer may not refer to earlier messages
     * @param maxWindowBits     the largest window the peer may use
     * @param maxMessage        the largest inflated message accepted
     */
    public MessageInflater(boolean noContextTakeover, int maxWindowBits, long maxMessage) {
        this.noContextTakeover = noContextTakeover;
        this.maxWindowBits = maxWindowBits;
        this.maxMessage = maxMessage;
        this.history = noContextTakeover ? null : new byte[HISTORY];
    }

    /** Starts a compressed message. */
    public void startMessage() {
        if (used && (noContextTakeover || inflater.finished())) {
            inflater.end();
            inflater = new Inflater(true);
            if (!noContextTakeover && historyLength > 0) {
                inflater.setDictionary(history, HISTORY - historyLength, historyLength);
            }
            used = false;
        }
        produced = 0;
        afterFinal = 0;
        compressed = maxWindowBits < DeflateParams.MAX_WINDOW_BITS ? new ByteArrayOutputStream() : null;
    }

    /**
     * Inflates one frame's payload of the current message; {@code fin} marks its last frame.
     *
     * @return the octets this frame inflates to
     * @throws DataFormatException    the data is not valid for what was agreed
     * @throws MessageTooBigException the message inflates to more than the limit
     */
    public byte[] inflate(byte[] payload, boolean fin) throws DataFormatException, MessageTooBigException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, payload.length * 4));
        feed(payload, false, out);
        if (compressed != null) {
            compressed.writeBytes(payload);
        }
        if (fin) {
            feed(TAIL, true, out);
            if (compressed != null) {
                compressed.writeBytes(TAIL);
                int reach = DeflateWindowCheck.maxDistance(compressed.toByteArray());
                if (reach > 1 << maxWindowBits) {
                    throw new DataFormatException("a back-reference reaches " + reach + " octets back, beyond the "
                            + "agreed window of " + (1 << maxWindowBits) + " (" + maxWindowBits + " bits)");
                }
            }
        }
        return out.toByteArray();
    }

    private void feed(byte[] data, boolean tail, ByteArrayOutputStream out)
            throws DataFormatException, MessageTooBigException {
        if (inflater.finished()) {
            if (!tail) {
                afterFinal(data, 0, data.length);
            }
            return;
        }
        used = true;
        inflater.setInput(data);
        while (true) {
            int n = inflater.inflate(buf);
            if (n > 0) {
                produced += n;
                if (produced > maxMessage) {
                    throw new MessageTooBigException("compressed message inflates to more than " + maxMessage + " octets");
                }
                out.write(buf, 0, n);
                remember(n);
            }
            if (inflater.finished()) {
                if (!tail) {
                    afterFinal(data, data.length - inflater.getRemaining(), inflater.getRemaining());
                }
                return;
            }
            if (inflater.needsDictionary()) {
                throw new DataFormatException("the DEFLATE data asks for a preset dictionary");
            }
            if (n == 0 && inflater.needsInput()) {
                return;
            }
        }
    }

    /**
     * After a final block the sender still ends the message as section 7.2.1 says, with an empty
     * stored block whose last four octets it removed: one octet {@code 00} may follow, no more.
     */
    private void afterFinal(byte[] data, int from, int n) throws DataFormatException {
        for (int i = from; i < from + n; i++) {
            if (data[i] != 0 || ++afterFinal > 1) {
                throw new DataFormatException("data after the final DEFLATE block of the message");
            }
        }
    }

    private void remember(int n) {
        if (history == null) {
            return;
        }
        if (n >= HISTORY) {
            System.arraycopy(buf, n - HISTORY, history, 0, HISTORY);
        } else {
            System.arraycopy(history, n, history, 0, HISTORY - n);
            System.arraycopy(buf, 0, history, HISTORY - n, n);
        }
        historyLength = Math.min(HISTORY, historyLength + n);
    }

    /** Releases the native memory now rather than at garbage collection. */
    @Override
    public void close() {
        inflater.end();
    }
}
