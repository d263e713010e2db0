package org.onboarding.serve;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.metadata.JdbcMetadataStore;

/** The database-backed store the inboxes' accept-once filters remember picked-up files in. */
@Configuration(proxyBeanMethods = false)
class InboxConfiguration {

    @Bean
    JdbcMetadataStore acceptedFiles(DataSource dataSource) {
        return new JdbcMetadataStore(dataSource);
    }
}
