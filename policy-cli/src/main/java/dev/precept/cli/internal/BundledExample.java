package dev.precept.cli.internal;

import dev.precept.model.PolicyException;
import java.io.IOException;
import java.io.InputStream;

/** The example policies shipped inside the jar (from the examples module). */
final class BundledExample {
  static final String SEED = "examples/connect-academy-trust/social-media-policy.yaml";
  static final String SEED_CASES = "examples/connect-academy-trust/social-media-policy.cases.yaml";
  static final String NEXT = "examples/connect-academy-trust/social-media-policy-2017.yaml";
  static final String NEXT_CASES = "examples/connect-academy-trust/social-media-policy-2017.cases.yaml";
  static final String SHOWN_INCIDENT = "examples/connect-academy-trust/incidents/volunteer-messages-pupil.yaml";

  private BundledExample() {}

  static byte[] read(String resource) {
    try (InputStream in = BundledExample.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new PolicyException("the bundled example " + resource + " is missing from this build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new PolicyException("could not read the bundled example " + resource, e);
    }
  }
}
