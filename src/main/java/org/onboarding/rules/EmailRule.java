package org.onboarding.rules;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.validator.routines.EmailValidator;

/** email (004): a valid address (Apache Commons Validator), stored lower-cased. */
final class EmailRule {

    public static final String FIELD = "email";
    private static final int MAX_LENGTH = 254;
    private final EmailValidator validator = new RememberedDomains();

    public String check(String raw, List<Violation> violations) {
        return check(FIELD, raw, violations);
    }

    /** Checks any field holding an email address (a custom field of type email too). */
    public String check(String field, String raw, List<Violation> violations) {
        if (raw == null) {
            return null;
        }
        if (raw.length() > MAX_LENGTH || !validator.isValid(raw)) {
            violations.add(new Violation(field, field + " is not a valid email address"));
            return null;
        }
        return raw.toLowerCase(Locale.ROOT);
    }

    /**
     * Commons Validator's check, remembering its verdict on each domain: a file's addresses share a
     * few domains, and the domain's check (its pattern and the list of top-level domains) was a third
     * of the rule's time. The addresses' local parts are checked every time, as before.
     */
    private static final class RememberedDomains extends EmailValidator {

        private static final long serialVersionUID = 1L;
        /** Enough for any real file's domains; past it the verdicts start over, so memory stays bounded. */
        private static final int MAX_DOMAINS = 10_000;
        private final transient Map<String, Boolean> verdicts = new ConcurrentHashMap<>();

        RememberedDomains() {
            super(false, false);
        }

        @Override
        protected boolean isValidDomain(String domain) {
            Boolean verdict = verdicts.get(domain);
            if (verdict == null) {
                verdict = super.isValidDomain(domain);
                if (verdicts.size() >= MAX_DOMAINS) {
                    verdicts.clear();
                }
                verdicts.put(domain, verdict);
            }
            return verdict;
        }
    }
}
