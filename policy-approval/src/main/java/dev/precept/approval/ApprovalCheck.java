package dev.precept.approval;

import org.apiguardian.api.API;

import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import dev.precept.model.Signatory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Checks a policy's approval records: the policy is approved only when every signatory it
 * declares has a genuine, approving record for its current digest. Anything doubtful counts
 * against approval (a key not in the keyring, a signature that does not verify, a record for
 * another edition): it fails closed. Records signed with a passkey are held to the same rules (see
 * {@link Passkeys}).
 *
 * <pre>{@code
 * ApprovalStatus status = ApprovalCheck.verify(policy, records, keyring);
 * status.reasons().forEach(System.out::println);
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.2")
public final class ApprovalCheck {
  private ApprovalCheck() {}

  /** Verifies the records against the policy and the keyring. */
  public static ApprovalStatus verify(Policy policy, List<ApprovalRecord> records, Keyring keyring) {
    return verify(policy, records, keyring, List.of(), ApprovalCheck::versions);
  }

  /**
   * Verifies the records against the policy and the keyring, saying of an out-of-date approval
   * what changed since the edition it was for.
   *
   * @param otherEditions earlier editions, to say what changed since an out-of-date approval
   * @param changesSince how to describe what changed from an earlier edition to this one (the
   *     review module's {@code PolicyDiff::describeSince}); the versions alone when not given
   */
  public static ApprovalStatus verify(Policy policy, List<ApprovalRecord> records, Keyring keyring, List<Policy> otherEditions,
      BiFunction<Policy, Policy, String> changesSince) {
    return verify(policy, records, List.of(), keyring, otherEditions, changesSince);
  }

  /**
   * Verifies signed records and minuted approvals: an office with no valid signed record for this
   * edition is approved by a valid minuted approval (for this policy, a signatory office, and this
   * exact digest), shown as minuted, not signed.
   */
  public static ApprovalStatus verify(Policy policy, List<ApprovalRecord> records, List<MinutedApproval> minuted, Keyring keyring,
      List<Policy> otherEditions, BiFunction<Policy, Policy, String> changesSince) {
    String digest = PolicyDigest.of(policy).toString();
    List<ApprovalStatus.MinutedCheck> minutedChecks = new ArrayList<>();
    for (MinutedApproval approval : minuted) {
      minutedChecks.add(checkMinuted(policy, digest, approval, otherEditions, changesSince));
    }
    List<ApprovalStatus.RecordCheck> checks = new ArrayList<>();
    for (ApprovalRecord record : records) {
      checks.add(check(policy, digest, record, keyring, otherEditions, changesSince));
    }
    List<ApprovalStatus.SignatoryApproval> signatories = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    LocalDate approvedOn = null;
    for (Signatory signatory : policy.metadata().signatories()) {
      String title = policy.office(signatory.office()).map(o -> o.title()).orElse(signatory.office());
      ApprovalStatus.SignatoryApproval.Builder line = ApprovalStatus.SignatoryApproval.builder().office(signatory.office()).title(title);
      Optional<ApprovalStatus.RecordCheck> latest = checks.stream()
          .filter(c -> c.valid() && c.current() && c.record().office().equals(signatory.office()))
          .max(Comparator.comparing((ApprovalStatus.RecordCheck c) -> c.record().date()).thenComparingInt(checks::indexOf));
      latest.ifPresent(c -> line.record(c.record()));
      Optional<MinutedApproval> minute = latest.isPresent() ? Optional.empty() : minutedChecks.stream()
          .filter(c -> c.valid() && c.minuted().office().equals(signatory.office()))
          .map(ApprovalStatus.MinutedCheck::minuted)
          .max(Comparator.comparing(MinutedApproval::date));
      minute.ifPresent(line::minuted);
      if (latest.isPresent() && latest.get().record().decision().approves()) {
        ApprovalRecord record = latest.get().record();
        approvedOn = approvedOn == null || record.date().isAfter(approvedOn) ? record.date() : approvedOn;
      } else if (minute.isPresent()) {
        approvedOn = approvedOn == null || minute.get().date().isAfter(approvedOn) ? minute.get().date() : approvedOn;
      } else if (latest.isPresent()) {
        reasons.add(title + " requested changes on " + latest.get().record().date());
      } else {
        reasons.add(missing(title, signatory.office(), checks, minutedChecks));
      }
      signatories.add(line.build());
    }
    boolean approved = reasons.isEmpty();
    return ApprovalStatus.builder()
        .digest(digest)
        .approved(approved)
        .records(checks)
        .minuted(minutedChecks)
        .reasons(reasons)
        .approvedOn(approved ? Optional.ofNullable(approvedOn) : Optional.empty())
        .signatories(signatories)
        .build();
  }

  private static ApprovalStatus.MinutedCheck checkMinuted(Policy policy, String digest, MinutedApproval minuted,
      List<Policy> otherEditions, BiFunction<Policy, Policy, String> changesSince) {
    List<String> problems = new ArrayList<>();
    if (!minuted.policy().equals(policy.id())) {
      problems.add("it is for policy '" + minuted.policy() + "', not '" + policy.id() + "'");
    }
    if (policy.metadata().signatories().stream().noneMatch(s -> s.office().equals(minuted.office()))) {
      problems.add("office '" + minuted.office() + "' is not a signatory of this policy");
    }
    if (!minuted.digest().equals(digest)) {
      problems.add("it is for an earlier edition " + minuted.digest() + "; " + changedSince(minuted.digest(), policy, otherEditions, changesSince));
    }
    return ApprovalStatus.MinutedCheck.builder().minuted(minuted).valid(problems.isEmpty()).problems(problems).build();
  }

  private static String missing(String title, String office, List<ApprovalStatus.RecordCheck> checks,
      List<ApprovalStatus.MinutedCheck> minuted) {
    Optional<ApprovalStatus.MinutedCheck> refused = minuted.stream()
        .filter(c -> !c.valid() && c.minuted().office().equals(office)).reduce((a, b) -> b);
    if (refused.isPresent() && checks.stream().noneMatch(c -> c.record().office().equals(office))) {
      return title + "'s minuted approval does not count: " + String.join("; ", refused.get().problems());
    }
    Optional<ApprovalStatus.RecordCheck> older = checks.stream()
        .filter(c -> c.valid() && !c.current() && c.record().office().equals(office) && c.record().decision().approves())
        .reduce((a, b) -> b);
    if (older.isPresent()) {
      return title + "'s approval is for " + older.get().problems().get(0);
    }
    Optional<ApprovalStatus.RecordCheck> invalid = checks.stream()
        .filter(c -> !c.valid() && c.record().office().equals(office)).reduce((a, b) -> b);
    if (invalid.isPresent()) {
      return title + "'s approval does not count: " + String.join("; ", invalid.get().problems());
    }
    return title + " has not approved this edition";
  }

  private static ApprovalStatus.RecordCheck check(Policy policy, String digest, ApprovalRecord record, Keyring keyring,
      List<Policy> otherEditions, BiFunction<Policy, Policy, String> changesSince) {
    List<String> problems = new ArrayList<>();
    boolean valid = true;
    if (!record.policy().equals(policy.id())) {
      problems.add("it is for policy '" + record.policy() + "', not '" + policy.id() + "'");
      valid = false;
    }
    if (policy.metadata().signatories().stream().noneMatch(s -> s.office().equals(record.office()))) {
      problems.add("office '" + record.office() + "' is not a signatory of this policy");
      valid = false;
    }
    Optional<Keyring.TrustedKey> key = keyring.byFingerprint(record.key());
    if (record.passkey().isPresent()) {
      valid &= passkeyHolds(record, keyring, problems);
    } else if (key.isEmpty()) {
      problems.add("its key " + record.key() + " is not in the keyring");
      valid = false;
    } else if (!key.get().office().equals(record.office())) {
      problems.add("its key is trusted for office '" + key.get().office() + "', not '" + record.office() + "'");
      valid = false;
    } else if (!Approvals.signatureVerifies(record, key.get())) {
      problems.add("its signature does not verify: the record was changed after signing, or the signature is corrupt");
      valid = false;
    }
    boolean current = record.digest().equals(digest);
    if (!current) {
      problems.add(0, "an earlier edition " + record.digest() + "; " + changedSince(record.digest(), policy, otherEditions, changesSince));
    }
    return ApprovalStatus.RecordCheck.builder().record(record).valid(valid).current(current).problems(problems).build();
  }

  private static boolean passkeyHolds(ApprovalRecord record, Keyring keyring, List<String> problems) {
    String credential = record.passkey().orElseThrow().credentialId();
    Optional<Keyring.TrustedPasskey> passkey = keyring.passkeyByCredentialId(credential);
    if (passkey.isEmpty()) {
      problems.add("its passkey (credential " + Passkeys.shortCredential(credential) + ") is not in the keyring");
      return false;
    }
    if (!passkey.get().office().equals(record.office())) {
      problems.add("its passkey is trusted for office '" + passkey.get().office() + "', not '" + record.office() + "'");
      return false;
    }
    List<String> found = Passkeys.problems(record, passkey.get());
    problems.addAll(found);
    return found.isEmpty();
  }

  private static String changedSince(String digest, Policy policy, List<Policy> otherEditions,
      BiFunction<Policy, Policy, String> changesSince) {
    for (Policy other : otherEditions) {
      if (PolicyDigest.of(other).toString().equals(digest)) {
        return changesSince.apply(other, policy);
      }
    }
    return "that edition is not at hand, so what changed since cannot be shown";
  }

  /** What changed, said with the versions alone: "version 2016.1 to 2017.1". */
  public static String versions(Policy earlier, Policy current) {
    return "version " + earlier.metadata().version() + " to " + current.metadata().version();
  }
}
