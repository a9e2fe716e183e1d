package dev.cinderemulator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;

class CinderFaultsTests {

    private final CinderFaults faults = new CinderFaults();

    @Test
    void writesThatKeepConflictingAreAConflictingRequestNotAServerError() {
        for (Exception conflict : new Exception[] { new OptimisticLockingFailureException("stale"),
                new QueryTimeoutException("lock wait", new SQLException("Timeout trying to lock table", "HYT00")) }) {
            ResponseEntity<Map<String, Object>> answer = faults.unexpected(conflict);
            assertThat(answer.getStatusCode().value()).isEqualTo(409);
            assertThat(answer.getBody()).containsKey("conflictingRequest");
        }
    }

    @Test
    void otherFailuresStayTheComputeFault() {
        assertThat(faults.unexpected(new IllegalStateException("bug")).getStatusCode().value()).isEqualTo(500);
    }
}
