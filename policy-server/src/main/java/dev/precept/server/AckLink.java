package dev.precept.server;

import org.apiguardian.api.API;

import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/** A personal, signed, single-use link for one person to acknowledge one edition of a policy. */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
@Value.Immutable
public interface AckLink {
  /** A new builder of {@link AckLink}. */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link AckLink}: set its parts, then {@code build()}. */
  final class Builder extends ImmutableAckLink.Builder {
    Builder() {}
  }

  /** The person's roster id. */
  String person();

  /** Their name. */
  String name();

  /** Their email, to send the link to. */
  String email();

  /** Their roles. */
  List<String> roles();

  /** The policy. */
  String policy();

  /** The edition's version. */
  String version();

  /** The edition's digest, which the link is bound to. */
  String digest();

  /** When the link stops working. */
  Instant expires();

  /** The link. */
  String url();
}
