package io.niows.internal.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 6455 §1.3 and §4.2.1 item 5. */
class AcceptKeyTest {

    @Test
    void acceptOfTheRfcSampleKeyIsTheRfcSampleAccept() {
        assertThat(AcceptKey.of("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void base64OfSixteenBytesIsAValidKey() {
        assertThat(AcceptKey.isValidKey("dGhlIHNhbXBsZSBub25jZQ==")).isTrue();
        assertThat(AcceptKey.isValidKey("AAAAAAAAAAAAAAAAAAAAAA==")).isTrue();
    }

    @Test
    void keysThatAreNotBase64OfSixteenBytesAreInvalid() {
        assertThat(AcceptKey.isValidKey(null)).isFalse();
        assertThat(AcceptKey.isValidKey("")).isFalse();
        assertThat(AcceptKey.isValidKey("dGhlIHNhbXBsZSBub25jZQ")).as("unpadded").isFalse();
        assertThat(AcceptKey.isValidKey("dGhlIHNhbXBsZSBub25jZTE=")).as("17 bytes").isFalse();
        assertThat(AcceptKey.isValidKey("dGhlIHNhbXBsZSBub25j")).as("15 bytes").isFalse();
        assertThat(AcceptKey.isValidKey("dGhlIHNhbXBsZSBub2*jZQ==")).as("not base64").isFalse();
        assertThat(AcceptKey.isValidKey("dGhlIHNhbXBsZSBub25jZQ==x")).isFalse();
    }
}
