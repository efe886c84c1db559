package dev.precept.cli;

import dev.precept.cli.internal.CheckCommand;
import dev.precept.cli.internal.ExitCode;
import dev.precept.cli.internal.UsageException;
import dev.precept.cli.internal.DemoCommand;
import dev.precept.cli.internal.DiffCommand;
import dev.precept.cli.internal.DueCommand;
import dev.precept.cli.internal.ImportCommand;
import dev.precept.cli.internal.LibraryCommand;
import dev.precept.cli.internal.RoundCommand;
import dev.precept.cli.internal.FmtCommand;
import dev.precept.cli.internal.InitCommand;
import dev.precept.cli.internal.KeygenCommand;
import dev.precept.cli.internal.SignCommand;
import dev.precept.cli.internal.TrustCommand;
import dev.precept.cli.internal.VerifyCommand;
import dev.precept.cli.internal.PackCommand;
import dev.precept.cli.internal.PublishCommand;
import dev.precept.cli.internal.RecordApprovalCommand;
import dev.precept.cli.internal.EvaluateCommand;
import dev.precept.cli.internal.RenderCommand;
import dev.precept.cli.internal.TestCommand;
import dev.precept.cli.internal.SchemaCommand;
import dev.precept.cli.internal.ValidateCommand;
import dev.precept.cli.internal.ServeCommand;
import dev.precept.cli.internal.ApiKeyCommand;
import dev.precept.cli.internal.LogCommand;
import dev.precept.cli.internal.PeopleCommand;
import dev.precept.cli.internal.AckLinksCommand;
import dev.precept.cli.internal.ReplayCommand;
import dev.precept.model.PolicyException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code precept} command: validate policies, print the schema, run the demo.
 *
 * <pre>{@code
 * precept validate social-media-policy.yaml
 * precept validate --format json policies/*.yaml
 * precept evaluate social-media-policy.yaml incident.yaml
 * precept test social-media-policy.yaml
 * precept check social-media-policy.yaml
 * precept demo
 * }</pre>
 */
@Command(
    name = "precept",
    mixinStandardHelpOptions = true,
    versionProvider = Precept.Version.class,
    description = "Policy-as-code for governance policies: validate, rule on incidents, render the Board's document.",
    subcommands = {ValidateCommand.class, EvaluateCommand.class, TestCommand.class, CheckCommand.class, RenderCommand.class,
        DiffCommand.class, PackCommand.class, KeygenCommand.class, TrustCommand.class, SignCommand.class,
        VerifyCommand.class, RecordApprovalCommand.class, DueCommand.class, LibraryCommand.class, RoundCommand.class,
        ImportCommand.class, PublishCommand.class,
        ServeCommand.class, ApiKeyCommand.class, LogCommand.class, PeopleCommand.class, AckLinksCommand.class, ReplayCommand.class,
        SchemaCommand.class, InitCommand.class, FmtCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
    usageHelpAutoWidth = true)
public final class Precept {
  /** Exit code when everything passed. */
  public static final int OK = ExitCode.OK;
  /** Exit code when an input is not valid or a check failed. */
  public static final int INVALID = ExitCode.INVALID;
  /** Exit code for a usage error (unknown option, missing file). */
  public static final int USAGE = ExitCode.USAGE;

  private Precept() {}

  /** The commands whose first step is reading a policy file. */
  private static final java.util.Set<String> READS_A_POLICY =
      java.util.Set.of("validate", "evaluate", "test", "check", "render", "diff", "pack", "verify", "sign");

  /** Runs the command and exits the JVM with its exit code. */
  public static void main(String[] args) {
    quietLibraryLogging();
    if (args.length > 0 && READS_A_POLICY.contains(args[0])) {
      // The model's readers are built on the other core while picocli and the file are read.
      Thread prepare = new Thread(dev.precept.model.PolicyLoader::prepare, "precept-prepare");
      prepare.setDaemon(true);
      prepare.start();
    }
    // Standard output's file itself, not System.out: a PrintStream hides every write error, so a
    // batch piped into `head` would go on ruling to the end of its input for no one.
    PrintWriter out = new dev.precept.cli.internal.StandardOutput(new java.io.FileOutputStream(java.io.FileDescriptor.out));
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(out, err, args));
  }

  /**
   * Silences the libraries' own logging: openhtmltopdf and others log through java.util.logging
   * (openhtmltopdf with handlers of its own); a user should see only Precept's output.
   */
  public static void quietLibraryLogging() {
    Logger.getLogger("").setLevel(Level.OFF);
    com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
  }

  /**
   * An example for every command's {@code --help}, keyed by command name; a command without one
   * fails {@code PreceptTest}.
   */
  static final java.util.Map<String, String> EXAMPLES = java.util.Map.ofEntries(
      java.util.Map.entry("precept", "precept init my-policy && precept validate my-policy/policy.yaml"),
      java.util.Map.entry("validate", "precept validate policies/            (every policy file in a folder)%n"
          + "  precept validate --quiet --format json social-media-policy.yaml%n  cat policy.yaml | precept validate -"),
      java.util.Map.entry("evaluate", "precept evaluate social-media-policy.yaml incident.yaml --format json"),
      java.util.Map.entry("test", "precept test social-media-policy.yaml     (runs social-media-policy.cases.yaml)"),
      java.util.Map.entry("check", "precept check social-media-policy.yaml --format json"),
      java.util.Map.entry("render", "precept render social-media-policy.yaml --format html,pdf --out build/"),
      java.util.Map.entry("diff", "precept diff social-media-policy.yaml social-media-policy-2017.yaml"),
      java.util.Map.entry("pack", "precept pack social-media-policy-2017.yaml --previous social-media-policy.yaml --out pack/"),
      java.util.Map.entry("keygen", "precept keygen --out keys --name \"Tom Evans\""),
      java.util.Map.entry("trust", "precept trust policy.yaml --office chair --name \"Tom Evans\" --public-key keys/tom-evans.pub.pem"),
      java.util.Map.entry("sign", "precept sign policy.yaml --key keys/tom-evans.key.pem --as chair --minute \"Board 2016/41\""),
      java.util.Map.entry("verify", "precept verify social-media-policy.yaml"),
      java.util.Map.entry("due", "precept due policies/"),
      java.util.Map.entry("schema", "precept schema --for incident > incident.schema.json%n  precept schema --for cases --format markdown"),
      java.util.Map.entry("init", "precept init safeguarding      (writes safeguarding/policy.yaml and the schemas beside it)"),
      java.util.Map.entry("fmt", "precept fmt social-media-policy.yaml%n  precept fmt --check policies/*.yaml    (in CI: exit 1 when a file is not formatted)"),
      java.util.Map.entry("demo", "precept demo"),
      java.util.Map.entry("library", "precept library examples/connect-academy-trust-library --on 2017-03-01 --format html --out register.html"),
      java.util.Map.entry("publish", "precept publish examples/connect-academy-trust-library --out site/   (then copy site/ to the website)"),
      java.util.Map.entry("import", "precept import social-media-policy.docx --out social-media-policy.yaml"),
      java.util.Map.entry("record-approval", "precept record-approval policy.yaml --as ceo,chair --meeting \"Board meeting\" --date 2016-10-12 --minute 2016/41 --recorded-by \"A. Clerk\""),
      java.util.Map.entry("serve", "precept serve policies/ --port 8080     (SQLite in policies/.precept/; --db jdbc:postgresql://... for PostgreSQL)"),
      java.util.Map.entry("apikey", "precept apikey create policies/ --scope rule --scope read"),
      java.util.Map.entry("apikey create", "precept apikey create policies/ --scope rule --scope read"),
      java.util.Map.entry("apikey list", "precept apikey list policies/"),
      java.util.Map.entry("apikey revoke", "precept apikey revoke policies/ KEY-ID"),
      java.util.Map.entry("log", "precept log verify policies/"),
      java.util.Map.entry("log verify", "precept log verify policies/       (or --db jdbc:postgresql://...)"),
      java.util.Map.entry("people", "precept people import policies/ people.csv"),
      java.util.Map.entry("people import", "precept people import policies/ people.csv"),
      java.util.Map.entry("ack-links", "precept ack-links policies/ --policy cat-social-media --base-url https://policies.example.org"),
      java.util.Map.entry("replay", "precept replay --log policies/ --policy social-media-policy-2017.yaml"),
      java.util.Map.entry("round", "precept round open policies/ --policy cat-social-media --meeting \"Board meeting, 12 October 2017\" --due +14 --name chair=\"Tom Evans\" --name ceo=\"Jane Smith\" --server https://board.example.org"),
      java.util.Map.entry("round open", "precept round open policies/ --policy cat-social-media --meeting \"Board meeting, 12 October 2017\" --due +14 --name chair=\"Tom Evans\" --name ceo=\"Jane Smith\" --server https://board.example.org"),
      java.util.Map.entry("help", "precept help validate"));

  /** Runs the command with the given streams and returns its exit code; never exits the JVM. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = commandLine(args);
    cli.registerConverter(java.time.LocalDate.class, Precept::date);
    cli.setOut(out);
    cli.setErr(err);
    // Format words and other choices are the same words everywhere, in any case ("JSON", "Markdown").
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.registerConverter(dev.precept.cli.internal.RenderCommand.Format.class, value -> {
      String word = value.strip().toLowerCase(java.util.Locale.ROOT);
      return dev.precept.cli.internal.RenderCommand.Format.valueOf(word.equals("markdown") ? "md" : word);
    });
    addExamples(cli);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof UsageException) {
        commandLine.getErr().println("precept: " + e.getMessage());
        return USAGE;
      }
      if (e instanceof PolicyException) {
        commandLine.getErr().println("precept: " + e.getMessage());
        return INVALID;
      }
      commandLine.getErr().println("precept: internal error: " + e);
      commandLine.getErr().println("This is a bug in Precept, not in your input; please report it with the command you ran.");
      return 70;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /**
   * The command line for these arguments. When they start with a subcommand's name only that
   * subcommand is built (picocli's model of every subcommand costs a good part of a cold start);
   * otherwise (help, version, a mistyped name) the whole command is, for the full usage text.
   */
  private static CommandLine commandLine(String... args) {
    if (args.length > 0 && !args[0].startsWith("-")) {
      for (Class<?> subcommand : Precept.class.getAnnotation(Command.class).subcommands()) {
        Command command = subcommand.getAnnotation(Command.class);
        if (command != null && command.name().equals(args[0]) && subcommand != CommandLine.HelpCommand.class) {
          Command top = Precept.class.getAnnotation(Command.class);
          CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name(top.name());
          spec.mixinStandardHelpOptions(true);
          spec.versionProvider(new Version());
          spec.usageMessage().description(top.description()).autoWidth(true);
          CommandLine cli = new CommandLine(spec);
          cli.addSubcommand(command.name(), new CommandLine(subcommand));
          return cli;
        }
      }
    }
    return new CommandLine(new Precept());
  }

  private static java.time.LocalDate date(String text) {
    try {
      return java.time.LocalDate.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      throw new CommandLine.TypeConversionException("'" + text + "' is not a date: use YYYY-MM-DD, for example 2016-10-12");
    }
  }

  private static void addExamples(CommandLine command) {
    // Subcommands by their path ("log verify"), so a nested command never takes a namesake's example.
    String path = command.getCommandSpec().qualifiedName(" ").replaceFirst("^precept ", "");
    String example = EXAMPLES.getOrDefault(path, path.contains(" ") ? null : EXAMPLES.get(command.getCommandName()));
    if (example != null) {
      command.getCommandSpec().usageMessage().footerHeading("%nExample:%n").footer("  " + example);
    }
    command.getSubcommands().values().forEach(Precept::addExamples);
  }

  /** Prints the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Precept.class.getPackage().getImplementationVersion();
      return new String[] {"precept " + (version == null ? "development build" : version)};
    }
  }
}
