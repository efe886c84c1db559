package dev.precept.cli.internal;

import dev.precept.approval.ApprovalStatus;
import dev.precept.library.TrustLibrary;
import dev.precept.model.Overlay;
import dev.precept.model.Policy;
import dev.precept.render.SignatureBlock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The {@code --academy} option of render, pack and verify: an academy's policies from a trust's library folder. */
final class Academies {
  private Academies() {}

  /** One academy's policy, ready to render: the merged policy, the folder name and its signature block. */
  record AcademyPolicy(String academy, String folder, Overlay overlay, Policy master, Policy policy, Path overlayFile, TrustLibrary library) {}

  /**
   * The academy's policies (or every academy's, for {@code all}) in the library folder on a date.
   *
   * @throws UsageException when the folder is not a library or has no such academy
   */
  static List<AcademyPolicy> select(Path library, String academy, LocalDate date) {
    if (!Files.isDirectory(library)) {
      throw new UsageException("--academy needs the trust's library folder, not " + library);
    }
    return select(TrustLibrary.open(library), academy, date);
  }

  /**
   * The academy's policies (or every academy's, for {@code all}) in a library already read.
   *
   * @throws UsageException when the library has no such academy
   */
  static List<AcademyPolicy> select(TrustLibrary trust, String academy, LocalDate date) {
    Path library = trust.folder();
    List<String> names = "all".equals(academy) ? trust.academies() : List.of(academy);
    List<AcademyPolicy> out = new java.util.ArrayList<>();
    for (String name : names) {
      List<Overlay> overlays = trust.overlays(name);
      if (overlays.isEmpty()) {
        throw new UsageException("no academy '" + name + "' in " + library + "; its academies: "
            + String.join(", ", trust.academies()) + (trust.problems().isEmpty() ? "" : " (some files could not be read: run precept library)"));
      }
      for (Overlay overlay : overlays) {
        Path file = trust.fileOf(overlay).orElseThrow();
        Policy master = trust.masterFor(overlay, date);
        Policy policy = trust.academyPolicy(overlay, date);
        out.add(new AcademyPolicy(overlay.academy(), file.getParent().getFileName().toString(), overlay, master, policy, file, trust));
      }
    }
    return out;
  }

  /** The Board's approval of the master and the Local Governing Body's of the tailoring, as one block. */
  static SignatureBlock signatureBlock(AcademyPolicy academy) {
    TrustLibrary trust = academy.library();
    ApprovalStatus board = trust.masterApproval(academy.master());
    SignatureBlock master = SignatureBlock.of(board);
    if (academy.overlay().tailoring().isEmpty()) {
      return master;
    }
    ApprovalStatus local = trust.localApproval(academy.overlay(), academy.master());
    SignatureBlock tailoring = SignatureBlock.of(local);
    Optional<LocalDate> on = board.approved() && local.approved()
        ? master.approvedOn().flatMap(a -> tailoring.approvedOn().map(b -> a.isAfter(b) ? a : b)) : Optional.empty();
    return SignatureBlock.builder().approved(board.approved() && local.approved()).approvedOn(on)
        .addAllLines(master.lines()).addAllLines(tailoring.lines()).build();
  }
}
