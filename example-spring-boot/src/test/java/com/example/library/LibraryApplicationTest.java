package com.example.library;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;
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
}
