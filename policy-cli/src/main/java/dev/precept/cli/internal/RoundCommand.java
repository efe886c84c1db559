package dev.precept.cli.internal;

import dev.precept.approval.ApprovalRound;
import dev.precept.approval.ApprovalRounds;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept round open LIBRARY --policy ID}: ask the Board to decide on an edition in the browser. */
@Command(name = "round", description = "Approval rounds: the Board decides in the browser with passkeys.", mixinStandardHelpOptions = true,
    subcommands = RoundCommand.Open.class)
public final class RoundCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.USAGE;
  }

  /** {@code precept round open}. */
  @Command(name = "open", mixinStandardHelpOptions = true,
      description = "Open an approval round on an edition: freezes its digest and prints a personal link for each signatory "
          + "and one for you (writes POLICY.round.yaml beside the policy; the links themselves are not stored).")
  public static final class Open implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LIBRARY", description = "The folder of policies the Precept server serves.")
    Path library;

    @Option(names = "--policy", required = true, paramLabel = "ID", description = "The policy's id.")
    String policyId;

    @Option(names = "--edition", paramLabel = "VERSION", description = "The edition's version, when the folder holds several.")
    String edition;

    @Option(names = "--meeting", required = true, paramLabel = "TEXT", description = "The meeting that decides (\"Board meeting 12 October 2016, item 7\").")
    String meeting;

    @Option(names = "--due", required = true, paramLabel = "YYYY-MM-DD|+DAYS",
        description = "The last day for decisions, today or later: a date, or a number of days from today (+14); the links expire after it.")
    String due;

    @Option(names = "--name", required = true, paramLabel = "OFFICE=NAME", description = "Who holds each signatory office (repeat per office).")
    Map<String, String> names = new LinkedHashMap<>();

    @Option(names = "--server", required = true, paramLabel = "URL", description = "The Precept server's address (https://board.example.org).")
    String server;

    @Option(names = "--replace", description = "Replace a round already open on this policy (its links stop working).")
    boolean replace;

    /**
     * The due date given as a date or as days from today ({@code +14}), refused with what to write
     * instead when it is not one or is already past (an example's date goes stale; a count of days does not).
     */
    static LocalDate dueDate(String given, LocalDate today) {
      String text = given.strip();
      LocalDate date;
      try {
        date = text.startsWith("+") ? today.plusDays(Integer.parseUnsignedInt(text.substring(1))) : LocalDate.parse(text);
      } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
        throw new UsageException("--due '" + given + "' is neither a date (YYYY-MM-DD) nor a number of days from today (+14)");
      }
      if (date.isBefore(today)) {
        throw new UsageException("the due date " + date + " is before today (" + today + "): give today or a later date, such as --due "
            + today.plusDays(14) + ", or a number of days from today, such as --due +14");
      }
      return date;
    }

    @Override
    public Integer call() {
      Path policyFile = find(library, policyId, edition);
      Policy policy = Inputs.policy(policyFile);
      Path roundFile = roundFile(policyFile);
      if (Files.exists(roundFile) && !replace) {
        throw new UsageException("a round is already open on " + policyId + " (" + roundFile
            + "); give --replace to open a new one (the old links stop working)");
      }
      LocalDate today = LocalDate.now();
      ApprovalRounds.Opened opened = ApprovalRounds.open(policy, meeting, dueDate(due, today), names, today, new SecureRandom());
      ApprovalRounds.replace(roundFile, () -> ApprovalRounds.write(opened.round()));
      ApprovalRound round = opened.round();
      String base = server.replaceAll("/+$", "") + "/board/" + round.id() + "/";
      PrintWriter out = spec.commandLine().getOut();
      out.printf("opened round %s on %s version %s (%s), decisions due by %s%n", round.id(), policy.metadata().title(), round.version(),
          round.digest(), round.due());
      out.println("send each person their own link (it is shown only now):");
      for (ApprovalRound.Invitation invitation : round.invitations()) {
        out.printf("  %-28s %s%s/%s%n", invitation.name() + " (" + invitation.office() + ")", base, invitation.office(),
            opened.links().get(invitation.office()));
      }
      out.printf("your link (round status, confirm enrolments): %ssecretary/%s%n", base, opened.secretaryLink());
      out.flush();
      return ExitCode.OK;
    }
  }

  /** The round file beside a policy file. */
  static Path roundFile(Path policyFile) {
    String name = policyFile.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
    return policyFile.resolveSibling(name + ".round.yaml");
  }

  /** The policy file with this id (and version) in the folder. */
  static Path find(Path library, String id, String version) {
    if (!Files.isDirectory(library)) {
      throw new UsageException(library + ": no such folder");
    }
    List<Path> found = new ArrayList<>();
    List<String> versions = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(library, "*.yaml")) {
      for (Path file : files) {
        if (file.getFileName().toString().matches(".*\\.(cases|approvals|keyring|round)\\.yaml")) {
          continue;
        }
        try {
          Policy policy = PolicyLoader.standard().load(file);
          if (policy.id().equals(id) && (version == null || policy.metadata().version().equals(version))) {
            found.add(file);
            versions.add(policy.metadata().version());
          }
        } catch (RuntimeException notAPolicy) {
          // a file that is not a valid policy is not the one asked for
        }
      }
    } catch (IOException e) {
      throw new UsageException("cannot read the folder " + library + ": " + e.getMessage());
    }
    if (found.isEmpty()) {
      throw new UsageException("no valid policy with id '" + id + "'" + (version == null ? "" : " and version " + version) + " in " + library);
    }
    if (found.size() > 1) {
      throw new UsageException("the folder holds editions " + versions + " of '" + id + "': say which with --edition VERSION");
    }
    return found.get(0);
  }
}
