package dev.precept.cli.internal;

import dev.precept.cli.Precept;
import dev.precept.model.Policy;
import dev.precept.review.BoardPack;
import dev.precept.render.DocumentRenderer;
import dev.precept.render.SignatureBlock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept pack POLICY --previous OLD --out DIR}: the Board's review pack. */
@Command(name = "pack", description = "Write the review pack: the document (HTML, PDF), the changes since the previous edition, the check and the cases, with an index.",
    mixinStandardHelpOptions = true)
public final class PackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "POLICY", description = "The edition put to the Board.")
  Path policyFile;

  @Option(names = "--previous", paramLabel = "OLD", description = "The last approved edition, for the change summary.")
  Path previousFile;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the pack into.")
  Path out;

  @Option(names = "--templates", paramLabel = "DIR", description = "A folder of your own document templates, style sheet and fonts.")
  Path templates;

  @Override
  public Integer call() {
    Policy policy = Inputs.policy(policyFile);
    Optional<Policy> previous = Optional.ofNullable(previousFile).map(Inputs::policy);
    DocumentRenderer renderer = templates == null ? DocumentRenderer.standard() : DocumentRenderer.withTemplates(templates);
    Map<String, byte[]> files = BoardPack.of(renderer).files(policy, ApprovalFiles.signatureBlock(policyFile, policy), previous,
        DiffCommand.casesBeside(policyFile, policy),
        previous.map(p -> DiffCommand.casesBeside(previousFile, p)).orElse(List.of()));
    List<Path> inputs = previousFile == null ? List.of(policyFile) : List.of(policyFile, previousFile);
    OutputFiles.writeAll(out, files, inputs);
    spec.commandLine().getOut().println("wrote the review pack, " + files.size() + " files: " + out.resolve("index.html"));
    return Precept.OK;
  }
}
