package dev.retort.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/** These tests run on the Boot line the module's pom names, and nothing of another line comes along. */
class BootLineTest {

    @Test
    void theClassPathIsTheBootLineThePomNames() {
        String expected = System.getProperty("retort.test.boot-version");
        assertThat(expected).as("retort.test.boot-version, set by the module's surefire configuration").isNotBlank();
        assertThat(SpringBootVersion.getVersion()).isEqualTo(expected);
        // Boot 4 moved DataSourceAutoConfiguration to spring-boot-jdbc; the starter must not drag that jar into 3.5.
        String boot4Only = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";
        assertThat(isPresent(boot4Only)).as(boot4Only).isEqualTo(expected.startsWith("4."));
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, BootLineTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
