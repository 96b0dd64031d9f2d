/**
 * The browser chat: a room of named members over one WebSocket path, its JSON protocol, and
 * the plain-HTTP handler that serves the page from the same port.
 *
 * <p>The protocol, client to server: {@code {"type":"join","name":"ann"}} and
 * {@code {"type":"say","text":"hello"}}. Server to client: {@code welcome} (your name, who is
 * online, recent history), {@code joined} and {@code left} (name, time), {@code message} (name,
 * text, time in epoch milliseconds) and {@code error} (a machine-readable code and a text for
 * people). See {@link io.niows.examples.chat.ChatRoom} for the rules.
 *
 * <p>Each {@code say} is answered to its sender, in the order sent, by exactly one message: its
 * own {@code message} (the broadcast reaches the sender too) or an {@code error}, such as
 * {@code slow-down} when the rate limit refuses it. The page counts on this to put a refused text
 * back into its box. A connection the server closes (ten refusals in a row, or too slow a
 * reader) gets no answer to the says still pending.
 */
package io.niows.examples.chat;
