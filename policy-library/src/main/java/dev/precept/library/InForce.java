package dev.precept.library;

import org.apiguardian.api.API;

import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Which edition of a policy was in force on a date, and why: the answer is data, including when no
 * edition was (an unknown policy, a date before the first edition, nothing approved).
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Value.Immutable
public interface InForce {
  /** A new builder of {@link InForce}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link InForce}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableInForce.Builder {
    Builder() {}
  }

  /** The policy asked about. */
  String policyId();

  /** The date asked about. */
  LocalDate date();

  /** The edition in force on the date; empty when none was. */
  Optional<Edition> edition();

  /**
   * Why: which edition and from when, or why none ("2016-05-01 is before the first edition of
   * cat-social-media, 2016.1, in force from 2016-10-12").
   */
  String reason();

  /** Whether the edition in force is a draft (only when drafts were allowed). */
  @Value.Derived
  default boolean draft() {
    return edition().map(e -> !e.approval().approved()).orElse(false);
  }
}
