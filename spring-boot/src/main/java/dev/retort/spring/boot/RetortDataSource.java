package dev.retort.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Marks the {@code DataSource} the migrations run on when it is not the application's
 * own: a connection pool with a user that may change the schema, say. Declaring a second
 * {@code DataSource} makes Spring Boot back off its own, so mark the application's one
 * {@code @Primary}.
 *
 * <pre>{@code
 * @Bean
 * @RetortDataSource
 * DataSource migrationDataSource() {
 *     return DataSourceBuilder.create().url("jdbc:postgresql://db/app").username("owner").build();
 * }
 * }</pre>
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface RetortDataSource {
}
