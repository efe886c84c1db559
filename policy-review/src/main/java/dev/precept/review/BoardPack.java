package dev.precept.review;

import org.apiguardian.api.API;

import dev.precept.render.SignatureBlock;
import dev.precept.render.DocumentRenderer;
import dev.precept.eval.CaseReport;
import dev.precept.eval.CaseResult;
import dev.precept.eval.CaseSuite;
import dev.precept.eval.CheckReport;
import dev.precept.eval.Evaluator;
import dev.precept.eval.Finding;
import dev.precept.eval.PolicyCase;
import dev.precept.eval.PolicyCheck;
import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import dev.precept.render.internal.Markup;
import dev.precept.render.internal.Templates;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review pack for the Board: the document (HTML and PDF), what changed since the last
 * approved edition and which rulings change, the checker's findings and coverage matrix, and the
 * results of the policy's cases, with an index page linking them.
 *
 * <pre>{@code
 * Map<String, byte[]> files = BoardPack.of(DocumentRenderer.standard())
 *     .files(policy, SignatureBlock.unsigned(policy), Optional.of(previous), cases, previousCases);
 * }</pre>
 *
 * <p>It returns the files' contents by name and writes nothing itself: the caller decides where,
 * and writes each file whole.
 */
@API(status = API.Status.STABLE, since = "0.2")
public final class BoardPack {
  private final DocumentRenderer renderer;
  private final Templates templates = new Templates(Optional.empty(), "dev/precept/review/templates/");

  private BoardPack(DocumentRenderer renderer) {
    this.renderer = renderer;
  }

  /** A pack whose document comes from this renderer. */
  public static BoardPack of(DocumentRenderer renderer) {
    return new BoardPack(renderer);
  }

  /**
   * The pack's files, by name, in the order the index lists them.
   *
   * @param previous the last approved edition, for the change summary
   * @param cases this edition's cases: their results, and with the previous edition's, the rulings that change
   * @param previousCases the previous edition's cases
   */
  public Map<String, byte[]> files(Policy policy, SignatureBlock signatures, Optional<Policy> previous,
      List<PolicyCase> cases, List<PolicyCase> previousCases) {
    return files(policy, signatures, previous, cases, previousCases, Optional.empty());
  }

