package dev.precept.cli.internal;

import dev.precept.library.Edition;
import dev.precept.library.LibraryPolicy;
import dev.precept.library.LoadProblem;
import dev.precept.library.PolicyLibrary;
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
 * folder as a policy library, so an edition a later approved one supersedes is never due.
 */
@Command(name = "due", description = "List the policies in a folder that are due or overdue for review; exit 1 when any is overdue.",
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
    PrintWriter out = spec.commandLine().getOut();
    if (format == OutputFormat.json) {
      out.println(CliJson.write(Map.of("today", now.toString(), "within", window.toString(), "policies", rows, "overdue", overdue)));
    } else {
      out.printf("Policies in %s on %s (due within %s):%n", folder, now, words(window));
      for (Map<String, Object> row : rows) {
        out.printf("  %-18s %s%s%s%s%s%n", row.get("status"), row.get("file"),
            row.containsKey("version") ? " (" + row.get("title") + ", version " + row.get("version") + ")" : "",
            row.containsKey("due") ? ", review due " + row.get("due") + " (approved " + row.get("approved") + ")"
                : row.containsKey("approvalDue") ? ", approval due " + row.get("approvalDue") : "",
            row.containsKey("supersededBy") ? ", superseded by " + row.get("supersededBy") : "",
            row.containsKey("problem") ? ": " + row.get("problem") : "");
      }
      out.println(overdue == 0 ? "none overdue" : overdue + " overdue");
    }
    out.flush();
    return overdue == 0 ? ExitCode.OK : ExitCode.INVALID;
  }

  /** A period as people say it: "60 days", "1 year and 6 months", not "P60D". */
  static String words(Period period) {
    List<String> parts = new ArrayList<>();
    if (period.getYears() != 0) {
      parts.add(period.getYears() + (Math.abs(period.getYears()) == 1 ? " year" : " years"));
    }
    if (period.getMonths() != 0) {
      parts.add(period.getMonths() + (Math.abs(period.getMonths()) == 1 ? " month" : " months"));
    }
    if (period.getDays() != 0 || parts.isEmpty()) {
      parts.add(period.getDays() + (Math.abs(period.getDays()) == 1 ? " day" : " days"));
    }
    return parts.size() == 1 ? parts.get(0) : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }
}
