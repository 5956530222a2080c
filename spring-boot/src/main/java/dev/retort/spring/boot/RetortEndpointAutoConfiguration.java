package dev.retort.spring.boot;

import dev.retort.runtime.Migrator;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link RetortEndpoint} when Spring Boot Actuator is on the class path and the
 * endpoint is available ({@code management.endpoints.web.exposure.include=retort} for HTTP).
 */
@AutoConfiguration(after = RetortAutoConfiguration.class)
@ConditionalOnClass(name = {
    "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
    "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint"})
@ConditionalOnAvailableEndpoint(RetortEndpoint.class)
public final class RetortEndpointAutoConfiguration {

    @Bean
    @ConditionalOnBean(Migrator.class)
    @ConditionalOnMissingBean
    RetortEndpoint retortEndpoint(ApplicationContext context) {
        return new RetortEndpoint(context);
    }
}
