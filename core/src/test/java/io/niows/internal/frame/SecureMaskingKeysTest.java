package io.niows.internal.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 6455 §5.3: masking keys from a strong, unpredictable source. */
class SecureMaskingKeysTest {

    @Test
    void sipHashMatchesTheReferenceVectorForAnEightByteMessage() {
        // Reference implementation test vector: key 00..0f, message 00..07.
        long k0 = 0x0706050403020100L;
        long k1 = 0x0f0e0d0c0b0a0908L;
        assertThat(SecureMaskingKeys.sipHash24(k0, k1, 0x0706050403020100L)).isEqualTo(0x93f5f5799a932462L);
    }

    @Test
    void successiveKeysDoNotRepeat() {
        SecureMaskingKeys keys = SecureMaskingKeys.shared();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(keys.getAsInt());
        }
        assertThat(seen).hasSizeGreaterThan(9_980);
    }

    @Test
    void twoSourcesWithDifferentSecretsGiveDifferentKeysForTheSameCounter() {
        SecureMaskingKeys a = new SecureMaskingKeys(1, 2, 0);
        SecureMaskingKeys b = new SecureMaskingKeys(1, 3, 0);
        assertThat(a.getAsInt()).isNotEqualTo(b.getAsInt());
    }
}
