package org.onboarding.console;

import java.util.List;

import org.onboarding.operations.Operator;
import org.onboarding.operations.OperatorTokens;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Signs an operator in to the console with the operator token typed in the sign-in form's password
 * field, checked as the API checks its bearer header. The signed-in principal is the token's
 * fingerprint ({@link Operator}), which the operator log names; the token itself is not kept.
 */
class OperatorTokenAuthentication implements AuthenticationProvider {

    private final OperatorTokens tokens;

    OperatorTokenAuthentication(OperatorTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        Object presented = attempt.getCredentials();
        Operator operator = tokens.check(presented == null ? null : presented.toString())
                .orElseThrow(() -> new BadCredentialsException("that is not the operator token"));
        return UsernamePasswordAuthenticationToken.authenticated(operator.name(), null,
                List.of(new SimpleGrantedAuthority("ROLE_OPERATOR")));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
