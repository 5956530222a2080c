package dev.retort.graph;

import static dev.retort.graph.GraphFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Target syntax, on the graph of Alembic's branches tutorial (docs/build/branches.rst):
 * an account line with a shoppingcart branch and an independent networking base whose
 * head depends on 55af2cb1c267.
 */
class TargetResolutionTest {

    static final String ACCOUNT = "1975ea83b712";
    static final String CART = "27c6a30d7c24";
    static final String CART_COLUMN = "d747a8a8879";
    static final String COLUMN = "ae1027a6acf";
    static final String ANOTHER = "55af2cb1c267";
    static final String NET = "3cac04ae8714";
    static final String IP = "109ec7d132bf";
    static final String DNS = "29f859a13ea";
    static final String IP_ACCOUNT = "2a95102259be";

    static RevisionGraph tutorial() {
        return graph(rev(ACCOUNT), labelled(CART, "shoppingcart", ACCOUNT), rev(CART_COLUMN, CART),
                rev(COLUMN, ACCOUNT), rev(ANOTHER, COLUMN), labelled(NET, "networking"), rev(IP, NET),
                rev(DNS, IP), dependent(IP_ACCOUNT, List.of(ANOTHER), DNS));
    }

    private final RevisionGraph g = tutorial();

    @Test
    void headsAndBases() {
        // Alembic's `heads` lists 55af2cb1c267 as an "effective head"; `upgrade heads` targets real heads only.
        assertThat(g.heads()).containsExactly(IP_ACCOUNT, ANOTHER, CART_COLUMN);
        assertThat(g.resolve("heads", List.of())).containsExactly(IP_ACCOUNT, CART_COLUMN);
        assertThat(g.bases()).containsExactly(ACCOUNT, NET);
        assertThat(g.resolve("base", List.of(DNS))).isEmpty();
        assertThat(g.upRevisions(ACCOUNT)).containsExactly(CART, COLUMN);
        assertThat(g.upRevisions(ANOTHER)).isEmpty();
        assertThat(g.nodes()).extracting(RevisionNode::id).containsExactly(
                ACCOUNT, CART, NET, IP, DNS, COLUMN, ANOTHER, IP_ACCOUNT, CART_COLUMN);
    }

    @Test
    void headWithSeveralHeadsSaysToUseHeadsOrALabel() {
        assertThatThrownBy(() -> g.resolve("head", List.of()))
                .isInstanceOfSatisfying(MultipleHeadsException.class, e -> {
                    assertThat(e.heads()).containsExactly(IP_ACCOUNT, ANOTHER, CART_COLUMN);
                    assertThat(e.getMessage()).contains("'heads'", "<branch>@head");
                });
        assertThat(graph(rev("a1"), rev("b2", "a1")).resolve("head", List.of())).containsExactly("b2");
    }

    @Test
    void idsPrefixesAndLabels() {
        assertThat(g.resolve(COLUMN, List.of())).containsExactly(COLUMN);
        assertThat(g.resolve("ae10", List.of())).containsExactly(COLUMN);
        assertThat(g.resolve("a", List.of())).containsExactly(COLUMN);
        // a bare label names the revision that declares it
        assertThat(g.resolve("shoppingcart", List.of())).containsExactly(CART);
        assertThatThrownBy(() -> g.resolve("2", List.of()))
                .isInstanceOfSatisfying(AmbiguousRevisionException.class, e -> {
                    assertThat(e.candidates()).containsExactly(CART, DNS, IP_ACCOUNT);
                    assertThat(e.getMessage()).contains("'2'", "more characters");
                });
        // Alembic matches prefixes only against ids longer than three characters
        RevisionGraph shortIds = graph(rev("abc"), rev("abcd", "abc"));
        assertThat(shortIds.resolve("ab", List.of())).containsExactly("abcd");
    }

    @Test
    void unknownTargetsNameCloseMatches() {
        assertThatThrownBy(() -> g.resolve("ae1027a6acx", List.of()))
                .isInstanceOfSatisfying(UnknownRevisionException.class, e -> {
                    assertThat(e.target()).isEqualTo("ae1027a6acx");
                    assertThat(e.closeMatches()).containsExactly(COLUMN);
                    assertThat(e.code()).isEqualTo("UNKNOWN_REVISION");
                });
        assertThatThrownBy(() -> g.resolve("shopingcart@head", List.of()))
                .isInstanceOfSatisfying(UnknownRevisionException.class,
                        e -> assertThat(e.closeMatches()).contains("shoppingcart"));
        assertThatThrownBy(() -> g.get("nope")).isInstanceOf(UnknownRevisionException.class);
        assertThat(g.find("nope")).isEmpty();
        assertThat(g.find(NET)).get().extracting(RevisionNode::branchLabels).isEqualTo(List.of("networking"));
        assertThatThrownBy(() -> g.upgradePlan(List.of("deadbeef"), "heads"))
                .isInstanceOf(UnknownRevisionException.class).hasMessageContaining("deadbeef");
    }

