package dev.precept.cli.internal;

import dev.precept.library.Edition;
import dev.precept.library.LibraryPolicy;
import dev.precept.library.LoadProblem;
import dev.precept.library.PolicyLibrary;
import dev.precept.library.RegisterEntry;
import dev.precept.library.TrustLibrary;
import dev.precept.library.TrustRegister;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code precept due [DIR] [--within 60d]}: which policies are due or overdue for review. Reads the
 * folder as a policy library, so a superseded edition is never due; a review falls due by the
 * statutory cycle where the policy declares a stricter one; and in a trust's library each academy's
 * document is listed too, due with its master, or needing attention when its overlay no longer applies.
 */
@Command(name = "due", description = "List the policies in a folder that are due or overdue for review, and each academy's document "
    + "in a trust's library; exit 1 when any is overdue or an academy's overlay no longer applies.",
    mixinStandardHelpOptions = true)
public final class DueCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".", description = "The folder to look in (default: the current one).")
  Path folder;

  @Option(names = "--within", defaultValue = "60d", description = "Also list policies due within this time: 60d, 8w, 3m, 1y or an ISO period (default: ${DEFAULT-VALUE}).")
  String within;

  @Option(names = "--today", paramLabel = "YYYY-MM-DD", description = "The date to count from (default: today).")
  LocalDate today;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  static Period period(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("p")) {
        return Period.parse(t.toUpperCase(Locale.ROOT));
      }
      int n = Integer.parseInt(t.substring(0, t.length() - 1));
      return switch (t.charAt(t.length() - 1)) {
        case 'd' -> Period.ofDays(n);
        case 'w' -> Period.ofWeeks(n);
        case 'm' -> Period.ofMonths(n);
        case 'y' -> Period.ofYears(n);
        default -> throw new NumberFormatException(t);
      };
    } catch (RuntimeException e) {
      throw new UsageException("--within '" + text + "' is not a period: use 60d, 8w, 3m, 1y or an ISO period like P60D");
    }
  }

  @Override
  public Integer call() {
    if (!Files.isDirectory(folder)) {
      throw new UsageException(folder + ": no such folder");
    }
    Period window = period(within);
    LocalDate now = today == null ? LocalDate.now() : today;
    PolicyLibrary library = PolicyLibrary.open(folder);
    List<Map<String, Object>> rows = new ArrayList<>();
    int overdue = 0;
    for (LibraryPolicy policy : library.policies()) {
      for (Edition edition : policy.editions()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", edition.file().toString());
        row.put("title", edition.policy().metadata().title());
        row.put("version", edition.version());
        if (edition.superseded()) {
          row.put("status", "superseded");
          row.put("supersededBy", edition.supersededBy().orElseThrow());
        } else if (edition.reviewDue().isEmpty()) {
          Optional<LocalDate> approvalDue = edition.policy().metadata().approval().due();
          if (approvalDue.isPresent() && approvalDue.get().isBefore(now)) {
            // An approval past the date the body was to approve it by is overdue, not merely awaited.
            row.put("status", "APPROVAL OVERDUE");
            row.put("approvalDue", approvalDue.get().toString());
            overdue++;
          } else {
            row.put("status", "awaiting approval");
          }
        } else {
          LocalDate due = edition.reviewDue().get();
          row.put("approved", edition.lastApproved().orElseThrow().toString());
          row.put("due", due.toString());
          edition.policy().metadata().statutoryReview().ifPresent(statutory -> {
            row.put("statutory", statutory.words());
            row.put("statutorySource", statutory.source());
            row.put("dueByStatute", edition.reviewDueByStatute());
          });
          if (due.isBefore(now)) {
            row.put("status", "OVERDUE");
            overdue++;
          } else if (!due.isAfter(now.plus(window))) {
            row.put("status", "due");
          } else {
            row.put("status", "not yet due");
          }
        }
        rows.add(row);
      }
    }
    for (LoadProblem problem : library.problems()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("file", problem.file().toString());
      row.put("status", "invalid");
      row.put("problem", problem.message());
      rows.add(row);
    }
    rows.sort(Comparator.comparing(r -> (String) r.get("file")));
    // Each academy's document, as the register shows it: due with its master, or needing attention.
    TrustLibrary trust = library.trust();
    TrustRegister register = trust.register(now, window);
    int attention = 0;
    for (RegisterEntry entry : register.entries()) {
      if (entry.academy().isEmpty()) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("file", entry.file());
      row.put("title", entry.title());
      row.put("academy", entry.academy().get());
      entry.edition().ifPresent(v -> row.put("version", v));
      boolean masterInForce = register.entry(entry.policy(), Optional.empty()).flatMap(RegisterEntry::edition).isPresent();
      entry.nextReview().ifPresent(d -> row.put(masterInForce ? "due" : "approvalDue", d.toString()));
      entry.statutoryCycle().ifPresent(c -> row.put("statutory", c));
      switch (entry.state()) {
        case OVERDUE -> {
          row.put("status", masterInForce ? "OVERDUE" : "APPROVAL OVERDUE");
          overdue++;
        }
        case ATTENTION -> {
          row.put("status", "ATTENTION");
          row.put("problem", String.join("; ", entry.attention()));
          attention++;
        }
        case DUE -> row.put("status", "due");
        case AWAITING_APPROVAL -> row.put("status", "awaiting approval");
        case IN_FORCE -> row.put("status", "not yet due");
        default -> throw new IllegalStateException(entry.state().toString());
      }
      rows.add(row);
    }
    for (var problem : register.problems().subList(trust.problems().size(), register.problems().size())) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("file", problem.source());
      row.put("status", "ATTENTION");
      row.put("problem", problem.describe());
      rows.add(row);
      attention++;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("today", now.toString());
      json.put("within", window.toString());
      json.put("policies", rows);
      json.put("overdue", overdue);
      json.put("attention", attention);
      out.println(CliJson.write(json));
    } else {
      out.printf("Policies in %s on %s (due within %s):%n", folder, now, words(window));
      for (Map<String, Object> row : rows) {
        String about = !row.containsKey("title") ? ""
            : " (" + row.get("title") + (row.containsKey("academy") ? ", " + row.get("academy") : "")
                + (!row.containsKey("version") ? "" : (row.containsKey("academy") ? " on master" : ",") + " version " + row.get("version"))
                + ")";
        String approved = row.containsKey("approved") ? "approved " + row.get("approved") : "";
        String statutory = row.containsKey("statutory") ? "statutory: " + row.get("statutory")
            + (row.containsKey("statutorySource") ? ", " + row.get("statutorySource") : "") : "";
        String note = String.join("; ", java.util.stream.Stream.of(approved, statutory).filter(x -> !x.isEmpty()).toList());
        out.printf("  %-18s %s%s%s%s%s%n", row.get("status"), row.get("file"), about,
            row.containsKey("due") ? ", review due " + row.get("due") + (note.isEmpty() ? "" : " (" + note + ")")
                : row.containsKey("approvalDue") ? ", approval due " + row.get("approvalDue") : "",
            row.containsKey("supersededBy") ? ", superseded by " + row.get("supersededBy") : "",
            row.containsKey("problem") ? ": " + row.get("problem") : "");
      }
      out.println((overdue == 0 ? "none overdue" : overdue + " overdue")
          + (attention == 0 ? "" : "; " + attention + (attention == 1 ? " overlay needs" : " overlays need") + " attention"));
    }
    out.flush();
    return overdue == 0 && attention == 0 ? ExitCode.OK : ExitCode.INVALID;
  }

  /** A period as people say it: "60 days", "1 year and 6 months", not "P60D". */
  static String words(Period period) {
    return dev.precept.model.Wording.period(period);
  }
}
