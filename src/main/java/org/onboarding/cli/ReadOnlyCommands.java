package org.onboarding.cli;

import java.util.Arrays;
import java.util.Set;

import org.onboarding.db.SqlDialect;
import org.onboarding.feed.FeedCatalog;
import org.onboarding.job.ExecutionContextJson;
import org.onboarding.job.ImportSummaries;
import org.onboarding.operations.ImportHistory;
import org.onboarding.settings.OnboardProperties;
import org.onboarding.webhooks.WebhookEventStore;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.context.annotation.Import;

import picocli.CommandLine.Command;

/**
 * The application the commands that only read start ({@code jobs}, {@code show}, {@code webhooks list}):
 * the settings, the database with its schema checked by Flyway as every start does, the job repository,
 * and what those commands read, nothing else. The import's job and steps, the webhook sender, Spring
 * Integration, the service's machinery and their auto-configuration are never built, which halves how
 * long these commands take. Any other command starts the whole application.
 */
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class,
        JacksonAutoConfiguration.class, BatchAutoConfiguration.class, BatchJdbcAutoConfiguration.class})
@EnableConfigurationProperties(OnboardProperties.class)
// The settings' checks and the SQL dialect, as the whole application has them.
@ComponentScan(basePackageClasses = {OnboardProperties.class, SqlDialect.class})
@Import({ExecutionContextJson.class, ImportSummaries.class, ImportHistory.class, FeedCatalog.class,
        WebhookEventStore.class, OnboardCli.class, JobsCommand.class, ShowCommand.class, WebhooksListCommand.class})
public final class ReadOnlyCommands {

    private static final Set<Class<?>> COMMANDS = Set.of(JobsCommand.class, ShowCommand.class, WebhooksListCommand.class);

    private ReadOnlyCommands() {
    }

    /**
     * One connection for the command's few statements, closed as it exits: a pool's threads, and waiting
     * for them at the exit, cost more than they save here.
     */
    @Bean(destroyMethod = "destroy")
    static SingleConnectionDataSource dataSource(DataSourceProperties properties) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(properties.determineUrl(),
                properties.determineUsername(), properties.determinePassword(), true);
        dataSource.setDriverClassName(properties.determineDriverClassName());
        return dataSource;
    }

    /**
     * Whether these arguments name one of the commands that only read, found as picocli finds a
     * subcommand (by its exact name, from the commands' annotations) without building the whole command
     * line for it. A mistake in that command's options is reported by its own context the same way.
     */
    public static boolean ask(String... args) {
        Class<?> command = OnboardCommand.class;
        for (String arg : args) {
            Class<?> named = subcommand(command, arg);
            if (named == null) {
                break;
            }
            command = named;
        }
        return COMMANDS.contains(command);
    }

    private static Class<?> subcommand(Class<?> command, String name) {
        return Arrays.stream(command.getAnnotation(Command.class).subcommands())
                .filter(subcommand -> subcommand.getAnnotation(Command.class).name().equals(name))
                .findFirst().orElse(null);
    }
}
