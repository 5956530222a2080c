package com.example.library;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Starts, lets Retort create and fill the schema, and lists the books through the Spring
 * Data repository. Hibernate only validates the schema (spring.jpa.hibernate.ddl-auto=validate).
 */
@SpringBootApplication
public class LibraryApplication {

    public static void main(String[] args) {
        SpringApplication.run(LibraryApplication.class, args);
    }

    @Bean
    ApplicationRunner listBooks(BookRepository books) {
        return args -> {
            System.out.println("The library has " + books.count() + " books:");
            books.findAll().forEach(book -> System.out.println("  " + book.getTitle() + ", by " + book.getAuthor()));
        };
    }
}
