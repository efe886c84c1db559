package dev.precept.cli.internal;

import dev.precept.model.Policy;
import dev.precept.render.DocumentRenderer;
import dev.precept.render.SignatureBlock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code precept render POLICY --format html|md|pdf --out DIR}: the Board's document. */
@Command(name = "render", description = "Render the policy as the Board's document (HTML, Markdown, PDF or Word).",
    mixinStandardHelpOptions = true)
public final class RenderCommand implements Callable<Integer> {
  /** The document formats. */
  public enum Format { html, md, pdf, docx }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "POLICY", description = "The policy YAML file (with --academy: the trust's library folder).")
  Path policyFile;

  @Option(names = "--academy", paramLabel = "NAME", description = "Render an academy's document from the library folder: its name, its folder's name, or 'all' (one folder each).")
  String academy;

  @Option(names = "--on", paramLabel = "YYYY-MM-DD", description = "With --academy: the date whose master edition in force is used (default: today).")
  java.time.LocalDate on;

  @Option(names = "--no-local-notes", description = "With --academy: leave out the notes that mark the academy's own clauses.")
  boolean noLocalNotes;

  @Option(names = "--format", split = ",", defaultValue = "html", description = "html, md, pdf or docx (Word); several separated by commas (default: ${DEFAULT-VALUE}).")
  List<Format> formats;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write into.")
  Path out;

  @Option(names = "--templates", paramLabel = "DIR", description = "A folder of your own templates, style sheet, images and fonts.")
  Path templates;

  @Option(names = "--sign-pdf", paramLabel = "P12", description = "Also sign the PDF with this PKCS#12 certificate (its password in the PRECEPT_P12_PASSWORD environment variable).")
  Path signPdf;

  @Override
  public Integer call() {
    if (academy == null && (on != null || noLocalNotes)) {
      throw new UsageException("--on and --no-local-notes go with --academy");
    }
    if (signPdf != null) {
      Inputs.existing(signPdf);
      if (!formats.contains(Format.pdf)) {
        throw new UsageException("--sign-pdf signs the PDF: add --format pdf");
      }
    }
    if (templates != null && !java.nio.file.Files.isDirectory(templates)) {
      throw new UsageException(templates + ": no such folder");
    }
    DocumentRenderer renderer = templates == null ? DocumentRenderer.standard() : DocumentRenderer.withTemplates(templates);
    if (noLocalNotes) {
      renderer = renderer.withoutLocalNotes();
    }
    if (academy != null) {
      for (Academies.AcademyPolicy each : Academies.select(policyFile, academy, on == null ? java.time.LocalDate.now() : on)) {
        Path folder = "all".equals(academy) ? out.resolve(each.folder()) : out;
        String base = each.overlayFile().getFileName().toString().replaceFirst("\\.overlay\\.ya?ml$", "");
        write(renderer, each.policy(), Academies.signatureBlock(each), OutputFiles.folder(folder), base, each.overlayFile());
      }
      return ExitCode.OK;
    }
    Policy policy = Inputs.policy(policyFile);
    write(renderer, policy, ApprovalFiles.signatureBlock(policyFile, policy), OutputFiles.folder(out),
        policyFile.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", ""), policyFile);
    return ExitCode.OK;
  }

  private void write(DocumentRenderer renderer, Policy policy, SignatureBlock signatures, Path folder, String base, Path policyFile) {
    PrintWriter printer = spec.commandLine().getOut();
    for (Format format : formats) {
      Path target = folder.resolve(base + "." + format.name());
      switch (format) {
        case html -> OutputFiles.write(target, renderer.html(policy, signatures), List.of(policyFile));
        case md -> OutputFiles.write(target, renderer.markdown(policy, signatures), List.of(policyFile));
        case docx -> OutputFiles.write(target, o -> renderer.docx(policy, signatures, o), List.of(policyFile));
        case pdf -> OutputFiles.write(target, o -> {
          java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
          renderer.pdf(policy, signatures, pdf);
          byte[] bytes = pdf.toByteArray();
          if (signPdf != null) {
            String password = System.getenv().getOrDefault("PRECEPT_P12_PASSWORD", "");
            try (java.io.InputStream p12 = java.nio.file.Files.newInputStream(signPdf)) {
              bytes = dev.precept.render.PdfSigning.sign(bytes, p12, password.toCharArray(),
                  (signatures.approved() ? "Approved: " : "Draft: ") + policy.metadata().title() + " version " + policy.metadata().version(),
                  signatures.approvedOn().orElse(policy.metadata().dates().drafted()));
            }
          }
          o.write(bytes);
        }, List.of(policyFile));
      }
      printer.println("wrote " + target);
    }
  }
}
