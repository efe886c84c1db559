package dev.precept.library;

import org.apiguardian.api.API;

import dev.precept.approval.ApprovalRecord;
import dev.precept.approval.ApprovalStatus;
import dev.precept.approval.Approvals;
import dev.precept.approval.Decision;

import dev.precept.approval.ApprovalStatus.RecordCheck;
import dev.precept.approval.ApprovalStatus.SignatoryApproval;
import dev.precept.approval.Keyring;

import dev.precept.model.Overlay;
import dev.precept.model.Policy;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyValidationException;

import dev.precept.model.Signatory;
import dev.precept.model.Variation;

import java.security.PrivateKey;

import java.time.LocalDate;
import java.util.ArrayList;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An academy's Local Governing Body approving its tailoring of a master: records signed like the
 * Board's, but bound to the overlay's {@link Overlay#tailoringDigest(Policy) tailoring digest}, so
 * a new master edition that leaves the tailored clauses alone voids no local approval, and one
 * that changes them does. The signatories are those the master names under
 * {@code variation.localApproval}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class TailoringApproval {
  private TailoringApproval() {}

  /**
   * A signed record of the Local Governing Body's decision on the overlay's tailoring of this master.
   *
   * @throws PolicyException when the office does not sign academies' tailoring, or the key is not
   *     in the keyring for the office
   */
  public static ApprovalRecord sign(Overlay overlay, Policy master, PrivateKey key, String office, Keyring keyring,
      Decision decision, LocalDate date, Optional<String> minute) {
    List<String> offices = signatories(master).stream().map(Signatory::office).toList();
    if (!offices.contains(office)) {
      throw new PolicyException("office '" + office + "' does not sign academies' tailoring of " + master.id()
          + "; its local signatories are " + offices);
    }
    return Approvals.signDigest(master.id(), overlay.tailoringDigest(master).toString(), key, office, keyring, decision, date,
        minute, "add its public key to the academy's keyring before signing");
  }

  /**
   * Whether the academy's Local Governing Body approved exactly this tailoring of this master: every
   * local signatory has a genuine, approving record for the current tailoring digest.
   */
  public static ApprovalStatus verify(Overlay overlay, Policy master, List<ApprovalRecord> records, Keyring keyring) {
    String digest = overlay.tailoringDigest(master).toString();
    List<Signatory> signatories = signatories(master);
    List<ApprovalStatus.RecordCheck> checks = new ArrayList<>();
    for (ApprovalRecord record : records) {
      List<String> problems = new ArrayList<>();
      boolean valid = true;
      if (!record.policy().equals(master.id())) {
        problems.add("it is for policy '" + record.policy() + "', not '" + master.id() + "'");
        valid = false;
      }
      if (signatories.stream().noneMatch(s -> s.office().equals(record.office()))) {
        problems.add("office '" + record.office() + "' does not sign this academy's tailoring");
        valid = false;
      }
      Optional<Keyring.TrustedKey> key = keyring.byFingerprint(record.key());
      if (key.isEmpty()) {
        problems.add("its key " + record.key() + " is not in the academy's keyring");
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
        problems.add(0, "it approved another tailoring " + record.digest()
            + ": the overlay, or a master clause it tailors, has changed since");
      }
      checks.add(RecordCheck.builder().record(record).valid(valid).current(current).problems(problems).build());
    }
    List<String> reasons = new ArrayList<>();
    List<ApprovalStatus.SignatoryApproval> lines = new ArrayList<>();
    LocalDate approvedOn = null;
    if (signatories.isEmpty()) {
      reasons.add("master " + master.id() + " " + master.metadata().version() + " names no local approval (variation.localApproval)");
    }
    for (Signatory signatory : signatories) {
      String title = title(overlay, master, signatory.office());
      SignatoryApproval.Builder line = SignatoryApproval.builder().office(signatory.office()).title(title);
      Optional<ApprovalStatus.RecordCheck> latest = checks.stream()
          .filter(c -> c.valid() && c.current() && c.record().office().equals(signatory.office()))
          .max(Comparator.comparing((ApprovalStatus.RecordCheck c) -> c.record().date()).thenComparingInt(checks::indexOf));
      latest.ifPresent(c -> line.record(c.record()));
      if (latest.isPresent() && latest.get().record().decision().approves()) {
        LocalDate date = latest.get().record().date();
        approvedOn = approvedOn == null || date.isAfter(approvedOn) ? date : approvedOn;
      } else if (latest.isPresent()) {
        reasons.add(title + " requested changes on " + latest.get().record().date());
      } else {
        Optional<ApprovalStatus.RecordCheck> older = checks.stream()
            .filter(c -> c.valid() && !c.current() && c.record().office().equals(signatory.office())).reduce((a, b) -> b);
        reasons.add(older.map(c -> title + "'s approval of " + c.record().date() + " is for a tailoring that has changed since")
            .orElse(title + " has not approved this tailoring"));
      }
      lines.add(line.build());
    }
    boolean approved = reasons.isEmpty();
    return ApprovalStatus.builder()
        .digest(digest)
        .approved(approved)
        .records(checks)
        .reasons(reasons)
        .approvedOn(approved ? Optional.ofNullable(approvedOn) : Optional.empty())
        .signatories(lines)
        .build();
  }

  private static List<Signatory> signatories(Policy master) {
    return master.variation().flatMap(Variation::localApproval).map(Variation.LocalApproval::signatories).orElse(List.of());
  }

  private static String title(Overlay overlay, Policy master, String office) {
    try {
      return overlay.applyTo(master).office(office).map(o -> o.title()).orElse(office);
    } catch (PolicyValidationException e) {
      return master.office(office).map(o -> o.title()).orElse(office);
    }
  }
}
