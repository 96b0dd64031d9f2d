/**
 * Tools for watching RFC 6455 byte by byte: {@code trace}, a relaying proxy that prints every
 * frame and handshake head going through it, and {@code decode}, which reads frames from hex or
 * raw bytes and says where and why niows would fail them. Both print frames as {@link
 * io.niows.examples.trace.FrameLines} formats them, from niows' {@link io.niows.protocol.WireTrace}.
 */
package io.niows.examples.trace;
