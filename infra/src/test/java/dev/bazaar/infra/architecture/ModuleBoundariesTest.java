package dev.bazaar.infra.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency table of DESIGN.md, enforced. */
@AnalyzeClasses(packages = "dev.bazaar", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule the_shared_kernel_knows_no_spring_and_no_other_module = noClasses()
            .that().resideInAPackage("dev.bazaar.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "dev.bazaar.command..",
                    "dev.bazaar.projections..", "dev.bazaar.query..", "dev.bazaar.infra..");

    @ArchTest
    static final ArchRule the_command_side_never_sees_projections_queries_or_infra = noClasses()
            .that().resideInAPackage("dev.bazaar.command..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.bazaar.projections..", "dev.bazaar.query..",
                    "dev.bazaar.infra..");

    @ArchTest
    static final ArchRule projections_never_see_the_command_or_query_side = noClasses()
            .that().resideInAPackage("dev.bazaar.projections..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.bazaar.command..", "dev.bazaar.query..",
                    "dev.bazaar.infra..");

    @ArchTest
    static final ArchRule projections_never_send_commands = noClasses()
            .that().resideInAnyPackage("dev.bazaar.projections..", "dev.bazaar.query..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.commandhandling..");

    @ArchTest
    static final ArchRule the_query_side_reads_only_the_read_model_schema_of_the_projections = noClasses()
            .that().resideInAPackage("dev.bazaar.query..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.bazaar.command..", "dev.bazaar.infra..",
                    "dev.bazaar.projections.listing..", "dev.bazaar.projections.category..",
                    "dev.bazaar.projections.search..", "dev.bazaar.projections.cache..",
                    "dev.bazaar.projections.support..");

    @ArchTest
    static final ArchRule aggregates_never_call_out_to_services_directly = noClasses()
            .that().haveSimpleNameEndingWith("Listing").or().haveSimpleName("Category")
            .and().resideInAPackage("dev.bazaar.command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..",
                    "org.springframework.web..", "redis.clients..", "co.elastic..");

}
