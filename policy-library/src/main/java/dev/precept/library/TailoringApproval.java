package dev.precept.library;

import org.apiguardian.api.API;

import dev.precept.approval.ApprovalCheck;
import dev.precept.approval.ApprovalRecord;
import dev.precept.approval.ApprovalStatus;
import dev.precept.approval.ApprovalSubject;
import dev.precept.approval.Approvals;
import dev.precept.approval.Decision;
import dev.precept.approval.Keyring;
import dev.precept.model.Overlay;
import dev.precept.model.Policy;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.Signatory;
import dev.precept.model.Variation;

import java.security.PrivateKey;
import java.time.LocalDate;
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
   * local signatory has a genuine, approving record for the current tailoring digest. The same
   * check as a policy edition's ({@link ApprovalCheck}), over the tailoring digest.
   */
  public static ApprovalStatus verify(Overlay overlay, Policy master, List<ApprovalRecord> records, Keyring keyring) {
    return ApprovalCheck.verify(subject(overlay, master), records, List.of(), keyring);
  }

  /** The academy's tailoring of a master as the subject of its Local Governing Body's approval. */
  static ApprovalSubject subject(Overlay overlay, Policy master) {
    String digest = overlay.tailoringDigest(master).toString();
    List<String> offices = signatories(master).stream().map(Signatory::office).toList();
    return new ApprovalSubject() {
      @Override
      public String policyId() {
        return master.id();
      }

      @Override
      public String digest() {
        return digest;
      }

      @Override
      public List<String> offices() {
        return offices;
      }

      @Override
      public String title(String office) {
        return TailoringApproval.title(overlay, master, office);
      }

      @Override
      public String approves() {
        return "this tailoring";
      }

      @Override
      public String signatoriesOf() {
        return "this academy's tailoring";
      }

      @Override
      public String outOfDate(String otherDigest) {
        return "another tailoring " + otherDigest + ": the overlay, or a master clause it tailors, has changed since";
      }

      @Override
      public Optional<String> unapprovable() {
        return offices.isEmpty()
            ? Optional.of("master " + master.id() + " " + master.metadata().version() + " names no local approval (variation.localApproval)")
            : Optional.empty();
      }
    };
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
