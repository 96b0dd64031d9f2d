package io.niows.architecture;

import java.util.Objects;

/**
 * One dependency between two packages: some source file in {@code from} names a type of
 * {@code to}. Written {@code from -> to}, as in the allowed-edges file.
 *
 * <p>Immutable; safe to share between threads.
 */
record PackageEdge(String from, String to) implements Comparable<PackageEdge> {

    private static final String ARROW = "->";

    PackageEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("a package does not depend on itself: " + from);
        }
    }

    /** Reads {@code "a.b -> c.d"}, spaces around the arrow optional. */
    static PackageEdge parse(String text) {
        int arrow = text.indexOf(ARROW);
        if (arrow < 0) {
            throw new IllegalArgumentException("not a 'from -> to' edge: " + text);
        }
        return new PackageEdge(text.substring(0, arrow).strip(), text.substring(arrow + ARROW.length()).strip());
    }

    @Override
    public int compareTo(PackageEdge other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return from + " " + ARROW + " " + to;
    }
}
