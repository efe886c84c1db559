package dev.precept.library.internal;

import dev.precept.library.Edition;
import dev.precept.library.EditionApproval;
import dev.precept.library.LibraryPolicy;
import dev.precept.library.LoadProblem;
import dev.precept.approval.ApprovalRecord;
import dev.precept.approval.Keyring;
import dev.precept.model.Diagnostic;
import dev.precept.model.LocatedDocument;
import dev.precept.model.Overlay;
import dev.precept.model.OverlayLoader;
import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import dev.precept.model.PolicyException;
import dev.precept.model.PolicyLoader;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.ReadLimits;
import dev.precept.model.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads a library folder: every edition, its approval, its effective date and what supersedes it. */
public final class LibraryReader {
  private static final Pattern POLICY = Pattern.compile("(?m)^schemaVersion\\s*:");
  private static final Pattern SIDE_FILE = Pattern.compile(".*\\.(cases|approvals|keyring)\\.ya?ml");
  private static final int MAX_DEPTH = 6;

  private LibraryReader() {}

  /** What a folder holds. */
  public record Result(Map<String, LibraryPolicy> policies, List<OverlayFile> overlays, List<LoadProblem> problems) {}

  /** An academy's overlay read from {@code academies/<folder>/}, with its Local Governing Body's approval files. */
  public record OverlayFile(String academyFolder, Path file, Overlay overlay, LocalApprovals approvals) {}

  /** The signed records of a Local Governing Body's approvals beside an overlay, and the keys trusted to sign them. */
  public record LocalApprovals(List<ApprovalRecord> records, Keyring keyring) {}

  /** The folder of academies' overlays inside a library folder. */
  public static final String ACADEMIES = "academies";

