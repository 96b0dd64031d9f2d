/**
 * RFC 6455 §5 framing, below the engine and hidden from users: {@link
 * io.niows.internal.frame.FrameReader} splits bytes into headers and payload chunks without
 * judging them, {@link io.niows.internal.frame.FrameDecoder} enforces the RFC's rules and
 * assembles messages, {@link io.niows.internal.frame.FrameEncoder} writes frames, {@link
 * io.niows.internal.frame.Masking} and {@link io.niows.internal.frame.Utf8Validator} do the
 * byte work, {@link io.niows.internal.frame.CloseCodes} holds the close codes and the rule on
 * which a close frame may carry.
 *
 * <p>No socket, thread or clock here: {@code ByteBuffer}s in, events and {@code ByteBuffer}s out.
 * The decoder reports to the package's own {@link io.niows.internal.frame.FrameEvents}, and the
 * encoder and decoder take a boolean for masking rather than a role: this package imports
 * nothing from the layers above it.
 */
package io.niows.internal.frame;
