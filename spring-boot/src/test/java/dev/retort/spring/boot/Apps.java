package dev.retort.spring.boot;

import dev.retort.testing.TestDatabase;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the test applications as a user's would start, with properties only. */
final class Apps {

    private final Class<?>[] sources;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private WebApplicationType web = WebApplicationType.NONE;

    private Apps(Class<?>... sources) {
        this.sources = sources;
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.jpa.open-in-view", "false");
        properties.put("spring.jpa.hibernate.ddl-auto", "validate");
    }

    static Apps of(Class<?>... sources) {
        return new Apps(sources);
    }

    Apps on(TestDatabase database) {
        return with("spring.datasource.url", database.url());
    }

    Apps with(String key, Object value) {
        properties.put(key, value);
        return this;
    }

    Apps without(String key) {
        properties.remove(key);
        return this;
    }

    Apps web() {
        web = WebApplicationType.SERVLET;
        return with("server.port", "0");
    }

    ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(sources)
                .web(web)
                .properties(properties)
                .run();
    }
}
