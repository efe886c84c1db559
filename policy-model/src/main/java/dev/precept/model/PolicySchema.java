package dev.precept.model;

import org.apiguardian.api.API;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** The JSON Schema (Draft 2020-12) of the policy YAML format, shipped with this library. */
@API(status = API.Status.STABLE, since = "0.1")
public final class PolicySchema {
  /** The schema versions this build reads. */
  public static final Set<Integer> SUPPORTED_VERSIONS = Set.of(1);

  /** The schema's {@code $id}; examples point their {@code yaml-language-server} line at the file. */
  public static final String ID = "https://precept.dev/schema/policy/1/policy.schema.json";

  /** Where the schema is on the classpath. */
  public static final String RESOURCE = "/dev/precept/model/policy.schema.json";

  private PolicySchema() {}

  /** The schema's JSON text. */
  public static String text() {
    try (InputStream in = PolicySchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("policy schema missing from the classpath: " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
