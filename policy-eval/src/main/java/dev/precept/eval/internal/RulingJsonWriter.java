package dev.precept.eval.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.precept.eval.Ruling;
import java.io.IOException;

/**
 * Writes a ruling as compact JSON onto a Jackson generator, for JSON Lines: the evaluator's
 * mapper without indentation, so a batch line is byte for byte the ruling's JSON and every
 * property a ruling type gains is written without a second list to keep up to date.
 */
public final class RulingJsonWriter {
  private static final ObjectWriter COMPACT = EvalJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

  private RulingJsonWriter() {}

  /** Writes one ruling as a JSON object, leaving the generator open. */
  public static void write(Ruling ruling, JsonGenerator out) throws IOException {
    COMPACT.writeValue(out, ruling);
  }
}
