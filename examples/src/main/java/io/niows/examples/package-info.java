/**
 * Runnable niows examples: echo, broadcast and the browser chat on the niows server, and the same
 * echo on blocking sockets driving the protocol engine directly ({@link
 * io.niows.examples.blocking}, the one to read first to learn the protocol layer).
 */
package io.niows.examples;
