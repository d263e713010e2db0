package org.onboarding.testsupport;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at {@link Postgres#freshSchemaUrl()}, as {@link Postgres#register} does, but as
 * an initializer: a meta-annotation can name it where it cannot hold a {@code @DynamicPropertySource},
 * and every class naming it shares one cached context.
 */
public class PostgresDataSource implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>(Postgres.POOL);
        properties.putAll(Map.of(
                "spring.datasource.url", Postgres.freshSchemaUrl(),
                "spring.datasource.username", Postgres.USER,
                "spring.datasource.password", Postgres.PASSWORD));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("onboardTestPostgres", properties));
    }
}
