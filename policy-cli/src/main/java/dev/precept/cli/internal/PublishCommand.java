package dev.precept.cli.internal;

import dev.precept.library.RegisterEntry;
import dev.precept.library.TrustLibrary;
import dev.precept.library.TrustRegister;
import dev.precept.model.Overlay;
import dev.precept.model.Policy;
import dev.precept.model.Variation;
import dev.precept.render.DocumentRenderer;
import dev.precept.render.PolicySite;
import dev.precept.render.PublishedPolicy;
import dev.precept.render.SignatureBlock;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept publish LIBRARY --out SITE}: a static website of the policies in force. */
@Command(name = "publish", description = "Write a static website of the policies in force: an index (per academy where a policy has "
    + "academy overlays) with each policy's edition, approval and next review, and each document in HTML with its PDF beside it. "
    + "Editions not approved are left out, and listed. The site is put in place whole or not at all.",
    mixinStandardHelpOptions = true)
public final class PublishCommand implements Callable<Integer> {
  /** Whether progress is shown: on a terminal only, so a pipe or a log gets the summary alone. */
  static BooleanSupplier terminal = () -> System.console() != null;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LIBRARY", description = "The trust's library folder (policies/ and academies/), or a folder of policies.")
  Path folder;

  @Option(names = "--out", required = true, paramLabel = "SITE", description = "The folder to write the site into: a new or empty folder, or a site published before (replaced).")
  Path out;

  @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "Publish the policies in force on this date (default: today).")
  LocalDate on;

  @Option(names = "--allow-drafts", description = "Also publish a policy that has no approved edition in force, marked DRAFT (to preview the site).")
  boolean allowDrafts;

  @Option(names = "--force", description = "Replace SITE even when it holds files that are not a site published before (everything in it is removed).")
  boolean force;

  @Option(names = "--templates", paramLabel = "DIR", description = "A folder of your own document templates, style sheet and fonts.")
  Path templates;

  @Override
  public Integer call() {
    if (!Files.isDirectory(folder)) {
      throw new UsageException(folder + ": no such folder");
    }
    if (templates != null && !Files.isDirectory(templates)) {
      throw new UsageException(templates + ": no such folder");
    }
    SiteFolder.checkTarget(out, folder, force);
    PrintWriter err = spec.commandLine().getErr();
    TrustLibrary library = TrustLibrary.open(folder);
    if (!library.problems().isEmpty()) {
      library.problems().forEach(p -> err.println(p.describe()));
      err.println("precept: " + library.problems().size() + " file(s) in " + folder + " cannot be read; nothing published");
      return ExitCode.INVALID;
    }
    LocalDate date = on == null ? LocalDate.now() : on;
    TrustRegister register = library.register(date, Period.ZERO);
    List<PublishedPolicy> published = new ArrayList<>();
    List<String> left = new ArrayList<>();
    gather(library, register, date, published, left);
    left.forEach(reason -> err.println("precept: not published: " + reason));
    if (published.isEmpty()) {
      err.println("precept: no policy has an approved edition in force on " + date + "; nothing published"
          + (allowDrafts ? "" : " (--allow-drafts publishes drafts, marked DRAFT)"));
      return ExitCode.INVALID;
    }
    DocumentRenderer renderer = templates == null ? DocumentRenderer.standard() : DocumentRenderer.withTemplates(templates);
    boolean showProgress = terminal.getAsBoolean();
    SortedMap<String, byte[]> files = PolicySite.of(renderer).files(register.trust(), date, published, line -> {
      if (showProgress) {
        err.println("rendering " + line);
        err.flush();
      }
    });
    SiteFolder.replace(out, files);
    long drafts = published.stream().filter(PublishedPolicy::draft).count();
    long academies = published.stream().flatMap(p -> p.academy().stream()).distinct().count();
    PrintWriter printer = spec.commandLine().getOut();
    printer.println("published " + published.size() + (published.size() == 1 ? " policy" : " policies")
        + (academies == 0 ? "" : " for " + academies + (academies == 1 ? " academy" : " academies"))
        + (drafts == 0 ? "" : " (" + drafts + " marked DRAFT)") + ", in force on " + date
        + (left.isEmpty() ? "" : "; " + left.size() + " not published (see above)") + ": " + out.resolve("index.html"));
    return ExitCode.OK;
  }

  /**
   * The policies to publish: a policy with academy overlays once per academy, any other once for the
   * trust; the edition in force on the date, or (with --allow-drafts) the latest draft when none is.
   */
  private void gather(TrustLibrary library, TrustRegister register, LocalDate date, List<PublishedPolicy> published, List<String> left) {
    Set<String> overlaid = new LinkedHashSet<>();
    for (String academy : library.academies()) {
      library.overlays(academy).stream().map(Overlay::master).forEach(m -> overlaid.add(m.policy()));
    }
    Set<String> ids = new LinkedHashSet<>();
    library.masterEditions().forEach(p -> ids.add(p.id()));
    for (String id : ids) {
      if (overlaid.contains(id)) {
        continue;
      }
      Optional<RegisterEntry> entry = entry(register, id, Optional.empty());
      Optional<Policy> inForce = library.masterInForce(id, date);
      Policy policy = inForce.orElseGet(() -> library.masterEditions().stream().filter(p -> p.id().equals(id)).reduce((a, b) -> b).orElseThrow());
      if (forAcademies(policy)) {
        left.add(policy.metadata().title() + " (" + id + "): a master for academies (its text has variables each academy's overlay sets), "
            + "and no academy overlays it");
        continue;
      }
      SignatureBlock signatures = SignatureBlock.of(library.masterApproval(policy));
      if (inForce.isPresent() || allowDrafts) {
        published.add(PublishedPolicy.builder().policy(policy).signatures(signatures)
            .nextReview(entry.flatMap(RegisterEntry::nextReview)).build());
      } else {
        left.add(policy.metadata().title() + " (" + id + "): " + entry.map(RegisterEntry::status).orElse("no approved edition in force"));
      }
    }
    if (library.academies().isEmpty()) {
      return;
    }
    for (Academies.AcademyPolicy academy : Academies.select(library, "all", date)) {
      SignatureBlock signatures = Academies.signatureBlock(academy);
      Optional<RegisterEntry> entry = entry(register, academy.master().id(), Optional.of(academy.academy()));
      if (signatures.approved() || allowDrafts) {
        Optional<String> localBody = academy.overlay().tailoring().isEmpty() ? Optional.empty()
            : academy.master().variation().flatMap(Variation::localApproval).map(Variation.LocalApproval::body);
        published.add(PublishedPolicy.builder().academy(academy.academy()).policy(academy.policy()).signatures(signatures)
            .localBody(localBody).nextReview(entry.flatMap(RegisterEntry::nextReview)).build());
      } else {
        left.add(academy.academy() + ": " + academy.policy().metadata().title() + " (" + academy.master().id() + "): "
            + entry.map(RegisterEntry::status).orElse("not approved"));
      }
    }
  }

  /** Whether the policy is a master whose text needs values only an academy's overlay gives. */
  private static boolean forAcademies(Policy policy) {
    return policy.variation().map(v -> v.variables().stream().anyMatch(x -> x.defaultValue().isEmpty())).orElse(false);
  }

  private static Optional<RegisterEntry> entry(TrustRegister register, String policy, Optional<String> academy) {
    return register.entries().stream().filter(e -> e.policy().equals(policy) && e.academy().equals(academy)).findFirst();
  }
}
