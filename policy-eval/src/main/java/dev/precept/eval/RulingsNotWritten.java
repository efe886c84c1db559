package dev.precept.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apiguardian.api.API;

/**
 * A batch stopped because its ruling lines could not be written: the output was closed by its
 * reader (a pipe into {@code head}) or failed (a full disk). Reading stops with it, so a closed
 * output never keeps a batch ruling to the end; the lines written before it are whole.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class RulingsNotWritten extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  RulingsNotWritten(IOException cause) {
    super("the ruling lines could not be written (" + (cause.getMessage() == null ? "write error" : cause.getMessage()) + ")",
        cause);
  }

  /** Whether the output was closed by whoever read it (a broken pipe), rather than failing. */
  public boolean closedByReader() {
    String message = getCause().getMessage();
    return message != null && message.contains("Broken pipe");
  }
}
