package org.onboarding.operations;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/** Puts the bearer-token guard in front of the operator API and the metrics; health stays open to probes. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    FilterRegistrationBean<BearerTokenFilter> operatorApiGuard(OperatorTokens tokens, JsonMapper json) {
        FilterRegistrationBean<BearerTokenFilter> registration =
                new FilterRegistrationBean<>(new BearerTokenFilter(tokens, json));
        registration.addUrlPatterns("/api/*", "/actuator/metrics", "/actuator/metrics/*");
        return registration;
    }
}
