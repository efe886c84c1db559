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
 * <p>Every value type here is an Immutables interface built through its own type
 * ({@code Clause.builder().id("conduct.logo")...build()}, {@code Clause.builder().from(clause)} to
 * change a copy); the generated {@code Immutable*} classes are package-private, not API.
 * Collections returned are immutable; absent values are {@link java.util.Optional}.
 *
 * <p>The public API, by stability ({@code @API} on each type):
 * <ul>
 *   <li>stable: {@code PolicyLoader}, {@code ReadLimits}, {@code Policy} and its parts
 *       ({@code Metadata}, {@code Role}, {@code Group}, {@code Office}, {@code Fact},
 *       {@code Attribute}, {@code BreachCategory}, {@code Instrument}, {@code Section},
 *       {@code Clause}, {@code ClauseException}, {@code Condition}, {@code Consequence},
 *       {@code Revision}, {@code Signatory} and the enums), {@code PolicyDigest},
 *       {@code PolicySchema}, {@code Diagnostic}, {@code PolicyException},
 *       {@code PolicyValidationException};
 *   <li>experimental: {@code PolicyFormatter} ({@code precept fmt}), {@code PolicyYaml},
 *       {@code SchemaReference};
 *   <li>internal, public only for Precept's other modules: {@code LocatedDocument},
 *       {@code SchemaValidator}, {@code DidYouMean}, {@code CanonicalJson}, {@code PreceptStyle}.
 * </ul>
 * Problems are {@link dev.precept.model.Diagnostic}s: data with a stable code, a subject, a file
 * position, a JSON pointer, a message and a hint.
 */
@PreceptStyle
package dev.precept.model;

