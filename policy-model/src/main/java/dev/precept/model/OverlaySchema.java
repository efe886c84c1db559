package dev.precept.model;

import org.apiguardian.api.API;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The JSON Schema (Draft 2020-12) of an academy's overlay file. Its added clauses use the policy
 * schema's clause definition, by reference to {@code policy.schema.json} beside it.
 */
@API(status = API.Status.STABLE, since = "0.2")
public final class OverlaySchema {
  /** The overlay format versions this build reads. */
  public static final Set<Integer> SUPPORTED_VERSIONS = Set.of(1);

  /** The schema's {@code $id}. */
  public static final String ID = "https://precept.dev/schema/policy/1/overlay.schema.json";

  /** Where the schema is on the classpath. */
  public static final String RESOURCE = "/dev/precept/model/overlay.schema.json";

  private OverlaySchema() {}

  /** The schema's JSON text. */
  public static String text() {
    try (InputStream in = OverlaySchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("overlay schema missing from the classpath: " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