    @Test
    void labelAtSyntax() {
        assertThat(g.resolve("shoppingcart@head", List.of())).containsExactly(CART_COLUMN);
        assertThat(g.resolve("networking@head", List.of())).containsExactly(IP_ACCOUNT);
        assertThat(g.resolve("networking@heads", List.of())).containsExactly(IP_ACCOUNT);
        assertThat(g.resolve("networking@base", List.of())).isEmpty();
        assertThat(g.resolve("shoppingcart@27c6", List.of())).containsExactly(CART);
        // the revision before the branch point shares the lineage of the branch
        assertThat(g.resolve("shoppingcart@" + ACCOUNT, List.of())).containsExactly(ACCOUNT);
        assertThatThrownBy(() -> g.resolve("shoppingcart@" + COLUMN, List.of()))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessageContaining("is not a member of branch 'shoppingcart'");
        // Alembic docs: "ae10@head", the head of the branch that includes ae1027a6acf
        assertThat(g.resolve("ae10@head", List.of())).containsExactly(ANOTHER);
        assertThatThrownBy(() -> g.resolve("@head", List.of())).isInstanceOf(InvalidTargetException.class);
    }

    @Test
    void relativeTargets() {
        assertThat(g.resolve("+2", List.of(NET))).containsExactly(DNS);
        assertThat(g.resolve("networking@+1", List.of(IP, CART_COLUMN))).containsExactly(DNS);
        // shoppingcart has no current row: start from its tip among what is applied
        assertThat(g.resolve("shoppingcart@+1", List.of(ACCOUNT, NET))).containsExactly(CART);
        assertThat(g.resolve("-1", List.of(DNS))).containsExactly(IP);
        assertThat(g.resolve("-1", List.of(ACCOUNT))).isEmpty();
        assertThat(g.resolve("networking@-1", List.of(DNS, CART_COLUMN))).containsExactly(IP);
        assertThat(g.resolve("ae10+1", List.of())).containsExactly(ANOTHER);
        assertThat(g.resolve(ANOTHER + "-2", List.of())).containsExactly(ACCOUNT);
        assertThat(g.resolve("networking@head-1", List.of())).containsExactly(DNS);
        assertThat(g.resolve("shoppingcart@base+2", List.of())).containsExactly(CART);
        assertThat(g.resolve("networking@base+1", List.of())).containsExactly(NET);
    }

    @Test
    void relativeTargetsThatCannotBeReached() {
        assertThatThrownBy(() -> g.resolve("+5", List.of(NET)))
                .isInstanceOfSatisfying(InvalidTargetException.class, e -> {
                    assertThat(e.target()).isEqualTo("+5");
                    assertThat(e.getMessage()).contains("past the head", "at most 3 steps up");
                });
        assertThatThrownBy(() -> g.resolve(ANOTHER + "-4", List.of()))
                .isInstanceOf(InvalidTargetException.class).hasMessageContaining("at most 3 steps down");
        assertThatThrownBy(() -> g.resolve("-1", List.of()))
                .isInstanceOf(InvalidTargetException.class).hasMessageContaining("at base");
        // two revisions follow the branch point: Alembic's "Ambiguous walk"
        assertThatThrownBy(() -> g.resolve("+1", List.of(ACCOUNT)))
                .isInstanceOf(InvalidTargetException.class).hasMessageContaining("is ambiguous");
        assertThatThrownBy(() -> g.resolve("+1", List.of(ACCOUNT, NET)))
                .isInstanceOf(InvalidTargetException.class).hasMessageContaining("several current revisions");
        assertThatThrownBy(() -> g.resolve("-1", List.of(DNS, CART)))
                .isInstanceOf(InvalidTargetException.class).hasMessageContaining("several current revisions");
    }

    @Test
    void stampHeads() {
        assertThat(g.stampHeads(List.of(), List.of("heads"))).containsExactly(IP_ACCOUNT, CART_COLUMN);
        assertThat(g.stampHeads(List.of(DNS, CART), List.of("base"))).isEmpty();
        assertThat(g.stampHeads(List.of(DNS, CART), List.of())).isEmpty();
        // <label>@base removes only that branch's rows
        assertThat(g.stampHeads(List.of(DNS, CART), List.of("networking@base"))).containsExactly(CART);
        // a revision on a branch with no row is added; rows of its lineage are replaced
        assertThat(g.stampHeads(List.of(DNS), List.of("shoppingcart@head"))).containsExactly(DNS, CART_COLUMN);
        assertThat(g.stampHeads(List.of(DNS, CART), List.of(IP))).containsExactly(IP, CART);
        assertThat(g.stampHeads(List.of(DNS, CART), List.of(CART_COLUMN, ACCOUNT)))
                .containsExactly(DNS, CART_COLUMN);
    }
}
