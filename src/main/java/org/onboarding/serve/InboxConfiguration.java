package org.onboarding.serve;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.metadata.JdbcMetadataStore;

/**
 * The database-backed store the nightly schedules claim each fire in, so that one instance alone runs
 * it. (Files are claimed by renaming them, not here.)
 */
@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

    @Bean
    JdbcMetadataStore scheduleRuns(DataSource dataSource) {
        return new JdbcMetadataStore(dataSource);
    }
}
