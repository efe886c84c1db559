package dev.precept.server.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.model.Diagnostic;
import java.util.List;

/**
 * A request the server refuses, answered as RFC 9457 problem details: a type, a title, the status,
 * a detail sentence and, for invalid input, every problem with its JSON pointer.
 */
public final class ProblemException extends RuntimeException {
  private static final String BASE = "https://precept.dev/problems/";
  private final int status;
  private final String type;
  private final String title;
  private final List<Diagnostic> errors;

  /** A refusal with no per-field problems. */
  public ProblemException(int status, String type, String title, String detail) {
    this(status, type, title, detail, List.of());
  }

  /** A refusal listing per-field problems. */
  public ProblemException(int status, String type, String title, String detail, List<Diagnostic> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The problem document. */
  public ObjectNode body(String instance) {
    ObjectNode body = Json.object();
    body.put("type", BASE + type);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", getMessage());
    body.put("instance", instance);
    if (!errors.isEmpty()) {
      ArrayNode list = body.putArray("errors");
      for (Diagnostic p : errors) {
        ObjectNode e = list.addObject();
        e.put("code", p.code());
        e.put("pointer", p.pointer());
        e.put("detail", p.message());
        p.hint().ifPresent(h -> e.put("hint", h));
        if (p.line() > 0) {
          e.put("line", p.line());
          e.put("column", p.column());
        }
      }
    }
    return body;
  }
}
