package org.vigil.codec.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vigil.codec.modes.DecodeFailure;

/** The decoder's reasons keep their external names and map onto the feed's reject reasons. */
class RejectReasonTest {
    @Test
    void decoderFailuresKeepTheNamesTheyHadAsStrings() {
        assertThat(DecodeFailure.TRUNCATED.label()).isEqualTo("truncated");
        assertThat(DecodeFailure.BAD_LENGTH.label()).isEqualTo("bad_length");
        assertThat(DecodeFailure.BAD_CRC.label()).isEqualTo("bad_crc");
        assertThat(DecodeFailure.UNKNOWN_DF.label()).isEqualTo("unknown_df");
        assertThat(DecodeFailure.BAD_FIELD.label()).isEqualTo("bad_field");
        assertThat(DecodeFailure.HEARTBEAT.label()).isEqualTo("heartbeat");
    }

    @Test
    void everyMalformedFrameIsAFeedRejectionAndAHeartbeatIsNot() {
        assertThat(RejectReason.of(DecodeFailure.BAD_CRC)).isEqualTo(RejectReason.BAD_CRC);
        assertThat(RejectReason.of(DecodeFailure.TRUNCATED)).isEqualTo(RejectReason.TRUNCATED);
        assertThat(RejectReason.of(DecodeFailure.BAD_LENGTH)).isEqualTo(RejectReason.TRUNCATED);
        assertThat(RejectReason.of(DecodeFailure.UNKNOWN_DF)).isEqualTo(RejectReason.UNKNOWN_TYPE);
        assertThat(RejectReason.of(DecodeFailure.BAD_FIELD)).isEqualTo(RejectReason.BAD_FIELD);
        assertThat(RejectReason.of(DecodeFailure.HEARTBEAT)).isNull();
        assertThat(RejectReason.of(null)).isNull();
    }
}