  /** The policy edition files in a folder, in path order. */
  public static List<Path> editionFiles(Path folder) {
    try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
      return walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().matches(".*\\.ya?ml")
              && !SIDE_FILE.matcher(p.getFileName().toString()).matches() && !skipped(folder, p))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a file under the folder is in build output or a hidden folder, which the library leaves out. */
  public static boolean skipped(Path folder, Path file) {
    Path relative = folder.relativize(file);
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      String name = relative.getName(i).toString();
      if (name.equals("target") || name.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads the folder.
   *
   * @param previous editions read before, kept when their file's change is refused
   */
  public static Result read(Path folder, List<Edition> previous) {
    Map<Path, Edition> before = previous.stream().collect(Collectors.toMap(Edition::file, e -> e, (a, b) -> a));
    List<LoadProblem> problems = new ArrayList<>();
    List<Loaded> loaded = new ArrayList<>();
    Path academies = folder.resolve(ACADEMIES);
    List<OverlayFile> overlays = new ArrayList<>();
    for (Path file : editionFiles(folder)) {
      if (file.startsWith(academies)) {
        overlay(academies, file, problems).ifPresent(overlays::add);
        continue;
      }
      if (OverlayLoader.isOverlayFile(file)) {
        continue; // an overlay outside academies/ belongs to no academy
      }
      byte[] bytes;
      try {
        bytes = PolicyLoader.readFile(file, ReadLimits.STANDARD);
      } catch (PolicyException e) {
        problems.add(problem(file, e.getMessage(), e));
        keep(before.get(file), loaded);
        continue;
      }
      if (!POLICY.matcher(new String(bytes, StandardCharsets.UTF_8)).find()) {
        continue; // an incident, a roster, notes: not an edition
      }
      try {
        Policy policy = PolicyLoader.standard().parse(bytes, file.toString());
        loaded.add(new Loaded(file, policy));
      } catch (PolicyException e) {
        Edition kept = before.get(file);
        problems.add(problem(file, (e instanceof PolicyValidationException v ? "not a valid edition ("
            + v.diagnostics().size() + " problems: run precept validate)" : e.getMessage())
            + (kept == null ? "" : "; the edition read before, " + kept.version() + ", is kept"), e));
        keep(kept, loaded);
      }
    }
    Map<String, List<Loaded>> byId = new TreeMap<>();
    for (Loaded l : loaded) {
      byId.computeIfAbsent(l.policy().id(), k -> new ArrayList<>()).add(l);
    }
    Map<String, LibraryPolicy> policies = new LinkedHashMap<>();
    for (Map.Entry<String, List<Loaded>> entry : byId.entrySet()) {
      List<Policy> all = entry.getValue().stream().map(Loaded::policy).toList();
      List<Edition> editions = new ArrayList<>();
      for (Loaded l : entry.getValue()) {
        Edition fresh = l.kept().orElseGet(() -> edition(l, all, problems));
        Edition old = before.get(l.file());
        if (old != null && old.approval().approved() && !fresh.approval().approved() && !old.digest().equals(fresh.digest())) {
          problems.add(LoadProblem.builder().file(l.file()).message("changed, but the change is not approved ("
              + String.join("; ", fresh.approval().reasons()) + "); the approved edition " + old.version() + " ("
              + PolicyDigest.parse(old.digest()).shortForm() + ") is kept").build());
          fresh = old;
        }
        editions.add(fresh);
      }
      duplicates(editions, problems);
      editions.sort(Comparator.comparing(Edition::effective).thenComparing(Edition::version).thenComparing(Edition::file));
      policies.put(entry.getKey(), LibraryPolicy.builder().id(entry.getKey())
          .title(editions.get(editions.size() - 1).policy().metadata().title())
          .editions(superseded(editions)).build());
    }
    problems.sort(Comparator.comparing(LoadProblem::file));
    overlays.sort(Comparator.comparing((OverlayFile o) -> o.overlay().academy()).thenComparing(o -> o.file().toString()));
    return new Result(java.util.Collections.unmodifiableMap(policies), List.copyOf(overlays), List.copyOf(problems));
  }

  /** Reads an academy's overlay; a file that is not one is passed over, one that does not load is a problem. */
  private static Optional<OverlayFile> overlay(Path academies, Path file, List<LoadProblem> problems) {
    if (!OverlayLoader.isOverlayFile(file)) {
      return Optional.empty();
    }
    try {
      Overlay overlay = OverlayLoader.standard().load(file);
      return Optional.of(new OverlayFile(academies.relativize(file).getName(0).toString(), file, overlay,
          ApprovalReading.local(file, problems)));
    } catch (PolicyException e) {
      problems.add(problem(file, e instanceof PolicyValidationException v ? "not a valid overlay (" + v.diagnostics().size()
          + (v.diagnostics().size() == 1 ? " problem)" : " problems)") : e.getMessage(), e));
      return Optional.empty();
    }
  }

  private record Loaded(Path file, Policy policy, Optional<Edition> kept) {
    Loaded(Path file, Policy policy) {
      this(file, policy, Optional.empty());
    }
  }

  private static void keep(Edition kept, List<Loaded> loaded) {
    if (kept != null) {
      loaded.add(new Loaded(kept.file(), kept.policy(), Optional.of(kept)));
    }
  }

  private static Edition edition(Loaded l, List<Policy> all, List<LoadProblem> problems) {
    List<Policy> others = all.stream().filter(p -> p != l.policy()).toList();
    EditionApproval approval = ApprovalReading.read(l.file(), l.policy(), others, problems);
    LocalDate effective;
    String from;
    var dates = l.policy().metadata().dates();
    if (dates.effective().isPresent()) {
      effective = dates.effective().get();
      from = "its effective date";
    } else if (approval.approved() && approval.approvedOn().isPresent()) {
      effective = approval.approvedOn().get();
      from = "the date its approval was completed";
    } else if (approval.approved() && dates.approved().isPresent()) {
      effective = dates.approved().get();
      from = "its approval date";
    } else {
      effective = dates.drafted();
      from = "the date it was drafted";
    }
    return Edition.builder().file(l.file()).policy(l.policy()).digest(PolicyDigest.of(l.policy()).toString())
        .approval(approval).effective(effective).effectiveFrom(from).build();
  }

  /**
   * Two editions with one version: each file after the first (in path order) is reported at the line
   * of its {@code metadata.version}, where the clerk changes it.
   */
  private static void duplicates(List<Edition> editions, List<LoadProblem> problems) {
    Map<String, List<Edition>> byVersion = editions.stream().collect(Collectors.groupingBy(Edition::version, TreeMap::new, Collectors.toList()));
    byVersion.forEach((version, same) -> {
      for (Edition later : same.subList(1, same.size())) {
        String message = "version " + version + " of " + same.get(0).policyId() + " is also in " + same.get(0).file()
            + ": give each edition its own version";
        problems.add(LoadProblem.builder().file(later.file()).message(message)
            .problems(atVersion(later.file(), version, message)).build());
      }
    });
  }

  /** The problem located at the file's {@code metadata.version}; none when the file can no longer be read. */
  private static List<Diagnostic> atVersion(Path file, String version, String message) {
    try {
      LocatedDocument document = LocatedDocument.read(PolicyLoader.readFile(file, ReadLimits.STANDARD), file.toString(),
          ReadLimits.STANDARD);
      return List.of(document.diagnostic(Diagnostic.INCONSISTENT, "/metadata/version", version, message, null));
    } catch (PolicyException e) {
      return List.of();
    }
  }

  /** Marks each edition that a later approved edition replaces. */
  private static List<Edition> superseded(List<Edition> ordered) {
    List<Edition> out = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      Edition e = ordered.get(i);
      Optional<String> by = Optional.empty();
      for (int j = i + 1; j < ordered.size(); j++) {
        Edition later = ordered.get(j);
        if (later.approval().approved() && later.effective().isAfter(e.effective())
            || later.approval().approved() && !e.approval().approved()) {
          by = Optional.of(later.version());
          break;
        }
      }
      if (by.isEmpty() && e.policy().metadata().status() == Status.SUPERSEDED) {
        by = Optional.of("a later edition (its status says superseded)");
      }
      out.add(Edition.builder().from(e).supersededBy(by).build());
    }
    return out;
  }

  private static LoadProblem problem(Path file, String message, PolicyException e) {
    return LoadProblem.builder().file(file).message(message)
        .problems(e instanceof PolicyValidationException v ? v.diagnostics() : List.of()).build();
  }
}
