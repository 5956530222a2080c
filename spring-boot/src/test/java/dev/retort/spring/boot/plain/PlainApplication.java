package dev.retort.spring.boot.plain;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application with no entities and no components: the revisions under test are chosen by retort.package. */
@SpringBootApplication
public class PlainApplication {
}
