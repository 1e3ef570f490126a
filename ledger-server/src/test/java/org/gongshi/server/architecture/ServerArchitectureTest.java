package org.gongshi.server.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rooms of the server (wiring, embedded storage, schedules, roles, tools), checked on the compiled classes. */
@AnalyzeClasses(packages = "org.gongshi.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ServerArchitectureTest {

    /** Every package (the application class's root included) is its own slice: no package cycles. */
    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("org.gongshi.(**)").should().beFreeOfCycles();
}
