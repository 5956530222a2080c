package dev.retort.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void freshIdsAreTwelveHexDigitsAndDiffer() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String id = Names.newRevisionId();
            assertThat(id).matches("[0-9a-f]{12}");
            ids.add(id);
        }
        assertThat(ids).hasSize(200);
    }

    @Test
    void slugs() {
        assertThat(Names.slug("Add account table!")).isEqualTo("add_account_table");
        assertThat(Names.slug("  --  ")).isEmpty();
        assertThat(Names.slug("Ünïcode café")).isEqualTo("unicode_cafe");
        assertThat(Names.slug("a very long message that goes on and on past the limit of forty"))
                .isEqualTo("a_very_long_message_that_goes_on_and_on").hasSizeLessThanOrEqualTo(40);
        assertThat(Names.camelSlug("add account table")).isEqualTo("AddAccountTable");
    }

    @Test
    void javaNamesAndIds() {
        assertThat(Names.isJavaClassName("Rev_ab12_add")).isTrue();
        assertThat(Names.isJavaClassName("1abc_add")).isFalse();
        assertThat(Names.isJavaClassName("class")).isFalse();
        assertThat(Names.isPackageName("com.acme.db")).isTrue();
        assertThat(Names.isPackageName("com.1acme")).isFalse();
        assertThat(Names.isValidRevisionId("ae1027a6acf0")).isTrue();
        assertThat(Names.isValidRevisionId("a-b")).isFalse();
        assertThat(Names.isValidRevisionId("x".repeat(33))).isFalse();
    }

    @Test
    void escaping() {
        assertThat(Names.javaString("say \"hi\"\\\n")).isEqualTo("say \\\"hi\\\"\\\\\\n");
        assertThat(Names.javadocText("a */ <b> @c & d")).isEqualTo("a *&#47; &lt;b&gt; &#64;c &amp; d");
    }
}
