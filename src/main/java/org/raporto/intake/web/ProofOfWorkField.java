package org.raporto.intake.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.raporto.intake.ProofOfWork;
import org.raporto.shared.Language;
import org.raporto.shared.i18n.Messages;
import org.raporto.shared.web.RateLimits;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

import tools.jackson.databind.json.JsonMapper;

/**
 * The proof of work in the report and follow-up forms: the ALTCHA widget solves it in the background where
 * JavaScript runs. Where it does not, no proof comes, and the request counts against a stricter limit shared by
 * everyone without one, so that a robot gains nothing by leaving the proof out.
 */
@Component
class ProofOfWorkField {

    private static final String[] WIDGET_STRINGS = {"label", "verifying", "verified", "error", "expired", "waitAlert",
            "verificationRequired", "ariaLinkLabel", "footer"};

    private final ProofOfWork proofOfWork;
    private final RateLimits limits;
    private final Messages messages;

    ProofOfWorkField(ProofOfWork proofOfWork, RateLimits limits, Messages messages) {
        this.proofOfWork = proofOfWork;
        this.limits = limits;
        this.messages = messages;
    }

    /** What the page needs to show the widget; null when no proof is asked for. */
    @Nullable ProofOfWorkWidget widget(Language language) {
        if (!proofOfWork.enabled()) {
            return null;
        }
        Map<String, String> strings = new LinkedHashMap<>();
        for (String key : WIDGET_STRINGS) {
            strings.put(key, messages.get(language, "proofOfWork." + key));
        }
        JsonMapper json = JsonMapper.shared();
        return new ProofOfWorkWidget(json.writeValueAsString(proofOfWork.challenge().asMap()), json.writeValueAsString(strings));
    }

    /**
     * Checks the proof posted in the {@code altcha} field and counts the request against the limits that apply.
     *
     * @param limit        the limit for everyone
     * @param withoutProof the stricter limit for requests that come without a proof
     */
    Outcome check(@Nullable String payload, HttpServletRequest request, RateLimits.Limit limit, RateLimits.Limit withoutProof) {
        ProofOfWork.Verdict verdict = proofOfWork.enabled() ? proofOfWork.verify(payload) : ProofOfWork.Verdict.VALID;
        if (verdict == ProofOfWork.Verdict.INVALID || verdict == ProofOfWork.Verdict.SPENT) {
            return Outcome.FAILED;
        }
        boolean allowed = limits.tryAcquire(limit, request)
                && (verdict == ProofOfWork.Verdict.VALID || limits.tryAcquire(withoutProof, request));
        return allowed ? Outcome.PASSED : Outcome.LIMITED;
    }

    /** What to do with the request. */
    enum Outcome {
        PASSED,
        /** Over a limit: the friendly 429 page. */
        LIMITED,
        /** A proof that is wrong, expired or used: ask again, with a new challenge. */
        FAILED
    }
}
