package dev.precept.cli.internal;

import dev.precept.eval.CaseReport;
import dev.precept.eval.CaseResult;
import dev.precept.eval.CaseSuite;
import dev.precept.eval.CheckReport;
import dev.precept.eval.Evaluator;
import dev.precept.eval.Finding;
import dev.precept.eval.PolicyCheck;
import dev.precept.eval.Rulings;
import dev.precept.model.LocatedDocument;
import dev.precept.model.Modality;
import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import dev.precept.model.PolicyLoader;
import dev.precept.model.ReadLimits;
import dev.precept.eval.PolicyCase;
import dev.precept.review.BoardPack;
import dev.precept.review.ChangeSummary;
import dev.precept.render.DocumentRenderer;
import dev.precept.review.PolicyDiff;
import dev.precept.render.SignatureBlock;
import dev.precept.approval.ApprovalRecord;
import dev.precept.approval.ApprovalStatus;
import dev.precept.approval.Decision;
import dev.precept.approval.Keyring;
import dev.precept.approval.Keyring.TrustedKey;
import dev.precept.approval.SigningKeys;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code precept demo}: the main job on the bundled example, saying what it did. */
@Command(name = "demo", description = "Run the main job on the bundled example policy and say what it did.",
    mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {
  /** The case whose ruling the demo prints in full: it shows must and may kept apart. */
  static final String SHOWN_CASE = "case-17";

  @Spec CommandSpec spec;

  @Option(names = "--out", defaultValue = "precept-demo", paramLabel = "DIR", description = "Where to write what the demo makes (default: ${DEFAULT-VALUE}).")
  Path output;

  /** Step 5: throwaway keys for both signatories, their signed approvals, verification, the approved document. */
  private void signAndVerify(PrintWriter out, Policy policy) {
    Path folder = OutputFiles.folder(output.resolve("signed"));
    Path policyFile = folder.resolve("social-media-policy.yaml");
    OutputFiles.write(policyFile, o -> o.write(BundledExample.read(BundledExample.SEED)), List.of());
    java.time.LocalDate meeting = java.time.LocalDate.of(2016, 10, 12);
    Keyring.Builder keyring = Keyring.builder();
    Map<String, java.security.PrivateKey> keys = new java.util.LinkedHashMap<>();
    Map<String, String> holders = Map.of("ceo", "Jane Smith (demo)", "chair", "Tom Evans (demo)");
    for (var signatory : policy.metadata().signatories()) {
      java.security.KeyPair pair = SigningKeys.generate();
      keys.put(signatory.office(), pair.getPrivate());
      keyring.addKeys(TrustedKey.builder().office(signatory.office())
          .name(holders.getOrDefault(signatory.office(), signatory.office())).publicKey(SigningKeys.publicPem(pair.getPublic())).build());
    }
    Keyring trusted = keyring.build();
    OutputFiles.write(ApprovalFiles.keyringFile(policyFile), dev.precept.approval.Approvals.writeKeyring(trusted), List.of());
    List<ApprovalRecord> records = new ArrayList<>();
    keys.forEach((office, key) -> records.add(dev.precept.approval.Approvals.sign(policy, key, office, trusted, Decision.APPROVED,
        meeting, Optional.of("Board meeting, 12 October 2016 (demo)"))));
    OutputFiles.write(ApprovalFiles.approvalsFile(policyFile), dev.precept.approval.Approvals.writeRecords(records), List.of());
    ApprovalStatus status = ApprovalFiles.status(policyFile, policy);
    DocumentRenderer renderer = DocumentRenderer.standard();
    OutputFiles.write(folder.resolve("social-media-policy.html"), renderer.html(policy, SignatureBlock.of(status)), List.of(policyFile));
    OutputFiles.write(folder.resolve("social-media-policy.pdf"), o -> {
      java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
      renderer.pdf(policy, SignatureBlock.of(status), pdf);
      // A PAdES signature with a throwaway certificate, so a PDF reader's signature panel shows one.
      o.write(dev.precept.render.PdfSigning.signWithThrowawayCertificate(pdf.toByteArray(), "Tom Evans (Chair)",
          "Approved: " + policy.metadata().title() + " version " + policy.metadata().version(), meeting));
    }, List.of(policyFile));
    out.println();
    out.printf("5. Signed the 2016 edition as %s with throwaway keys (never use them for real) and verified it: %s.%n",
        String.join(" and ", policy.metadata().signatories().stream()
            .map(s -> policy.office(s.office()).map(o -> o.title()).orElse(s.office())).toList()),
        status.approved() ? "APPROVED, every signature verified against the digest" : "NOT approved: " + status.reasons());
    out.println("   Rendered the approved document, signature block filled in and no DRAFT mark: "
        + folder.resolve("social-media-policy.pdf"));
    out.println("   The PDF carries a PAdES signature from a throwaway certificate: your reader shows it, from an untrusted signer.");
    out.println("   Check it yourself: ./precept verify " + policyFile);
    serve(out, folder, policy);
  }

  /**
   * Serves the signed folder as a library, on loopback and a free port with its decision log in
   * SQLite inside the folder, asks for one ruling over HTTP, stops, and checks the log's chain.
   */
  private static void serve(PrintWriter out, Path library, Policy policy) {
    dev.precept.server.NewApiKey key;
    try (dev.precept.server.ServerAdmin admin = dev.precept.server.ServerAdmin.open(library, Optional.empty())) {
      key = admin.createKey("demo", java.util.Set.of(dev.precept.server.Scope.RULE, dev.precept.server.Scope.READ));
    }
    String body = LocatedDocument.read(BundledExample.read(BundledExample.SHOWN_INCIDENT), BundledExample.SHOWN_INCIDENT,
        ReadLimits.STANDARD).root().toString();
    String answer;
    int status;
    try (dev.precept.server.PreceptServer server = dev.precept.server.PreceptServer.builder().library(library)
        .host("127.0.0.1").port(0).start()) {
      java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
              server.uri().resolve("/v1/policies/" + policy.id() + "/rulings"))
          .header("Authorization", "Bearer " + key.key())
          .header("Content-Type", "application/json")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
      var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      status = response.statusCode();
      answer = response.body();
      out.println();
      out.printf("6. Served %s with the Precept server on %s (decision log in SQLite inside the folder) and asked for%n",
          library, server.uri());
      out.printf("   a ruling over HTTP: POST /v1/policies/%s/rulings answered %d", policy.id(), status);
    } catch (java.io.IOException e) {
      throw new dev.precept.model.PolicyException("the demo server did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new dev.precept.model.PolicyException("interrupted while asking the demo server", e);
    }
    var json = LocatedDocument.read(answer.getBytes(java.nio.charset.StandardCharsets.UTF_8), "the server's answer",
        ReadLimits.STANDARD).root();
    out.printf(", decision %s, under version %s%n", json.path("decisionId").asText("?"), json.path("edition").path("version").asText("?"));
    try (dev.precept.server.ServerAdmin admin = dev.precept.server.ServerAdmin.open(library, Optional.empty())) {
      var log = admin.verifyLog();
      out.printf("   The decision log holds %d record(s), each chained to the one before: %s.%n", log.records(),
          log.firstBroken().isEmpty() ? "intact" : "BROKEN at record " + log.firstBroken().get());
    }
    out.println("   Run it yourself: ./precept serve " + library + " (see docs/running-the-server.md)");
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Precept demo: the Connect Academy Trust Social Media Policy (2016), bundled as YAML.");
    out.println();
    Policy policy = PolicyLoader.standard().parse(BundledExample.read(BundledExample.SEED), BundledExample.SEED);
    var metadata = policy.metadata();
    long musts = policy.consequences().stream().filter(c -> c.modality() == Modality.MUST).count();
    out.println("1. Validated " + BundledExample.SEED + " against the schema and the policy rules: valid.");
    out.printf("   %s, %s%n", metadata.organisation(), metadata.title());
    out.printf("   version %s, %s, digest %s%n", metadata.version(), metadata.status().word(), PolicyDigest.of(policy));
    out.printf("   %d sections, %d clauses, %d roles in %d groups, %d offices, %d consequences (%d must, %d may)%n",
        policy.sections().size(), policy.allClauses().size(), policy.roles().size(), policy.groups().size(),
        policy.offices().size(), policy.consequences().size(), musts, policy.consequences().size() - musts);

    Evaluator evaluator = Evaluator.of(policy);
    LocatedDocument casesDocument = LocatedDocument.read(BundledExample.read(BundledExample.SEED_CASES),
        BundledExample.SEED_CASES, ReadLimits.STANDARD);
    CaseReport report = CaseSuite.read(casesDocument, policy).run(evaluator);
    out.println();
    out.printf("2. Ruled on the %d example incidents in %s: %d passed, %d failed.%n", report.results().size(),
        BundledExample.SEED_CASES, report.results().size() - report.failures(), report.failures());
    out.printf("   Clauses no case concerns: %d; exceptions no case meets: %d; consequences no case reaches: %d.%n",
        report.clausesNotExercised().size(), report.exceptionsNotExercised().size(), report.consequencesNotExercised().size());
    for (CaseResult result : report.results()) {
      if (!result.passed()) {
        out.println("   FAIL " + result.policyCase().name());
        result.differences().forEach(d -> out.println("        " + d));
      }
    }
    CaseResult shown = report.results().stream()
        .filter(r -> r.policyCase().incident().id().equals(SHOWN_CASE)).findFirst().orElse(report.results().get(0));
    out.println();
    out.println("   One ruling in full (\"" + shown.policyCase().name() + "\"):");
    out.println();
    for (String line : Rulings.toText(shown.ruling(), policy).split("\n", -1)) {
      out.println(line.isEmpty() ? "" : "   | " + line);
    }

    CheckReport check = PolicyCheck.of(policy);
    long errors = check.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
    out.printf("3. Checked the policy: %d errors, %d warnings (gaps, conflicts, unreachable rules and consequences).%n",
        errors, check.findings().size() - errors);

    Policy next = PolicyLoader.standard().parse(BundledExample.read(BundledExample.NEXT), BundledExample.NEXT);
    List<PolicyCase> nextCases = CaseSuite.read(LocatedDocument.read(BundledExample.read(BundledExample.NEXT_CASES),
        BundledExample.NEXT_CASES, ReadLimits.STANDARD), next).cases();
    List<PolicyCase> seedCases = CaseSuite.read(casesDocument, policy).cases();
    Path folder = OutputFiles.folder(output.resolve("pack"));
    Map<String, byte[]> files = BoardPack.of(DocumentRenderer.standard())
        .files(next, SignatureBlock.unsigned(next), Optional.of(policy), nextCases, seedCases);
    files.forEach((name, bytes) -> OutputFiles.write(folder.resolve(name), o -> o.write(bytes), List.of()));
    List<PolicyCase> both = new ArrayList<>(nextCases);
    both.addAll(seedCases);
    ChangeSummary changes = PolicyDiff.between(policy, next, both);
    out.println();
    out.printf("4. Wrote the Board's review pack for the %s edition (%s) to %s:%n", next.metadata().version(),
        next.metadata().status().word(), folder.resolve("index.html"));
    out.printf("   the document as HTML and PDF; %d changes since %s (%d substantive) and the %d rulings they change;%n",
        changes.changes().size(), policy.metadata().version(), changes.substantiveCount(), changes.rulingChanges().size());
    out.println("   the check with its coverage matrix; the results of its cases.");

    signAndVerify(out, policy);
    out.println();
    out.println("Try: ./precept evaluate examples/connect-academy-trust/social-media-policy.yaml examples/connect-academy-trust/incidents/volunteer-messages-pupil.yaml");
    out.println("     ./precept test examples/connect-academy-trust/social-media-policy.yaml");
    out.println("     ./precept check examples/connect-academy-trust/social-media-policy.yaml");
    out.println("     ./precept diff examples/connect-academy-trust/social-media-policy.yaml examples/connect-academy-trust/social-media-policy-2017.yaml");
    return report.passed() && !check.hasErrors() ? ExitCode.OK : ExitCode.INVALID;
  }
}
