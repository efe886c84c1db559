/**
 * The policy model: an immutable, validated view of one governance policy.
 *
 * <p>Entry point: {@link dev.precept.model.PolicyLoader}, which reads a policy's YAML, checks it
 * against the JSON Schema and the semantic rules the schema cannot express, and returns a
 * {@link dev.precept.model.Policy}. {@link dev.precept.model.PolicyDigest} gives the canonical
 * digest that rulings cite and the Board signs.
 *
 * <pre>{@code
 * Policy policy = PolicyLoader.standard().load(Path.of("social-media-policy.yaml"));
 * PolicyDigest digest = PolicyDigest.of(policy);   // sha256:...
 * }</pre>
 *
 * <p>Every value type here is an Immutables interface; the generated {@code Immutable*} classes
 * have builders. Collections returned are immutable; absent values are {@link java.util.Optional}.
 */
@PreceptStyle
package dev.precept.model;

