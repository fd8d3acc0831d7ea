package org.vigil.server.qra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.core.qra.scramble.ScrambleService.Refusal;

/** The web layer's mapping of the workflow's refusals to HTTP (ScrambleRolesTest sees them over the wire). */
class QraApiStatusTest {
    @Test
    void everyRefusalHasItsHttpStatus() {
        assertThat(QraApi.status(Refusal.NOT_FOUND)).isEqualTo(404);
        assertThat(QraApi.status(Refusal.WRONG_STATE)).isEqualTo(409);
        assertThat(QraApi.status(Refusal.INVALID)).isEqualTo(400);
        assertThat(QraApi.status(Refusal.NOT_AUDITED)).isEqualTo(503);
        assertThat(Refusal.values()).hasSize(4); // a new refusal needs its status here and in QraApi
    }
}
