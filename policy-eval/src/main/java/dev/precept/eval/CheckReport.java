package dev.precept.eval;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** The checker's report: the coverage matrix and the findings. */
@API(status = API.Status.STABLE, since = "0.2")
@Value.Immutable
@JsonSerialize(as = ImmutableCheckReport.class)
@JsonDeserialize(as = ImmutableCheckReport.class)
@JsonPropertyOrder({"policy", "version", "digest", "roles", "categories", "matrix", "findings"})
public interface CheckReport {
  /** A new builder of {@link CheckReport}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CheckReport}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableCheckReport.Builder {
    Builder() {}
  }

  /** The policy's id. */
  String policy();

  /** Its version. */
  String version();

  /** Its digest. */
  String digest();

  /** Role ids, the matrix's rows, in declaration order. */
  List<String> roles();

  /** Breach category ids, the matrix's columns, in declaration order. */
  List<String> categories();

  /** For each role, each category: the consequences a breach can lead to ("id (must)"). */
  Map<String, Map<String, Cell>> matrix();

  /** Everything found, errors first. */
  List<Finding> findings();

  /** One cell of the matrix. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableCell.class)
  @JsonDeserialize(as = ImmutableCell.class)
  @JsonPropertyOrder({"rules", "consequences", "silence"})
  interface Cell {
    /** A new builder of {@link Cell}. */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Cell}: set its parts, then {@code build()}. */
    final class Builder extends ImmutableCell.Builder {
      Builder() {}
    }

    /** The rules in the category the role is within. */
    List<String> rules();

    /** The consequences a breach of them can lead to, "id (must|may)", in policy order. */
    List<String> consequences();

    /** The declared silence that covers a cell with rules and no consequence, when the policy declares one. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
    java.util.Optional<String> silence();
  }

  /** Whether any finding is an error. */
  default boolean hasErrors() {
    return findings().stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR);
  }
}
