package org.onboarding.operations;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the bearer-token guard in front of the operator API, and only of it: health stays open to probes. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    FilterRegistrationBean<BearerTokenFilter> operatorApiGuard(ApiProperties properties) {
        FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(new BearerTokenFilter(properties));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
