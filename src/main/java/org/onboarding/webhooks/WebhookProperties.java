package org.onboarding.webhooks;

import java.time.Duration;

import org.onboarding.settings.AtLeast;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered ({@code onboard.webhooks.*}).
 *
 * @param connectTimeout how long to wait for the endpoint to accept the connection
 * @param timeout        how long a whole attempt may take, response included; longer is a failed attempt
 * @param batchSize      how many requests a dispatcher has in flight at once, over all endpoints
 * @param retry          when failed deliveries are tried again, and when they become dead letters
 * @param responseBodyBytes how much of a response's body is read, for the attempt's error; the rest is
 *                       never read (the connection is closed), so an endless body cannot fill the heap
 * @param perEndpointConcurrency how many requests a dispatcher has in flight to one endpoint at once: a
 *                       slow endpoint holds no more than this many of the {@code batchSize}, the others
 *                       keep the rest
 * @param circuit        when a failing endpoint is paused, and for how long
 */
@ConfigurationProperties("onboard.webhooks")
public record WebhookProperties(
        @DefaultValue("5s") @AtLeast("1ms") Duration connectTimeout,
        @DefaultValue("15s") @AtLeast("1ms") Duration timeout,
        @DefaultValue("20") @AtLeast("1") int batchSize,
        @DefaultValue RetrySchedule retry,
        @DefaultValue("1024") @AtLeast("0") int responseBodyBytes,
        @DefaultValue("5") @AtLeast("1") int perEndpointConcurrency,
        @DefaultValue CircuitBreaker circuit) {

    /**
     * How long a claimed batch is kept from other dispatchers: time to send it, plus a margin. A
     * dispatcher that dies holding a batch leaves it due again after this.
     */
    public Duration claimLease() {
        return connectTimeout.plus(timeout).plus(Duration.ofMinutes(1));
    }

    /**
     * An endpoint's circuit breaker ({@code onboard.webhooks.circuit.*}): see {@link Circuit}.
     *
     * @param failures how many failed attempts in a row pause the endpoint
     * @param coolDown how long it is paused before a request probes it again
     */
    public record CircuitBreaker(
            @DefaultValue("5") @AtLeast("1") int failures,
            @DefaultValue("1m") @AtLeast("0s") Duration coolDown) {
    }
}
