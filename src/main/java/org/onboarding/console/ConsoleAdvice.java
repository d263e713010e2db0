package org.onboarding.console;

import org.onboarding.operations.OperationRefusedException;
import org.onboarding.operations.UnknownExecutionException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every console page shares: who is signed in (the token's fingerprint, for the header), and a page
 * saying in one line why an ask was refused: an import that does not exist (404) or whose state
 * refuses it (409).
 */
@ControllerAdvice(assignableTypes = {ImportsPage.class, WebhooksPage.class, InboxesPage.class, HistoryPage.class})
class ConsoleAdvice {

    @ModelAttribute("operator")
    String operator(Authentication signedIn) {
        return signedIn == null ? null : signedIn.getName();
    }

    @ExceptionHandler(OperationRefusedException.class)
    ModelAndView refused(OperationRefusedException refusal, Authentication signedIn) {
        ModelAndView page = new ModelAndView("refused");
        page.addObject("refusal", refusal.getMessage());
        page.addObject("operator", operator(signedIn));
        page.setStatus(refusal instanceof UnknownExecutionException ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT);
        return page;
    }
}
