package org.onboarding.console;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security checks what it posts ({@link OperatorTokenAuthentication}). */
@Controller
@Profile("serve")
class SignInPage {

    @GetMapping("/sign-in")
    String signIn() {
        return "sign-in";
    }
}
