package org.gongshi.api.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

import java.util.Arrays;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rooms of the API. Each feature package ({@link #FEATURES}) serves one part of API.md and
 * imports no other feature; what features share lives in the shared packages ({@link #SHARED}):
 * problem responses, the caller and its scope, idempotent commands, and {@code web} (the ledger
 * gateway and the request parameters every feature reads alike). The root package only configures.
 */
@AnalyzeClasses(packages = "org.gongshi.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ApiArchitectureTest {

    static final List<String> FEATURES = List.of("admin", "audit", "cases", "dev", "feed", "listings", "publicsite", "stats");
    static final List<String> SHARED = List.of("problem", "security", "idempotency", "web", "input", "limits", "traffic");

    /** Every package (the root configuration included) is its own slice: no package cycles. */
    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("org.gongshi.(**)").should().beFreeOfCycles();

    /** A feature package never imports another feature package. */
    @ArchTest
    static final ArchRule feature_packages_do_not_import_each_other = slices().assignedFrom(new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String feature = featureOf(javaClass.getPackageName());
            return feature == null ? SliceIdentifier.ignore() : SliceIdentifier.of(feature);
        }

        @Override
        public String getDescription() {
            return "the feature packages " + FEATURES;
        }
    }).should().notDependOnEachOther();

    /** The shared packages import no feature package. */
    @ArchTest
    static final ArchRule shared_packages_import_no_feature = noClasses()
            .that().resideInAnyPackage(packages(SHARED))
            .should().dependOnClassesThat().resideInAnyPackage(packages(FEATURES));

    /** Every class sits in the root (configuration), a feature or a shared package, so a new package must be named here. */
    @ArchTest
    static final ArchRule every_package_is_a_feature_or_shared = classes()
            .should().resideInAnyPackage(concat("org.gongshi.api", packages(FEATURES), packages(SHARED)));

    static String featureOf(String packageName) {
        for (String feature : FEATURES) {
            String root = "org.gongshi.api." + feature;
            if (packageName.equals(root) || packageName.startsWith(root + ".")) return feature;
        }
        return null;
    }

    static String[] packages(List<String> names) {
        return names.stream().map(n -> "org.gongshi.api." + n + "..").toArray(String[]::new);
    }

    static String[] concat(String first, String[]... rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), Arrays.stream(rest).flatMap(Arrays::stream))
                .toArray(String[]::new);
    }
}
