package org.onboarding.cli;

import picocli.CommandLine.Command;

/** {@code ./onboard webhooks …}: the outbox of notifications, delivered to each organisation's endpoint. */
@Command(name = "webhooks", mixinStandardHelpOptions = true,
        description = "Delivers queued webhook events and shows how delivery is going.",
        subcommands = {WebhooksDeliverCommand.class, WebhooksListCommand.class, WebhooksRetryCommand.class,
                WebhooksEndpointsCommand.class})
class WebhooksCommand {
}
