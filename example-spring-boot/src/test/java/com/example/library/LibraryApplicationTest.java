package com.example.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The sample starts on H2 and on PostgreSQL with the schema Retort created, and its repository works. */
class LibraryApplicationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void startsOnTheSchemaRetortCreated(String kind) {
        try (TestDatabase database = TestDatabases.open(kind);
             ConfigurableApplicationContext context = new SpringApplicationBuilder(LibraryApplication.class)
                     .run("--spring.datasource.url=" + database.url())) {
            BookRepository books = context.getBean(BookRepository.class);
            assertThat(books.findByAuthor("Grace Hopper")).extracting(Book::getTitle)
                    .containsExactly("The Education of a Computer");
            books.save(new Book("Computing Machinery and Intelligence", "Alan Turing"));
            assertThat(books.count()).isEqualTo(3);
        }
    }

    @Test
    void checkOnStartWithoutRetortAutogenerateSaysWhatToAdd() {
        // This application does not depend on retort-autogenerate, as most do not.
        try (TestDatabase database = TestDatabases.h2()) {
            assertThatThrownBy(() -> new SpringApplicationBuilder(LibraryApplication.class)
                    .run("--spring.datasource.url=" + database.url(), "--retort.check-on-start=true").close())
                    .rootCause()
                    .hasMessage("retort.check-on-start=true needs Retort's autogenerate (dev.retort.autogenerate."
                            + "Comparison) on the class path: add the dependency dev.retort:retort-autogenerate, or "
                            + "set retort.check-on-start=false.");
        }
    }
}