  /**
   * The pack's files, by name, in the order the index lists them, with the decision log's rulings
   * re-ruled under this edition when {@code replay} is given (a page, HTML and PDF).
   *
   * @param replay the logged rulings of a period re-ruled under {@code policy}
   */
  public Map<String, byte[]> files(Policy policy, SignatureBlock signatures, Optional<Policy> previous,
      List<PolicyCase> cases, List<PolicyCase> previousCases, Optional<LogReplay> replay) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    List<Map<String, Object>> items = new ArrayList<>();
    files.put("document.html", utf8(renderer.html(policy, signatures)));
    items.add(item("document.html", "The policy", "the document for the Board to read, approve and sign"));
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    renderer.pdf(policy, signatures, pdf);
    files.put("document.pdf", pdf.toByteArray());
    items.add(item("document.pdf", "The policy (PDF)", "the same document, for printing and signing"));
    if (previous.isPresent()) {
      List<PolicyCase> both = new ArrayList<>(cases);
      both.addAll(previousCases);
      ChangeSummary summary = PolicyDiff.between(previous.get(), policy, both);
      files.put("changes.html", utf8(changesHtml(summary, policy.metadata().title(), true)));
      items.add(item("changes.html", "What changed since version " + summary.oldVersion(),
          summary.changes().size() + " changes, " + summary.substantiveCount() + " substantive; "
              + (summary.casesCompared() == 0 ? "no cases, so no rulings compared" : summary.rulingChanges().size() + " rulings change")));
    }
    if (replay.isPresent()) {
      String html = replayHtml(replay.get(), policy, true);
      files.put("replay.html", utf8(html));
      ByteArrayOutputStream replayPdf = new ByteArrayOutputStream();
      dev.precept.render.internal.PdfMaker.render(replayHtml(replay.get(), policy, false), Optional.empty(),
          new dev.precept.render.internal.PdfMaker.Info("Logged rulings under " + policy.metadata().title() + ", version "
              + policy.metadata().version(), policy.metadata().organisation(), replayHeadline(replay.get()),
              policy.id() + ", " + PolicyDigest.of(policy), policy.metadata().dates().drafted(), PolicyDigest.of(policy).hex(),
              !signatures.approved()),
          replayPdf);
      files.put("replay.pdf", replayPdf.toByteArray());
      items.add(item("replay.html", "Logged rulings under this edition", replayHeadline(replay.get())
          + " (also as replay.pdf)"));
    }
    CheckReport check = PolicyCheck.of(policy);
    long errors = check.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).count();
    long notes = check.findings().stream().filter(f -> f.severity() == Finding.Severity.INFO).count();
    files.put("check.html", utf8(checkHtml(check, policy)));
    items.add(item("check.html", "Check: coverage, gaps and conflicts",
        count(errors, "error") + ", " + count(check.findings().size() - errors - notes, "warning")
            + (notes == 0 ? "" : ", " + notes + (notes == 1 ? " declared silence" : " declared silences"))));
    if (!cases.isEmpty()) {
      CaseReport report = CaseSuite.of(policy, cases).run(Evaluator.of(policy));
      files.put("cases.html", utf8(casesHtml(report, policy)));
      items.add(item("cases.html", "Cases", (report.results().size() - report.failures()) + " passed, " + report.failures() + " failed"));
    }
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("organisation", Markup.plain(policy.metadata().organisation()));
    index.put("title", Markup.plain(policy.metadata().title()));
    index.put("version", Markup.plain(policy.metadata().version()));
    index.put("approvalLine", Markup.plain(signatures.approved() ? "Approved" : "Draft for review and approval"));
    index.put("digest", PolicyDigest.of(policy).toString());
    index.put("items", items);
    Map<String, byte[]> ordered = new LinkedHashMap<>();
    ordered.put("index.html", utf8(templates.merge("pack-index.html.vm", Map.of("p", index, "css", templates.text("pack.css")))));
    ordered.putAll(files);
    return ordered;
  }

  /**
   * A change summary as a page of its own (no links to a pack), with redlines as {@code <del>}
   * and {@code <ins>} and the words of added and removed paragraphs.
   */
  public String changesHtml(ChangeSummary summary, String title) {
    return changesHtml(summary, title, false);
  }

  /** A change summary as PDF for the Board, written to {@code out}: the page {@link #changesHtml} gives. */
  public void changesPdf(ChangeSummary summary, String title, java.time.LocalDate date, OutputStream out) {
    String digest = summary.newDigest().substring("sha256:".length());
    dev.precept.render.internal.PdfMaker.render(changesHtml(summary, title, false), Optional.empty(), new dev.precept.render.internal.PdfMaker.Info(
        "Changes to " + title + ": version " + summary.oldVersion() + " to " + summary.newVersion(),
        summary.policy(),
        "What changed from version " + summary.oldVersion() + " to version " + summary.newVersion(),
        summary.policy() + ", " + summary.oldDigest() + ", " + summary.newDigest(),
        date, digest, false), out);
  }

  private String changesHtml(ChangeSummary summary, String title, boolean inPack) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("inPack", inPack);
    view.put("title", Markup.plain(title));
    view.put("oldVersion", Markup.plain(summary.oldVersion()));
    view.put("newVersion", Markup.plain(summary.newVersion()));
    view.put("oldDigest", summary.oldDigest());
    view.put("newDigest", summary.newDigest());
    view.put("count", summary.changes().size());
    view.put("substantive", summary.substantiveCount());
    List<Map<String, Object>> changes = new ArrayList<>();
    for (Change change : summary.changes()) {
      Map<String, Object> row = new LinkedHashMap<>();
      // The Board reads paragraphs and the document, not the YAML's clauses and metadata.
      row.put("area", Markup.plain(switch (change.area()) {
        case "clause" -> "paragraph";
        case "metadata" -> "document";
        default -> change.area();
      }));
      row.put("subject", Markup.plain(change.subject()));
      row.put("description", Markup.plain(change.description()));
      row.put("substantive", change.substantive());
      StringBuilder redline = new StringBuilder();
      for (Change.Segment segment : change.redline()) {
        String text = Markup.plain(segment.text());
        switch (segment.kind()) {
          case SAME -> redline.append(text);
          case DELETED -> redline.append("<del>").append(text).append("</del>");
          case INSERTED -> redline.append("<ins>").append(text).append("</ins>");
        }
      }
      if (change.redline().isEmpty() && change.area().equals("clause")) {
        change.after().filter(t -> change.kind() == Change.Kind.ADDED)
            .ifPresent(t -> redline.append("<ins>").append(Markup.html(t)).append("</ins>"));
        change.before().filter(t -> change.kind() == Change.Kind.REMOVED)
            .ifPresent(t -> redline.append("<del>").append(Markup.html(t)).append("</del>"));
      }
      row.put("redline", redline.toString());
      changes.add(row);
    }
    view.put("changes", changes);
    List<Map<String, Object>> rulings = new ArrayList<>();
    for (RulingChange change : summary.rulingChanges()) {
      List<Map<String, Object>> lines = new ArrayList<>();
      for (String[] line : PolicyDiff.rulingLines(change)) {
        lines.add(Map.of("kind", line[0].equals("-") ? "removed" : "added", "text", line[0] + " " + Markup.plain(line[1])));
      }
      rulings.add(Map.of("incident", Markup.plain(change.incident()), "name", Markup.plain(change.name()), "lines", lines));
    }
    view.put("rulings", rulings);
    view.put("noCases", summary.casesCompared() == 0 ? PolicyDiff.NO_CASES : "");
    return templates.merge("changes.html.vm", Map.of("s", view, "css", templates.text("pack.css")));
  }

  /** "Of the 340 rulings logged in the last year (since 2025-11-25), 12 would change under this edition:". */
  public static String replayHeadline(LogReplay replay) {
    return "Of the " + replay.replayed() + (replay.replayed() == 1 ? " ruling" : " rulings") + " logged " + replay.period() + ", "
        + replay.changes().size() + " would change under this edition" + (replay.changes().isEmpty() ? "." : ":");
  }

  private String replayHtml(LogReplay replay, Policy policy, boolean inPack) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("inPack", inPack);
    view.put("title", Markup.plain(policy.metadata().title()));
    view.put("version", Markup.plain(policy.metadata().version()));
    view.put("headline", Markup.plain(replayHeadline(replay)));
    List<Map<String, Object>> changes = new ArrayList<>();
    for (ReplayedRuling change : replay.changes()) {
      changes.add(Map.of("decision", Markup.plain(change.decisionId()), "at", Markup.plain(change.recordedAt()),
          "edition", Markup.plain(change.editionVersion()), "lines", change.differences().stream().map(Markup::plain).toList()));
    }
    view.put("changes", changes);
    return templates.merge("replay.html.vm", Map.of("r", view, "css", templates.text("pack.css")));
  }

  private String checkHtml(CheckReport report, Policy policy) {
    dev.precept.model.Numbering numbering = policy.numbering();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("title", Markup.plain(policy.metadata().title()));
    view.put("version", Markup.plain(report.version()));
    // The Board reads titles, not ids: "Use of the Trust's name and materials", "Member of staff".
    Map<String, String> categoryTitles = new java.util.HashMap<>();
    policy.breachCategories().forEach(k -> categoryTitles.put(k.id(), k.title()));
    Map<String, String> roleTitles = new java.util.HashMap<>();
    policy.roles().forEach(r -> roleTitles.put(r.id(), r.title()));
    view.put("categories", report.categories().stream().map(k -> Markup.plain(categoryTitles.getOrDefault(k, k))).toList());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String role : report.roles()) {
      List<Map<String, Object>> cells = new ArrayList<>();
      for (String category : report.categories()) {
        CheckReport.Cell cell = report.matrix().get(role).get(category);
        // A declared silence is the policy speaking on purpose: shown with its reason, never as a gap.
        Optional<dev.precept.model.Silence> silence = cell.silence()
            .flatMap(id -> policy.silent().stream().filter(s -> s.id().equals(id)).findFirst());
        boolean uncovered = !cell.rules().isEmpty() && cell.consequences().isEmpty();
        boolean gap = uncovered && silence.isEmpty();
        // A grid to look at: each cell's colour says which of the four it is, and its words say it too.
        String kind = cell.rules().isEmpty() ? "unreached" : gap ? "gap" : uncovered ? "silent" : "covered";
        String text = switch (kind) {
          case "unreached" -> "-";
          case "gap" -> "GAP";
          case "silent" -> "silent on purpose: " + silence.get().reason();
          default -> counts(cell.consequences());
        };
        cells.add(Map.of("kind", kind, "text", Markup.plain(text)));
      }
      rows.add(Map.of("role", Markup.plain(roleTitles.getOrDefault(role, role)), "cells", cells));
    }
    view.put("rows", rows);
    List<Map<String, Object>> findings = new ArrayList<>();
    List<Map<String, Object>> notes = new ArrayList<>();
    for (Finding finding : report.findings()) {
      String example = finding.example().map(e -> "{person: {roles: [" + String.join(", ", e.person().roles())
          + "]}, clauses: [" + String.join(", ", e.clauses()) + "]}").orElse("");
      // The paragraphs a finding concerns, cited as the document numbers them.
      List<String> paragraphs = finding.subjects().stream().filter(id -> numbering.number(id).isPresent()).toList();
      (finding.severity() == Finding.Severity.INFO ? notes : findings).add(Map.of("severity", finding.severity().name().toLowerCase(java.util.Locale.ROOT),
          "paragraphs", paragraphs.isEmpty() ? "" : Markup.plain(numbering.citeAll(paragraphs)),
          "kind", finding.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
          "message", Markup.plain(finding.message()), "example", Markup.plain(example)));
    }
    view.put("findings", findings);
    view.put("notes", notes);
    return templates.merge("check.html.vm", Map.of("c", view, "css", templates.text("pack.css")));
  }

  /** "1 error", "0 warnings". */
  private static String count(long n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** "1 must, 3 may": how many consequences a breach must and may lead to. */
  private static String counts(List<String> consequences) {
    long must = consequences.stream().filter(c -> c.endsWith(" (must)")).count();
    long may = consequences.size() - must;
    return must + " must" + (may == 0 ? "" : ", " + may + " may");
  }

  private String casesHtml(CaseReport report, Policy policy) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("title", Markup.plain(policy.metadata().title()));
    view.put("version", Markup.plain(policy.metadata().version()));
    view.put("passed", report.results().size() - report.failures());
    view.put("failed", report.failures());
    List<Map<String, Object>> cases = new ArrayList<>();
    for (CaseResult result : report.results()) {
      List<String> lines = new ArrayList<>();
      PolicyDiff.forPeople(result.ruling(), PolicyDiff.citing(policy)).forEach(l -> lines.add(Markup.plain(l)));
      result.differences().forEach(d -> lines.add(Markup.plain("DIFFERS: " + d)));
      cases.add(Map.of("passed", result.passed(), "name", Markup.plain(result.policyCase().name()),
          "incident", Markup.plain(result.policyCase().incident().id()), "lines", lines));
    }
    view.put("cases", cases);
    view.put("clauses", none(report.clausesNotExercised()));
    view.put("exceptions", none(report.exceptionsNotExercised()));
    view.put("consequences", none(report.consequencesNotExercised()));
    return templates.merge("cases.html.vm", Map.of("r", view, "css", templates.text("pack.css")));
  }

  private static String none(List<String> ids) {
    return ids.isEmpty() ? "none" : Markup.plain(String.join(", ", ids));
  }

  private static Map<String, Object> item(String href, String title, String summary) {
    return Map.of("href", href, "title", Markup.plain(title), "summary", Markup.plain(summary));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
