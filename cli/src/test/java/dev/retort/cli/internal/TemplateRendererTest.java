package dev.retort.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.retort.cli.CommandException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    @Test
    void fillsPlaceholdersAndKeepsDollarEscapes() {
        String out = TemplateRenderer.render("class ${name} { String s = \"$${id} costs $$5 ${id}\"; }",
                Map.of("name", "Rev_1", "id", "ab$\\1"), "t");
        assertThat(out).isEqualTo("class Rev_1 { String s = \"${id} costs $5 ab$\\1\"; }");
    }

    @Test
    void unknownPlaceholderNamesItAndTheKnownOnes() {
        assertThatThrownBy(() -> TemplateRenderer.render("${id} ${nope}", Map.of("id", "x", "slug", "y"), "my.tmpl"))
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("${nope}")
                .hasMessageContaining("my.tmpl")
                .hasMessageContaining("[id, slug]");
    }

    @Test
    void builtinTemplatesUseOnlyTheDocumentedPlaceholders() {
        Map<String, String> values = Map.of("package", "p", "class_name", "C", "id", "i", "message", "m",
                "create_date", "d", "revises", "r", "down_revision", "dr", "branch_labels", "", "depends_on", "",
                "revision_annotation", "@Revision(id = \"i\")");
        for (String name : BuiltinTemplates.descriptions().keySet()) {
            String out = TemplateRenderer.render(BuiltinTemplates.text(name), values, name);
            assertThat(out).as(name).startsWith("package p;").contains("@Revision(id = \"i\")")
                    .contains("public final class C implements Migration");
        }
        assertThat(BuiltinTemplates.descriptions().keySet()).startsWith("generic", "data-migration");
    }
}
