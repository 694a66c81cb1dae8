package io.heavenbase.backend.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.heavenbase.ValidationException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeFileNameTest {

    @Test
    void plainLowerCaseIdsStayReadable() {
        assertThat(SafeFileName.of("order-42_a")).isEqualTo("order-42_a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "a/b", "..", ".", "a\\b", "c:", "nul\u0000x", "\u0000", " ", "x.json",
            "~root", "CON"})
    void hostileIdsBecomeOneSegmentWithoutDotsOrSeparators(String id) {
        String name = SafeFileName.of(id);

        assertThat(name).matches("([a-z0-9_=-]|%[0-9A-F]{2})+");
    }

    @Test
    void separatorsAndDotsArePercentEncoded() {
        assertThat(SafeFileName.of("../a/b")).isEqualTo("%2E%2E%2Fa%2Fb");
    }

    @ParameterizedTest
    @ValueSource(strings = {"con", "prn", "aux", "nul", "com1", "lpt9", "CON", "Nul"})
    void windowsDeviceNamesAreNeverProduced(String id) {
        String name = SafeFileName.of(id).toLowerCase(Locale.ROOT);

        assertThat(name).doesNotMatch("con|prn|aux|nul|com[0-9]|lpt[0-9]");
    }

    @Test
    void idsDifferingOnlyInCaseGetNamesThatDifferEvenOnCaseInsensitiveFileSystems() {
        List<String> names = List.of("abc", "ABC", "Abc", "aBC").stream().map(SafeFileName::of)
                .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toList());

        assertThat(names).doesNotHaveDuplicates();
    }

    @Test
    void longIdsAreHashedToABoundedName() {
        String longId = "\u4e2d".repeat(63);

        String name = SafeFileName.of(longId);

        assertThat(name).startsWith("=").hasSize(41);
        assertThat(SafeFileName.of(longId + "x")).isNotEqualTo(name);
    }

    @Test
    void emptyIdsAreRejected() {
        assertThatThrownBy(() -> SafeFileName.of("")).isInstanceOf(ValidationException.class);
    }
}
