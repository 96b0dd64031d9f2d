package io.niows.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ServerFrameInputTest {

    private static ServerFrameInput input(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return new ServerFrameInput(new ByteArrayInputStream(b), 300);
    }

    @Test
    void readsTheUnmaskedFragmentsOfRfc6455Section5_7ThenTheEnd() throws IOException {
        ServerFrameInput in = input(0x01, 0x03, 0x48, 0x65, 0x6c, 0x80, 0x02, 0x6c, 0x6f);
        ServerFrameInput.Frame first = in.next();
        ServerFrameInput.Frame last = in.next();
        assertThat(first.fin()).isFalse();
        assertThat(first.opcode()).isEqualTo(0x1);
        assertThat(first.payload()).containsExactly(0x48, 0x65, 0x6c);
        assertThat(last.fin()).isTrue();
        assertThat(last.opcode()).isZero();
        assertThat(last.payload()).containsExactly(0x6c, 0x6f);
        assertThat(in.next()).isNull();
    }

    @Test
    void readsA16BitLength() throws IOException {
        int[] frame = new int[4 + 256];
        frame[0] = 0x82;
        frame[1] = 126;
        frame[2] = 0x01;
        assertThat(input(frame).next().payload()).hasSize(256);
    }

    @Test
    void refusesAMaskedServerFrame() {
        assertThatThrownBy(() -> input(0x81, 0x81, 1, 2, 3, 4, 0x41).next()).hasMessageContaining("masked");
    }

    @Test
    void refusesAnRsvBit() {
        assertThatThrownBy(() -> input(0xC1, 0x00).next()).hasMessageContaining("RSV");
    }

    @Test
    void refusesALengthBeyondWhatTheSoakSends() {
        assertThatThrownBy(() -> input(0x82, 127, 0, 0, 0, 1, 0, 0, 0, 0).next()).hasMessageContaining("never sends more");
    }

    @Test
    void anEndInsideAFrameIsAnError() {
        assertThatThrownBy(() -> input(0x81, 0x05, 0x48).next()).hasMessageContaining("middle of a frame");
    }
}
