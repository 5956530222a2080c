package dev.retort.runtime.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SequenceTest {

    @Test
    void aSequenceStartsWithOneAndCountsByOneUnlessToldAndEachCallGivesANewValue() {
        Sequence plain = Sequence.of("account_seq");
        Sequence hibernate = plain.incrementBy(50);
        assertThat(plain.start()).isEqualTo(1);
        assertThat(plain.increment()).isEqualTo(1);
        assertThat(hibernate.name()).isEqualTo("account_seq");
        assertThat(hibernate.increment()).isEqualTo(50);
        assertThat(hibernate.startWith(1000).start()).isEqualTo(1000);
        assertThat(hibernate.startWith(1000).increment()).isEqualTo(50);
        assertThat(plain).isNotEqualTo(hibernate).isEqualTo(Sequence.of("account_seq"));
        assertThat(hibernate).hasToString("Sequence[account_seq, start 1, increment 50]");
        assertThatThrownBy(() -> Sequence.of(" ")).hasMessageContaining("sequence name");
        assertThatThrownBy(() -> plain.incrementBy(0)).hasMessageContaining("account_seq");
    }

    @Test
    void aSchemaKeepsItsSequencesInOrderAndRefusesOneNamedTwice() {
        Metadata metadata = Metadata.builder()
                .sequence(Sequence.of("b_seq"))
                .sequence(Sequence.of("a_seq").incrementBy(50))
                .build();
        assertThat(metadata.sequences()).extracting(Sequence::name).containsExactly("b_seq", "a_seq");
        assertThat(metadata.sequence("a_seq")).hasValue(Sequence.of("a_seq").incrementBy(50));
        assertThat(metadata.sequence("c_seq")).isEmpty();
        assertThat(metadata.isEmpty()).as("a schema of sequences alone is not empty").isFalse();
        assertThat(metadata).isNotEqualTo(Metadata.empty())
                .isNotEqualTo(Metadata.builder().sequence(Sequence.of("b_seq")).build())
                .isEqualTo(Metadata.builder().sequence(Sequence.of("b_seq"))
                        .sequence(Sequence.of("a_seq").incrementBy(50)).build());
        assertThat(metadata.toString()).contains("a_seq");
        assertThatThrownBy(() -> Metadata.builder().sequence(Sequence.of("a_seq")).sequence(Sequence.of("a_seq")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequence a_seq twice");
        assertThat(metadata.renamed(String::toUpperCase).sequences()).extracting(Sequence::name)
                .containsExactly("B_SEQ", "A_SEQ");
    }
}
