package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One thing found wrong (or worth a warning) in a file or a built value, as data: a stable
 * {@link #code()} a program can switch on, the {@link #subject()} it speaks of, where it is (file,
 * line, column, JSON pointer), the message for a person and, where it helps, what would be valid.
 *
 * <p>{@link #describe()} renders it in compiler form,
 * {@code FILE:LINE:COLUMN: error: message (at /pointer)} with the hint on the next line. Codes are
 * listed as constants here ({@link #UNKNOWN_ROLE}, {@link #TYPE_MISMATCH}, ...); a JSON Schema
 * failure has the code {@code schema.KEYWORD} ({@code schema.required}, {@code schema.pattern}).
 */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutableDiagnostic.class)
@JsonDeserialize(as = ImmutableDiagnostic.class)
@JsonPropertyOrder({"code", "severity", "subject", "source", "line", "column", "pointer", "message", "hint"})
public interface Diagnostic {
  /** A role that no {@code roles} or {@code groups} entry declares. */
  String UNKNOWN_ROLE = "unknown-role";
  /** A group that no {@code groups} entry declares. */
  String UNKNOWN_GROUP = "unknown-group";
  /** A fact that no {@code facts} entry declares. */
  String UNKNOWN_FACT = "unknown-fact";
  /** An attribute that no {@code attributes} entry declares. */
  String UNKNOWN_ATTRIBUTE = "unknown-attribute";
  /** An office that no {@code offices} entry declares. */
  String UNKNOWN_OFFICE = "unknown-office";
  /** A clause id that no section declares. */
  String UNKNOWN_CLAUSE = "unknown-clause";
  /** A breach category that no {@code breachCategories} entry declares. */
  String UNKNOWN_CATEGORY = "unknown-category";
  /** An instrument that no {@code instruments} entry declares. */
  String UNKNOWN_INSTRUMENT = "unknown-instrument";
  /** A consequence id that no {@code consequences} entry declares. */
  String UNKNOWN_CONSEQUENCE = "unknown-consequence";
  /** A value that does not fit the declared type of its fact or attribute ({@code "yes"} for a boolean). */
  String TYPE_MISMATCH = "type-mismatch";
  /** An enum value that is not one of those declared. */
  String UNKNOWN_VALUE = "unknown-value";
  /** A key written twice in one mapping. */
  String DUPLICATE_KEY = "duplicate-key";
  /** An id used twice where each must be unique. */
  String DUPLICATE_ID = "duplicate-id";
  /** Text that is not valid YAML (bad indentation, a tab, an unclosed quote). */
  String YAML_SYNTAX = "yaml-syntax";
  /** Input refused by a {@link ReadLimits} bound (size, nesting, a value's length). */
  String TOO_LARGE = "too-large";
  /** A YAML feature policy files do not use (anchors, aliases, tags, several documents). */
  String YAML_FEATURE = "yaml-feature";
  /** Bytes that are not UTF-8 text. */
  String ENCODING = "encoding";
  /** A {@code schemaVersion} missing or not read by this build. */
  String SCHEMA_VERSION = "schema-version";
  /** Groups that contain themselves. */
  String GROUP_CYCLE = "group-cycle";
  /** Dates out of order, a non-positive period and the like. */
  String INCONSISTENT = "inconsistent";
  /** A required part missing in a value built in Java (an incident concerning nothing). */
  String MISSING = "missing";
  /** A word still read but replaced by another (a warning). */
  String DEPRECATED = "deprecated";
  /** Prefix of the codes of JSON Schema failures: {@code schema.} + the failing keyword. */
  String SCHEMA_PREFIX = "schema.";

  /** How much a diagnostic matters. */
  enum Severity {
    /** The input is refused. */
    @JsonProperty("error") ERROR,
    /** The input is read, but should be changed. */
    @JsonProperty("warning") WARNING;

    /** The word used in output: {@code error} or {@code warning}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Orders diagnostics as a reader meets them: by file, line, column, then pointer and message. */
  Comparator<Diagnostic> IN_READING_ORDER = Comparator.comparing(Diagnostic::source)
      .thenComparingInt(Diagnostic::line)
      .thenComparingInt(Diagnostic::column)
      .thenComparing(Diagnostic::pointer)
      .thenComparing(Diagnostic::message);

  /** A stable code for the kind of problem, such as {@code unknown-role} or {@code schema.required}. */
  String code();

  /** Whether the input is refused ({@code error}) or only warned about. */
  @Value.Default
  default Severity severity() {
    return Severity.ERROR;
  }

  /** The id or value the diagnostic speaks of ({@code cfo} for an unknown role 'cfo'), when there is one. */
  Optional<String> subject();

  /** The file (or other source name) the diagnostic is in. */
  String source();

  /** The 1-based line, or 0 when the diagnostic concerns the whole file or a value built in Java. */
  int line();

  /** The 1-based column, or 0 when the line is 0. */
  int column();

  /** The JSON pointer of the value at fault ({@code ""} for the whole document). */
  String pointer();

  /** What is wrong, naming the thing and the bad value. */
  String message();

  /** What would be valid, when we can tell. */
  Optional<String> hint();

  /** Whether this diagnostic refuses the input. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  default boolean isError() {
    return severity() == Severity.ERROR;
  }

  /**
   * The diagnostic in compiler form, {@code FILE:LINE:COLUMN: error: message (at POINTER)}, with
   * the hint on a second, indented line.
   */
  default String describe() {
    StringBuilder out = new StringBuilder();
    out.append(source());
    if (line() > 0) {
      out.append(':').append(line()).append(':').append(column());
    }
    out.append(": ").append(severity().word()).append(": ").append(message());
    out.append(String.format(Locale.ROOT, " (at %s)", pointer().isEmpty() ? "/" : pointer()));
    hint().ifPresent(h -> out.append(System.lineSeparator()).append("    hint: ").append(h));
    return out.toString();
  }

  /** A new builder; {@code severity} defaults to error. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Diagnostic}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableDiagnostic.Builder {
    Builder() {}
  }
}
