package dev.precept.eval;

import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import java.nio.file.Path;

/** The seed policy, loaded once for the evaluator's tests. */
final class SeedPolicy {
  static final Path FILE = Path.of("../examples/connect-academy-trust/social-media-policy.yaml");
  static final Policy POLICY = PolicyLoader.standard().load(FILE);
  static final Evaluator EVALUATOR = Evaluator.of(POLICY);

  private SeedPolicy() {}
}
