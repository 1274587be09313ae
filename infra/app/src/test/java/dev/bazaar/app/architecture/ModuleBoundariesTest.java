package dev.bazaar.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module table of DESIGN.md and docs/architecture.md, enforced as allow-lists: each module names what it may
 * depend on, and a dependency the table does not name fails the build. The loopback Stripe and the tools are on this
 * test's classpath only so that the rules can see that nothing in production uses them.
 */
@AnalyzeClasses(packages = "dev.bazaar", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule each_module_depends_only_on_the_modules_the_table_names = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("shared-kernel").definedBy("dev.bazaar.kernel..")
            .layer("event-store").definedBy("dev.bazaar.eventstore..")
            .layer("command-side").definedBy("dev.bazaar.command..")
            .layer("read-model").definedBy("dev.bazaar.readmodel..")
            .layer("projections").definedBy("dev.bazaar.projections..")
            .layer("query-api").definedBy("dev.bazaar.query..")
            .layer("audit").definedBy("dev.bazaar.audit..")
            .layer("event-stream").definedBy("dev.bazaar.stream..")
            .layer("app").definedBy("dev.bazaar.app..")
            .layer("local-stripe").definedBy("dev.bazaar.localstripe..")
            .layer("tools").definedBy("dev.bazaar.tools..")
            .whereLayer("shared-kernel").mayNotAccessAnyLayer()
            .whereLayer("event-store").mayOnlyAccessLayers("shared-kernel")
            .whereLayer("command-side").mayOnlyAccessLayers("shared-kernel", "event-store")
            .whereLayer("read-model").mayOnlyAccessLayers("shared-kernel")
            .whereLayer("projections").mayOnlyAccessLayers("shared-kernel", "event-store", "read-model")
            .whereLayer("query-api").mayOnlyAccessLayers("shared-kernel", "read-model")
            // time travel replays with the command side's own aggregates (ADR 0010)
            .whereLayer("audit").mayOnlyAccessLayers("shared-kernel", "event-store", "read-model", "command-side")
            // the stream serves up to the audit chain's head and carries its digests (ADR 0016)
            .whereLayer("event-stream").mayOnlyAccessLayers("shared-kernel", "event-store", "read-model")
            .whereLayer("app").mayOnlyAccessLayers("shared-kernel", "event-store", "command-side", "read-model",
                    "projections", "query-api", "audit", "event-stream")
            .whereLayer("local-stripe").mayNotAccessAnyLayer()
            .whereLayer("local-stripe").mayNotBeAccessedByAnyLayer()
            .whereLayer("tools").mayNotAccessAnyLayer()
            .whereLayer("tools").mayNotBeAccessedByAnyLayer();

    @ArchTest
    static final ArchRule inside_the_command_side_each_feature_uses_only_the_features_it_names = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("common").definedBy("dev.bazaar.command.common..")
            .layer("web").definedBy("dev.bazaar.command.web..")
            .layer("category").definedBy("dev.bazaar.command.category..")
            .layer("identity").definedBy("dev.bazaar.command.identity..")
            .layer("organisation").definedBy("dev.bazaar.command.organisation..")
            .layer("listing").definedBy("dev.bazaar.command.listing..")
            .layer("order").definedBy("dev.bazaar.command.order..")
            .layer("payment").definedBy("dev.bazaar.command.payment..")
            .layer("payout").definedBy("dev.bazaar.command.payout..")
            .whereLayer("common").mayNotAccessAnyLayer()
            // the idempotency filter numbers the commands of a keyed request for the command sender (ADR 0021)
            .whereLayer("web").mayOnlyAccessLayers("common")
            .whereLayer("category").mayOnlyAccessLayers("common")
            .whereLayer("identity").mayOnlyAccessLayers("common")
            .whereLayer("organisation").mayOnlyAccessLayers("common")
            // a listing reserves stock and opens the order in one unit of work; organisations own listings
            .whereLayer("listing").mayOnlyAccessLayers("common", "web", "category", "organisation", "order")
            .whereLayer("order").mayOnlyAccessLayers("common", "web")
            .whereLayer("payment").mayOnlyAccessLayers("common")
            .whereLayer("payout").mayOnlyAccessLayers("common", "payment");

    /** jOOQ's generated tables and records refer to each other by design; they are not ours to shape. */
    @ArchTest
    static final ArchRule no_package_depends_on_itself_through_others = slices()
            .matching("dev.bazaar.(**)")
            .should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage("dev.bazaar.readmodel.jooq.."),
                    resideInAPackage("dev.bazaar.readmodel.jooq.."));

    @ArchTest
    static final ArchRule the_shared_kernel_is_plain_java_with_axon_and_jackson_annotations = classes()
            .that().resideInAPackage("dev.bazaar.kernel..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.bazaar.kernel..",
                    "org.axonframework.modelling.command..", "org.axonframework.serialization..",
                    "com.fasterxml.jackson.annotation..");

    @ArchTest
    static final ArchRule only_the_command_side_sends_commands = noClasses()
            .that().resideInAnyPackage("dev.bazaar.projections..", "dev.bazaar.readmodel..", "dev.bazaar.query..",
                    "dev.bazaar.audit..", "dev.bazaar.stream..", "dev.bazaar.eventstore..")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.commandhandling..");

    @ArchTest
    static final ArchRule aggregates_never_call_out_to_services_directly = noClasses()
            .that().haveSimpleNameEndingWith("Listing").or().haveSimpleName("Category").or().haveSimpleName("Order")
            .or().haveSimpleName("User").or().haveSimpleName("Organisation").or().haveSimpleName("PayoutAccount")
            .and().resideInAPackage("dev.bazaar.command..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..",
                    "org.springframework.web..", "redis.clients..", "co.elastic..", "com.stripe..");

}
