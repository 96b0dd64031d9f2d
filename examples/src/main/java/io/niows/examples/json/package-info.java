/**
 * A tiny JSON reader and writer (RFC 8259), enough for the chat protocol and written here so the
 * examples need nothing beyond niows and the JDK.
 */
package io.niows.examples.json;
