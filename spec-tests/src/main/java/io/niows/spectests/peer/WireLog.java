package io.niows.spectests.peer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The record of one connection in Autobahn's wire-log vocabulary: {@code TO}/{@code RO}
 * octets sent/received, {@code TF}/{@code RF} frames, {@code CT}/{@code CTE} delays,
 * {@code KL}/{@code KLE} kill timers, {@code TI}/{@code TIE} close timers, {@code WLM}
 * log switched on or off; plus octet and frame counters. Each row is a list of plain values
 * (strings, numbers, booleans, null) ready for JSON.
 *
 * <p>Thread-safe: the reading thread and the case thread both append.
 */
public final class WireLog {
    /** Octets shown per row; Autobahn's MAX_WIRE_LOG_DATA. */
    public static final int MAX_DATA = 256;

    private final List<List<Object>> rows = new ArrayList<>();
    private final Map<Integer, Integer> rxOctets = new TreeMap<>();
    private final Map<Integer, Integer> txOctets = new TreeMap<>();
    private final Map<Integer, Integer> rxFrames = new TreeMap<>();
    private final Map<Integer, Integer> txFrames = new TreeMap<>();
    private volatile boolean enabled = true;

    /** Appends a row if the log is on. */
    public synchronized void add(Object... row) {
        if (enabled) {
            rows.add(Arrays.asList(row));
        }
    }

    /** Switches logging of rows on or off (counters keep counting), logging the switch. */
    public synchronized void enable(boolean on) {
        if (on != enabled) {
            enabled = true;
            rows.add(List.of("WLM", on));
            enabled = on;
        }
    }

    /** Counts sent octets of one write. */
    public synchronized void countTx(int octets) {
        txOctets.merge(octets, 1, Integer::sum);
    }

    /** Counts received octets of one read. */
    public synchronized void countRx(int octets) {
        rxOctets.merge(octets, 1, Integer::sum);
    }

    /** Counts a sent frame by opcode. */
    public synchronized void countTxFrame(int opcode) {
        txFrames.merge(opcode, 1, Integer::sum);
    }

    /** Counts a received frame by opcode. */
    public synchronized void countRxFrame(int opcode) {
        rxFrames.merge(opcode, 1, Integer::sum);
    }

    /** A copy of the rows. */
    public synchronized List<List<Object>> rows() {
        return new ArrayList<>(rows);
    }

    /** Sent frames by opcode (a copy). */
    public synchronized Map<Integer, Integer> txFrameStats() {
        return new TreeMap<>(txFrames);
    }

    /** Received frames by opcode (a copy). */
    public synchronized Map<Integer, Integer> rxFrameStats() {
        return new TreeMap<>(rxFrames);
    }

    /** Sent octets by write size (a copy). */
    public synchronized Map<Integer, Integer> txOctetStats() {
        return new TreeMap<>(txOctets);
    }

    /** Received octets by read size (a copy). */
    public synchronized Map<Integer, Integer> rxOctetStats() {
        return new TreeMap<>(rxOctets);
    }

    /** Whether rows are being recorded. */
    public boolean enabled() {
        return enabled;
    }
}
