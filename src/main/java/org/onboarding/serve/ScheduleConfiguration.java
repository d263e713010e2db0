package org.onboarding.serve;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;

/** The database-backed locks ({@code int_lock}) that keep two service instances off the same scheduled run. */
@Configuration(proxyBeanMethods = false)
class ScheduleConfiguration {

    @Bean
    DefaultLockRepository scheduleLockRepository(DataSource dataSource) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setRegion("onboard");
        return repository;
    }

    @Bean
    JdbcLockRegistry scheduleLocks(DefaultLockRepository scheduleLockRepository, ScheduleProperties properties) {
        return new JdbcLockRegistry(scheduleLockRepository, properties.lockTimeToLive());
    }
}
