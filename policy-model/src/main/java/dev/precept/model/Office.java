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
  /** A new builder of {@link Office}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Office}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableOffice.Builder {
    Builder() {}
  }

  /** Stable id ({@code ceo}). */
  String id();

  /** The office's title as the text uses it ("Chief Executive Officer", "Board of Directors"). */
  String title();

  /** The full title where a document needs it ("Board of Connect Academy Trust"). */
  Optional<String> formalTitle();

  /** What the office does under this policy. */
  Optional<String> description();

  /**
   * A title with "the" before it, unless it begins with one already: "the Chief Executive
   * Officer", and "the Council" for an office titled "the Council".
   */
  static String withArticle(String title) {
    return title.regionMatches(true, 0, "the ", 0, 4) ? "the " + title.substring(4) : "the " + title;
  }

  /** The title as the subject opening a sentence: "The Board of Directors", "The Council". */
  default String asSubject() {
    return "The " + withArticle(title()).substring(4);
  }

  /** The formal title where one is given, else the title. */
  default String formalOrTitle() {
    return formalTitle().orElse(title());
  }
}
