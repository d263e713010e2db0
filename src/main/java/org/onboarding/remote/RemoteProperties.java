package org.onboarding.remote;

import java.time.Duration;

import org.onboarding.settings.AtLeast;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Remote imports and their workers ({@code onboard.remote.*}); the broker itself comes from Spring
 * Boot's {@code spring.rabbitmq.*} ({@code SPRING_RABBITMQ_HOST}, {@code _PORT}, {@code _USERNAME},
 * {@code _PASSWORD}).
 *
 * @param queue       the queue importing processes send parts to and workers take them from; every
 *                    process of one pool names the same
 * @param workerWait  how long a part may wait for a worker when none is connected, or when its worker
 *                    is gone and none took it over, before the import fails (restartable)
 * @param poll        how often an importing process reads its parts' state from the database
 * @param concurrency how many parts a worker runs at a time ({@code worker --concurrency})
 */
@ConfigurationProperties("onboard.remote")
public record RemoteProperties(
        @DefaultValue("onboard.import-parts") String queue,
        @DefaultValue("2m") @AtLeast("1s") Duration workerWait,
        @DefaultValue("1s") @AtLeast("10ms") Duration poll,
        @DefaultValue("1") @AtLeast("1") int concurrency) {
}
