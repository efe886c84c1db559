package dev.precept.model;

import org.apiguardian.api.API;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** An office that acts under the policy: grants permission, receives reports, approves or signs. */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
@JsonSerialize(as = ImmutableOffice.class)
@JsonDeserialize(as = ImmutableOffice.class)
@JsonPropertyOrder({"id", "title", "formalTitle", "description"})
public interface Office {
  /** Stable id ({@code ceo}). */
  String id();

  /** The office's title as the text uses it ("Chief Executive Officer", "Board of Directors"). */
  String title();

  /** The full title where a document needs it ("Board of Connect Academy Trust"). */
  Optional<String> formalTitle();

  /** What the office does under this policy. */
  Optional<String> description();

  /** The formal title where one is given, else the title. */
  default String formalOrTitle() {
    return formalTitle().orElse(title());
  }
}
