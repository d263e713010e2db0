package org.onboarding.console;

import org.onboarding.operations.InboxFolders;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's inboxes and schedules: per feed, the files waiting and those imported or failed lately. */
@Controller
@Profile("serve")
class InboxesPage {

    private final InboxFolders inboxes;

    InboxesPage(InboxFolders inboxes) {
        this.inboxes = inboxes;
    }

    @GetMapping("/inboxes")
    String inboxes(Model model) {
        model.addAttribute("inboxes", inboxes.all());
        return "inboxes";
    }
}
