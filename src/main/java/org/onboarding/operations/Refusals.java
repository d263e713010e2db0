package org.onboarding.operations;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The body of every refusal the operator API answers: an RFC 9457 problem detail
 * ({@code application/problem+json}) whose {@code detail} is the command line's one-line reason, also
 * kept as {@code error}, the property tooling read before the body was a problem detail.
 */
final class Refusals {

    private Refusals() {
    }

    static ProblemDetail of(HttpStatusCode status, String reason) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, reason);
        problem.setProperty("error", reason);
        return problem;
    }
}
