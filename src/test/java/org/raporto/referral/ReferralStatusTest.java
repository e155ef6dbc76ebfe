package org.raporto.referral;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.raporto.referral.ReferralStatus.ACKNOWLEDGED;
import static org.raporto.referral.ReferralStatus.ACTIONED;
import static org.raporto.referral.ReferralStatus.DECLINED;
import static org.raporto.referral.ReferralStatus.QUEUED;
import static org.raporto.referral.ReferralStatus.SENT;

class ReferralStatusTest {

    @Test
    void aReferralGoesFromQueuedToSentToAnAnswer() {
        assertThat(QUEUED.canBecome(SENT)).isTrue();
        assertThat(QUEUED.canBecome(ACKNOWLEDGED)).as("nothing to acknowledge before it is sent").isFalse();
        assertThat(SENT.canBecome(ACKNOWLEDGED)).isTrue();
        assertThat(SENT.canBecome(ACTIONED)).as("an answer without acknowledging first").isTrue();
        assertThat(ACKNOWLEDGED.canBecome(DECLINED)).isTrue();
        assertThat(ACKNOWLEDGED.canBecome(SENT)).isFalse();
        for (ReferralStatus next : ReferralStatus.values()) {
            assertThat(ACTIONED.canBecome(next)).isFalse();
            assertThat(DECLINED.canBecome(next)).isFalse();
        }
        assertThat(ACTIONED.isFinished()).isTrue();
        assertThat(SENT.isFinished()).isFalse();
    }
}
