package dev.cinderemulator.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The scheduler's CapabilitiesFilter and {@code extra_specs_ops.match}, with cases from Cinder's
 * {@code tests/unit/scheduler/test_host_filters.py} and {@code test_extra_specs_ops.py}.
 */
class EmulatedBackendTests {

    private final Map<String, Object> capabilities = EmulatedBackend.poolCapabilities(List.of(),
            LocalDateTime.of(2026, 12, 3, 12, 0));

    @Test
    void unscopedAndCapabilitiesScopedSpecsMustMatchWhatTheBackendReports() {
        assertThat(EmulatedBackend.satisfies(capabilities, Map.of())).isTrue();
        assertThat(EmulatedBackend.satisfies(capabilities,
                Map.of("volume_backend_name", "lvm", "capabilities:vendor_name", "Open Source"))).isTrue();
        assertThat(EmulatedBackend.satisfies(capabilities, Map.of("volume_backend_name", "other"))).isFalse();
        assertThat(EmulatedBackend.satisfies(capabilities,
                Map.of("storage_protocol", "storage_protocol-123", "vendor_name", "vendor_name-456"))).isFalse();
        // A capability the backend does not report fails the filter; other scopes are ignored.
        assertThat(EmulatedBackend.satisfies(capabilities, Map.of("k", "v"))).isFalse();
        assertThat(EmulatedBackend.satisfies(capabilities, Map.of("capabilities:k", "v"))).isFalse();
        assertThat(EmulatedBackend.satisfies(capabilities, Map.of("vendor:k", "v"))).isTrue();
    }

    @Test
    void operatorsCompareAsExtraSpecsOpsDoes() {
        assertThat(EmulatedBackend.matches(1000.0, ">= 100")).isTrue();
        assertThat(EmulatedBackend.matches(1000.0, "<= 100")).isFalse();
        assertThat(EmulatedBackend.matches(12, "= 11")).isTrue();
        assertThat(EmulatedBackend.matches("12", "== 12.0")).isTrue();
        assertThat(EmulatedBackend.matches("12", "!= 12")).isFalse();
        assertThat(EmulatedBackend.matches("abc", "= abc")).isFalse();
        assertThat(EmulatedBackend.matches("12311321", "<in> 11")).isTrue();
        assertThat(EmulatedBackend.matches(true, "<is> True")).isTrue();
        assertThat(EmulatedBackend.matches(false, "<is> True")).isFalse();
        assertThat(EmulatedBackend.matches(true, "True")).isFalse();
        assertThat(EmulatedBackend.matches("iSCSI", "<or> FC <or> iSCSI")).isTrue();
        assertThat(EmulatedBackend.matches("NFS", "<or> FC <or> iSCSI")).isFalse();
        assertThat(EmulatedBackend.matches("12", "s== 12")).isTrue();
        assertThat(EmulatedBackend.matches("a", "s< b")).isTrue();
        assertThat(EmulatedBackend.matches("b", "s>= c")).isFalse();
        assertThat(EmulatedBackend.matches(12, "s< 13")).isFalse();
        assertThat(EmulatedBackend.matches(null, "s== 12")).isFalse();
        assertThat(EmulatedBackend.matches("<is>", "<is>")).isFalse();
    }
}
