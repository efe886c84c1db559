package dev.precept.cli.internal;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as commands print to it (UTF-8 text, flushed at each line), which also hands a
 * command that writes in bulk its bytes underneath: {@code precept evaluate} on JSON Lines writes
 * ruling lines its threads have already encoded, without decoding and encoding them again.
 */
public final class StandardOutput extends PrintWriter {
  private final OutputStream bytes;

  /** Prints UTF-8 onto {@code bytes}. */
  public StandardOutput(OutputStream bytes) {
    super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
    this.bytes = bytes;
  }

  /** The stream underneath, once what was printed so far has been flushed onto it. */
  public OutputStream bytes() {
    flush();
    return bytes;
  }
}
