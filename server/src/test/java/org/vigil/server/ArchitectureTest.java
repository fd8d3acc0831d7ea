package org.vigil.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules of docs/ARCHITECTURE.md, checked on the main classes of every module the
 * server sees (core, codecs, server; bench is a leaf nobody depends on): no dependency cycles
 * between packages, core and codecs free of the server, and no wall clock in the core.
 */
class ArchitectureTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.vigil");
    }

    @Test
    void theRulesSeeEveryModulesMainClasses() {
        // a rule over nothing passes: make sure core, codecs and server were imported, tests were not
        assertThat(main.contain("org.vigil.core.track.Tracker")).isTrue();
        assertThat(main.contain("org.vigil.codec.modes.ModeSDecoder")).isTrue();
        assertThat(main.contain("org.vigil.server.recording.Journal")).isTrue();
        assertThat(main.contain(ArchitectureTest.class)).isFalse();
    }

    /** Every package is a slice of its own ({@code (**)} captures the whole name under org.vigil). */
    @Test
    void noCyclesBetweenPackages() {
        slices().matching("org.vigil.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void coreAndCodecsDependOnNothingInTheServer() {
        noClasses()
                .that()
                .resideInAnyPackage("org.vigil.core..", "org.vigil.codec..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.vigil.server..")
                .check(main);
    }

    @Test
    void coreDoesNotDependOnCodecs() {
        noClasses()
                .that()
                .resideInAPackage("org.vigil.core..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.vigil.codec..")
                .check(main);
    }

    @Test
    void noWallClockInCore() {
        wallClockIn("org.vigil.core..").check(main);
    }

    @Test
    void theWallClockRuleCatchesAWallClock() {
        // the recorder's tap stamps live input with System.currentTimeMillis: the rule must see it
        EvaluationResult r = wallClockIn("org.vigil.server.recording..").evaluate(main);
        assertThat(r.hasViolation()).isTrue();
        assertThat(r.getFailureReport().getDetails()).anyMatch(d -> d.contains("currentTimeMillis"));
    }

    /** Reading the time of day: System's clocks, the java.time {@code now()}s, system clocks, {@code new Date()}. */
    private static ArchRule wallClockIn(String packages) {
        Set<Class<?>> withNow = Set.of(
                Instant.class,
                LocalDate.class,
                LocalDateTime.class,
                LocalTime.class,
                OffsetDateTime.class,
                OffsetTime.class,
                ZonedDateTime.class,
                Year.class,
                YearMonth.class);
        DescribedPredicate<JavaCall<?>> wallClock = DescribedPredicate.describe("read the wall clock", call -> {
            var owner = call.getTargetOwner();
            String name = call.getName();
            if (owner.isEquivalentTo(System.class)) return name.equals("currentTimeMillis") || name.equals("nanoTime");
            if (owner.isEquivalentTo(Clock.class) || owner.isEquivalentTo(InstantSource.class)) {
                return name.startsWith("system");
            }
            if (owner.isEquivalentTo(Date.class))
                return name.equals("<init>")
                        && call.getTarget().getRawParameterTypes().isEmpty();
            return name.equals("now") && withNow.stream().anyMatch(owner::isEquivalentTo);
        });
        return noClasses()
                .that()
                .resideInAPackage(packages)
                .should()
                .callCodeUnitWhere(wallClock)
                .because("the core's time comes from the data (docs/ARCHITECTURE.md)");
    }
}
