package dev.precept.model;

import org.apiguardian.api.API;
import dev.precept.model.internal.Canonical;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * The SHA-256 digest of a policy's canonical form (RFC 8785 JSON of the parsed model), written
 * {@code sha256:<hex>}: reformatting the YAML, reordering keys or editing comments leaves it
 * unchanged, any change of substance changes it. Rulings cite it and the Board signs it.
 *
 * <p>The record of approval itself (status, approval date, revision log) is not substance: marking
 * an edition approved, or logging a review with no change, keeps its digest and its approvals.
 */
@API(status = API.Status.STABLE, since = "0.1")
@Value.Immutable
public abstract class PolicyDigest {
  private static final Pattern FORM = Pattern.compile("sha256:[0-9a-f]{64}");

  PolicyDigest() {}

  /** The 64 lower-case hex digits of the SHA-256 value. */
  @Value.Parameter
  public abstract String hex();

  @Value.Check
  protected void check() {
    if (!FORM.matcher("sha256:" + hex()).matches()) {
      throw new PolicyException("not a SHA-256 digest: '" + hex() + "'");
    }
  }

  /**
   * The digest of this policy's canonical form. Computed once per policy object and remembered for
   * as long as the policy is in use (a policy is immutable, so its digest cannot change).
   */
  public static PolicyDigest of(Policy policy) {
    return KNOWN.computeIfAbsent(policy, p -> ImmutablePolicyDigest.of(HexFormat.of().formatHex(Canonical.sha256(p))));
  }

  private static final dev.precept.model.internal.IdentityCache<Policy, PolicyDigest> KNOWN =
      new dev.precept.model.internal.IdentityCache<>();

  /**
   * Reads {@code sha256:<64 hex digits>}.
   *
   * @throws PolicyException when the text is not in that form
   */
  public static PolicyDigest parse(String text) {
    if (text == null || !FORM.matcher(text).matches()) {
      throw new PolicyException("not a policy digest: '" + text + "' (expected sha256: and 64 hex digits)");
    }
    return ImmutablePolicyDigest.of(text.substring("sha256:".length()));
  }

  /** The first 12 hex digits, for footers and messages. */
  public String shortForm() {
    return hex().substring(0, 12);
  }

  @Override
  public String toString() {
    return "sha256:" + hex();
  }
}
