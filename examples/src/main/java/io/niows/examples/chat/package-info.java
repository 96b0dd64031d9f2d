/**
 * The browser chat: a room of named members over one WebSocket path, its JSON protocol, and
 * the plain-HTTP handler that serves the page from the same port.
 *
 * <p>The protocol, client to server: {@code {"type":"join","name":"ann"}} and
 * {@code {"type":"say","text":"hello"}}. Server to client: {@code welcome} (your name, who is
 * online, recent history), {@code joined} and {@code left} (name, time), {@code message} (name,
 * text, time in epoch milliseconds) and {@code error} (a machine-readable code and a text for
 * people). See {@link io.niows.examples.chat.ChatRoom} for the rules.
 */
package io.niows.examples.chat;
