/**
 * For tests and benchmarks only: the seed policy as a fixture ({@link
 * dev.precept.testkit.SeedPolicy}), random valid policies from a seed ({@link
 * dev.precept.testkit.PolicyGenerator}), and golden-file comparison ({@link
 * dev.precept.testkit.Golden}, rewritten on purpose with {@code -Dprecept.golden.update=true}),
 * and seeded mutations of incidents ({@link dev.precept.testkit.IncidentMutations}).
 */
package dev.precept.testkit;
