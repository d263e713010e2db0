package org.onboarding.job;

import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.core.repository.dao.JacksonExecutionContextStringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stores the job and step execution contexts (file positions, counts, the writers' plan, the reject
 * report's path) as JSON rather than Java-serialized objects: readable by an operator and by any
 * tool, and never deserialized into arbitrary classes from the database. Spring Batch's Jackson
 * serializer keeps each value's type (a long stays a long), which a restart relies on; Spring Boot's
 * batch configuration picks this bean up for its job repository. Public for the context of the
 * commands that only read, whose job repository must read the contexts the same way.
 */
@Configuration(proxyBeanMethods = false)
public class ExecutionContextJson {

    @Bean
    ExecutionContextSerializer executionContextSerializer() {
        return new JacksonExecutionContextStringSerializer();
    }
}
