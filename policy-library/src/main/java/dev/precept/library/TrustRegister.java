package dev.precept.library;

import org.apiguardian.api.API;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.precept.model.PreceptStyle;
import dev.precept.model.Diagnostic;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The register of a trust's policies on a date: for every policy a line for the trust's master and
 * one for each academy that holds it. Get one from {@link TrustLibrary#register(LocalDate, java.time.Period)};
 * {@link RegisterPage} shows it.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Value.Immutable
@PreceptStyle
@JsonSerialize(as = ImmutableTrustRegister.class)
@JsonPropertyOrder({"trust", "date", "needsAction", "academies", "entries", "problems"})
public interface TrustRegister {
  /** A new builder of {@link TrustRegister}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TrustRegister}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableTrustRegister.Builder {
    Builder() {}
  }

  /** The trust's name, as its masters give it. */
  String trust();

  /** The date the register is for. */
  LocalDate date();

  /** Every academy with an overlay, by name, in order. */
  List<String> academies();

  /** Every line: per policy, the master first, then each academy. */
  List<RegisterEntry> entries();

  /** Files in the library that could not be read, located. */
  List<Diagnostic> problems();

  /** Whether something is overdue, needs attention, or could not be read: the CI gate. */
  @JsonProperty("needsAction")
  @Value.Derived
  default boolean needsAction() {
    return !problems().isEmpty() || entries().stream().anyMatch(e -> e.state().needsAction());
  }

  /** The line for a policy and an academy (empty academy: the master's line). */
  default Optional<RegisterEntry> entry(String policy, Optional<String> academy) {
    return entries().stream().filter(e -> e.policy().equals(policy) && e.academy().equals(academy)).findFirst();
  }
}
