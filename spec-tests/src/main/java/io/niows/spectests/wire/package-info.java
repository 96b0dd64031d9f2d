/**
 * The fuzzer's own wire codec (RFC 6455 section 5.2), written for testing and deliberately
 * permissive: it encodes any header a test wants (bad opcodes, reserved bits, unmasked
 * client frames) and decodes frames without judging them. Rule checking lives in
 * {@code io.niows.spectests.engine}. Nothing here depends on niows.
 */
package io.niows.spectests.wire;
