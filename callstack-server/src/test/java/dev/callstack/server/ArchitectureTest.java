package dev.callstack.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the module boundaries true: a module's face is its non-{@code internal} packages, and nothing else may be
 * reached from another module or leak through a public signature. The server's test classpath sees every module,
 * so this one test covers them all. Production classes only.
 */
@AnalyzeClasses(packages = "dev.callstack", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** Each module's root package; a class belongs to the module whose root its package starts with. */
    private static final List<String> MODULE_ROOTS = List.of("dev.callstack.core", "dev.callstack.modem",
            "dev.callstack.realtime", "dev.callstack.server", "dev.callstack.testkit");

    /** A module's {@code internal} packages are its own: no class of another module may touch them. */
    @ArchTest
    static final ArchRule noModuleUsesAnotherModulesInternals = classes()
            .should(new ArchCondition<JavaClass>("use no other module's internal packages") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    Optional<String> own = module(origin);
                    origin.getDirectDependenciesFromSelf().forEach(dependency -> {
                        JavaClass target = dependency.getTargetClass().getBaseComponentType();
                        Optional<String> theirs = module(target);
                        if (isInternal(target) && theirs.isPresent() && !theirs.equals(own)) {
                            events.add(SimpleConditionEvent.violated(origin, dependency.getDescription()));
                        }
                    });
                }
            });

    /** Parameters, return types, fields, thrown types and supertypes of what an embedder can see. */
    @ArchTest
    static final ArchRule publicSignaturesMentionNoInternalType = classes()
            .that(publicApi())
            .should(new ArchCondition<JavaClass>("mention no internal type in a public signature") {
                @Override
                public void check(JavaClass api, ConditionEvents events) {
                    for (JavaType supertype : supertypes(api)) {
                        for (JavaClass type : supertype.getAllInvolvedRawTypes()) {
                            if (isInternal(type)) {
                                events.add(SimpleConditionEvent.violated(api,
                                        api.getName() + " extends or implements " + type.getName()));
                            }
                        }
                    }
                    for (JavaMember member : api.getMembers()) {
                        if (!visible(member)) {
                            continue;
                        }
                        for (JavaClass type : signatureTypes(member)) {
                            if (isInternal(type)) {
                                events.add(SimpleConditionEvent.violated(api,
                                        member.getFullName() + " mentions " + type.getName()));
                            }
                        }
                    }
                }
            });

    @ArchTest
    static final ArchRule coreNeedsOnlyTheJdkAndSlf4j = classes()
            .that().resideInAPackage("dev.callstack.core..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.callstack.core..", "java..", "org.slf4j..");

    @ArchTest
    static final ArchRule realtimeNeverUsesNetty = noClasses()
            .that().resideInAPackage("dev.callstack.realtime..")
            .should().dependOnClassesThat().resideInAPackage("io.netty..");

    @ArchTest
    static final ArchRule testkitShipsNoTestFramework = noClasses()
            .that().resideInAPackage("dev.callstack.testkit..")
            .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.assertj..", "org.awaitility..");

    private static Optional<String> module(JavaClass type) {
        String pkg = type.getPackageName();
        return MODULE_ROOTS.stream().filter(root -> pkg.equals(root) || pkg.startsWith(root + ".")).findFirst();
    }

    private static boolean isInternal(JavaClass type) {
        String pkg = type.getBaseComponentType().getPackageName();
        return module(type.getBaseComponentType()).isPresent()
                && (pkg.endsWith(".internal") || pkg.contains(".internal."));
    }

    /** Public classes (enclosing classes included) outside internal packages: what an embedder can name. */
    private static DescribedPredicate<JavaClass> publicApi() {
        return DescribedPredicate.describe("are public API", type -> {
            if (module(type).isEmpty() || isInternal(type)) {
                return false;
            }
            for (Optional<JavaClass> c = Optional.of(type); c.isPresent(); c = c.get().getEnclosingClass()) {
                if (!c.get().getModifiers().contains(JavaModifier.PUBLIC)) {
                    return false;
                }
            }
            return true;
        });
    }

    private static boolean visible(JavaMember member) {
        Set<JavaModifier> modifiers = member.getModifiers();
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    /** What a public type extends and implements, type arguments included. */
    private static List<JavaType> supertypes(JavaClass type) {
        List<JavaType> out = new ArrayList<>(type.getInterfaces());
        type.getSuperclass().ifPresent(out::add);
        return out;
    }

        /** Every class a member's signature names, type arguments included. */
    private static List<JavaClass> signatureTypes(JavaMember member) {
        List<JavaType> types = new ArrayList<>();
        if (member instanceof JavaField field) {
            types.add(field.getType());
        } else if (member instanceof JavaCodeUnit code) {
            types.add(code.getReturnType());
            types.addAll(code.getParameterTypes());
            types.addAll(code.getThrowsClause().getTypes());
        }
        List<JavaClass> out = new ArrayList<>();
        for (JavaType type : types) {
            type.getAllInvolvedRawTypes().forEach(raw -> out.add(raw.getBaseComponentType()));
        }
        return out;
    }
}
