package org.gongshi.ledger.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of the domain's rooms (README, "Shape"), checked on the compiled classes. Dependencies
 * point one way: disclosure-api → projections → ledger-core, and inside ledger-core from the
 * aggregates down to their messages, the policy and the vocabulary.
 */
@AnalyzeClasses(packages = "org.gongshi.ledger", importOptions = ImportOption.DoNotIncludeTests.class)
class LedgerArchitectureTest {

    /** Every package is its own slice: no two packages of ledger-core depend on each other in a cycle. */
    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("org.gongshi.(**)").should().beFreeOfCycles();

    /** The domain never imports Spring (Web or otherwise), Reactor, Netty, the MongoDB driver or BSON, nor an outer module. */
    @ArchTest
    static final ArchRule the_domain_imports_no_web_reactor_netty_mongo_or_outer_module = noClasses()
            .that().resideInAPackage("org.gongshi.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..", "io.netty..",
                    "com.mongodb..", "org.bson..", "org.gongshi.projections..", "org.gongshi.api..", "org.gongshi.server..");

    /** Messages (everything in a {@code command} or {@code event} package that is not an enum or an event interface) are records. */
    @ArchTest
    static final ArchRule messages_are_records = classes()
            .that().resideInAnyPackage("..command..", "..event..")
            .and().areNotInterfaces().and().areNotEnums().and().areTopLevelClasses()
            .and().doNotHaveSimpleName("package-info")
            .should().beAssignableTo(Record.class);

    /** Messages know nothing of the aggregates that handle or emit them. */
    @ArchTest
    static final ArchRule messages_do_not_import_the_aggregates = noClasses()
            .that().resideInAnyPackage("..command..", "..event..")
            .should().dependOnClassesThat().resideInAnyPackage("org.gongshi.ledger.cases", "org.gongshi.ledger.disclosure",
                    "org.gongshi.ledger.listings");

    /** The vocabulary, identifiers and calendar are leaves below cases, disclosure, listings and the policy. */
    @ArchTest
    static final ArchRule the_vocabulary_is_a_leaf = noClasses()
            .that().resideInAnyPackage("org.gongshi.ledger.vocabulary..", "org.gongshi.ledger.identity..", "org.gongshi.ledger.calendar..")
            .should().dependOnClassesThat().resideInAnyPackage("org.gongshi.ledger.cases..", "org.gongshi.ledger.disclosure..",
                    "org.gongshi.ledger.listings..", "org.gongshi.ledger.policy..");
}
