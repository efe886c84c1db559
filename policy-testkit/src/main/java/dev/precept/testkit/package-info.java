/**
 * For tests and benchmarks only: the seed policy as a fixture ({@link
 * dev.precept.testkit.SeedPolicy}), random valid policies from a seed ({@link
 * dev.precept.testkit.PolicyGenerator}), and golden-file comparison ({@link
 * dev.precept.testkit.Golden}, rewritten on purpose with {@code -Dprecept.golden.update=true}),
 * seeded mutations of incidents ({@link dev.precept.testkit.IncidentMutations}), and the opening lines
 * of a small test policy written as YAML ({@link dev.precept.testkit.PolicyText}).
 */
package dev.precept.testkit;
