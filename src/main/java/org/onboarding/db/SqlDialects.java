package org.onboarding.db;

import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Chooses the dialect once, from the product name the database reports. */
@Configuration(proxyBeanMethods = false)
class SqlDialects {

    @Bean
    SqlDialect sqlDialect(JdbcTemplate jdbc) {
        String product = jdbc.execute((ConnectionCallback<String>) connection ->
                connection.getMetaData().getDatabaseProductName());
        return of(product, jdbc.getDataSource());
    }

    /** PostgreSQL's dialect for PostgreSQL; H2's for any other, the embedded default. */
    static SqlDialect of(String productName, DataSource dataSource) {
        return productName.toLowerCase(Locale.ROOT).contains("postgres") ? new PostgresDialect(dataSource)
                : new H2Dialect();
    }
}
