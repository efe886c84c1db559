package dev.precept.model;

import org.apiguardian.api.API;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * How every Precept value type is generated: {@code Immutable*} classes with builders, JDK
 * collections only, no {@code get} prefixes. Applied to each package so the modules' value types
 * never drift apart.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeImmutable = "Immutable*",
    jdkOnly = true,
    depluralize = true,
    depluralizeDictionary = {"breachCategory:breachCategories", "clause:clauses"},
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    defaults = @Value.Immutable(copy = true))
public @interface PreceptStyle {}
