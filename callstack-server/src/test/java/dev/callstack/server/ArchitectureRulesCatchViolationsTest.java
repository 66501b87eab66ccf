package dev.callstack.server;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.callstack.modem.internal.SmsModuleFactory;
import org.junit.jupiter.api.Test;

/**
 * {@link ArchitectureTest} passes on the real code; this shows its two custom rules would not pass vacuously: each
 * fails on a class built to break it. The class lives in the test tree, which the real check never imports.
 */
public class ArchitectureRulesCatchViolationsTest {
    /** Public, outside an internal package, in the server module: names and uses the modem's internal type. */
    public static final class LeakyApi {
        /**
         * A public signature that names another module's internal type.
         *
         * @param factory anything
         * @return the same factory
         */
        public SmsModuleFactory leak(SmsModuleFactory factory) {
            return factory;
        }
    }

    /** The enclosing class too: only a nested class whose enclosing classes are public counts as public API. */
    private static final JavaClasses LEAKY = new ClassFileImporter()
            .importClasses(LeakyApi.class, ArchitectureRulesCatchViolationsTest.class);

    @Test
    void aPublicSignatureNamingAnInternalTypeFailsTheSignatureRule() {
        assertThatThrownBy(() -> ArchitectureTest.publicSignaturesMentionNoInternalType.check(LEAKY))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LeakyApi.leak")
                .hasMessageContaining("dev.callstack.modem.internal.SmsModuleFactory");
    }

    @Test
    void aServerClassUsingTheModemsInternalsFailsTheBoundaryRule() {
        assertThatThrownBy(() -> ArchitectureTest.noModuleUsesAnotherModulesInternals.check(LEAKY))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("dev.callstack.modem.internal.SmsModuleFactory");
    }
}
