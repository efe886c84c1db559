package dev.precept.approval;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Optional;

/**
 * What approval records are verified against: a digest, the offices that must approve it, and how
 * to speak of it. A policy edition is one subject (see {@link ApprovalCheck#verify(dev.precept.model.Policy, List, Keyring)});
 * an academy's tailoring of a master, approved by its Local Governing Body, is another. Every subject
 * goes through the same check, {@link ApprovalCheck#verify(ApprovalSubject, List, List, Keyring)}.
 */
@API(status = API.Status.STABLE, since = "0.2")
public interface ApprovalSubject {
  /** The policy id the records must name. */
  String policyId();

  /** The digest the records must be signed over, {@code sha256:...}. */
  String digest();

  /** The offices that must approve, in signing order. */
  List<String> offices();

  /** The title of an office, as messages and signature lines show it. */
  String title(String office);

  /** What an approval approves, in words: "this edition", "this tailoring". */
  String approves();

  /** Whose signatories these are, in words: "this policy", "this academy's tailoring". */
  String signatoriesOf();

  /**
   * Why a record signed over another digest no longer counts, in words: "an earlier edition
   * sha256:...; version 2016.1 to 2017.1".
   */
  String outOfDate(String otherDigest);

  /** Why nothing can approve the subject, when nothing can (no office signs it). */
  default Optional<String> unapprovable() {
    return Optional.empty();
  }
}
