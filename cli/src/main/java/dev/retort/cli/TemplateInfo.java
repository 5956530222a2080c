package dev.retort.cli;

/**
 * A revision template that {@code retort init --template NAME} can install.
 *
 * @param name        the name to pass to {@code --template}
 * @param description what revisions written from it look like
 */
public record TemplateInfo(String name, String description) {
}
