package org.gongshi.projections.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rooms of the read side, checked on the compiled classes. */
@AnalyzeClasses(packages = "org.gongshi.projections", importOptions = ImportOption.DoNotIncludeTests.class)
class ProjectionsArchitectureTest {

    /** Every package (the root configuration included) is its own slice: no package cycles. */
    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("org.gongshi.(**)").should().beFreeOfCycles();

    /** The read models serve the API; they never reach up into it, the server, or the web stack. */
    @ArchTest
    static final ArchRule projections_do_not_import_the_api_the_server_or_spring_web = noClasses()
            .that().resideInAPackage("org.gongshi.projections..")
            .should().dependOnClassesThat().resideInAnyPackage("org.gongshi.api..", "org.gongshi.server..",
                    "org.springframework.web..", "org.springframework.http..", "reactor.netty..");

    /** The shared query pieces import no feature package of the read side. */
    @ArchTest
    static final ArchRule shared_query_pieces_import_no_feature = noClasses()
            .that().resideInAPackage("org.gongshi.projections.query..")
            .should().dependOnClassesThat().resideInAnyPackage("org.gongshi.projections.cases..", "org.gongshi.projections.feed..",
                    "org.gongshi.projections.listings..", "org.gongshi.projections.publicrecords..", "org.gongshi.projections.stats..",
                    "org.gongshi.projections.transparency..");
}
