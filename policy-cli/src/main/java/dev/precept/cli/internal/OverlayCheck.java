package dev.precept.cli.internal;

import dev.precept.library.TrustLibrary;
import dev.precept.model.Diagnostic;
import dev.precept.model.Overlay;
import dev.precept.model.Policy;
import dev.precept.model.PolicyValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether an academy's overlay applies: read from its trust's library folder
 * ({@code academies/<academy>/<name>.overlay.yaml}) as {@code precept library} reads it, and applied
 * to the master edition it is made from on the date, so every problem is reported located in the
 * overlay. Tailored clauses changed underneath it are review work for the register, not checked here.
 */
final class OverlayCheck {
  /** An overlay that applies: the overlay, the master edition it was applied to and the academy's policy. */
  record Checked(Overlay overlay, Policy master, Policy policy) {}

  private final LocalDate date;
  private final Map<Path, TrustLibrary> libraries = new HashMap<>();

  OverlayCheck(LocalDate date) {
    this.date = date;
  }

  /** Whether a file is an overlay by its name, as the library reads overlays. */
  static boolean isOverlay(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().matches(".*\\.overlay\\.ya?ml");
  }

  /**
   * The overlay applied to its master.
   *
   * @throws PolicyValidationException with every problem found, located in the overlay (or in the
   *     master, when the master edition it names cannot be read)
   */
  Checked check(Path file) {
    Inputs.existing(file);
    Path academy = file.toAbsolutePath().normalize().getParent();
    Path academies = academy == null ? null : academy.getParent();
    if (academies == null || academies.getFileName() == null || !academies.getFileName().toString().equals("academies")
        || !Files.isDirectory(academies)) {
      throw refused(file, "an overlay is checked against its master: keep it in the trust's library folder as academies/<academy>/"
          + file.getFileName(), "then run 'precept validate' on it, or on the library folder");
    }
    Path root = libraryRoot(file);
    TrustLibrary trust = libraries.computeIfAbsent(root.toAbsolutePath().normalize(), r -> TrustLibrary.open(root));
    Path wanted = file.toAbsolutePath().normalize();
    for (String name : trust.academies()) {
      for (Overlay overlay : trust.overlays(name)) {
        if (trust.fileOf(overlay).map(f -> f.toAbsolutePath().normalize().equals(wanted)).orElse(false)) {
          Policy master = trust.masterFor(overlay, date);
          return new Checked(overlay, master, trust.academyPolicy(overlay, date));
        }
      }
    }
    List<Diagnostic> problems = trust.problems().stream()
        .filter(d -> Path.of(d.source()).toAbsolutePath().normalize().equals(wanted)).toList();
    if (!problems.isEmpty()) {
      throw new PolicyValidationException(problems);
    }
    throw refused(file, "the trust's library at " + root + " did not read this overlay", "run 'precept library " + root
        + "' to see what it could not read");
  }

  /**
   * The problems the library read in a folder finds with one of its policy files beyond the file
   * itself, such as two editions of a policy with one version, as {@code precept library} reports them.
   */
  List<Diagnostic> libraryProblems(Path folder, Path file) {
    TrustLibrary trust = libraries.computeIfAbsent(folder.toAbsolutePath().normalize(), r -> TrustLibrary.open(folder));
    Path wanted = file.toAbsolutePath().normalize();
    return trust.problems().stream().filter(d -> Path.of(d.source()).toAbsolutePath().normalize().equals(wanted)).toList();
  }

  /** The library folder, spelt as the overlay's path was given so that problems name files the same way. */
  private static Path libraryRoot(Path file) {
    Path academies = file.getParent() == null ? null : file.getParent().getParent();
    Path root = academies == null ? null : academies.getParent();
    return root != null ? root : academies != null ? Path.of(".") : file.toAbsolutePath().normalize().getParent().getParent().getParent();
  }

  private static PolicyValidationException refused(Path file, String message, String hint) {
    return new PolicyValidationException(List.of(Diagnostic.builder().code(Diagnostic.INCONSISTENT).source(Inputs.name(file))
        .line(1).column(1).pointer("").message(message).hint(hint).build()));
  }
}
