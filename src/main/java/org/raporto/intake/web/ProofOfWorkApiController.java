package org.raporto.intake.web;

import java.util.Map;

import org.raporto.intake.ProofOfWork;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Challenges for API clients: solved, they go in the {@code Altcha} header of the next request. */
@RestController
class ProofOfWorkApiController {

    private final ProofOfWork proofOfWork;

    ProofOfWorkApiController(ProofOfWork proofOfWork) {
        this.proofOfWork = proofOfWork;
    }

    @GetMapping(path = "/api/v1/challenge", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> challenge() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(proofOfWork.challenge().asMap());
    }
}
