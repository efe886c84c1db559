package dev.precept.render.internal;

import dev.precept.model.Clause;
import dev.precept.model.Metadata;
import dev.precept.model.Numbering;
import dev.precept.model.Office;
import dev.precept.model.Policy;
import dev.precept.model.PolicyDigest;
import dev.precept.model.Section;
import dev.precept.model.Status;
import dev.precept.render.SignatureBlock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What a template sees: maps, lists and strings already escaped for the output format. Templates
 * get no policy objects, so they cannot reach anything but this view.
 */
public final class DocumentView {
  private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private DocumentView() {}

  /**
   * The view of a policy.
   *
   * @param text escapes clause text for the format, keeping emphasis
   * @param plain escapes titles and names for the format
   */
  public static Map<String, Object> of(Policy policy, SignatureBlock signatures, UnaryOperator<String> text,
      UnaryOperator<String> plain, Blanks.Format blank) {
    return of(policy, signatures, text, plain, blank, true);
  }

  /**
   * The view of a policy, with or without notes marking an academy's own clauses.
   *
   * @param blank the format's marked blank for a master's variable, given its escaped title ({@link Blanks})
   * @param localNotes whether clauses with an origin (an academy's tailoring) get a numbered note
   */
  public static Map<String, Object> of(Policy policy, SignatureBlock signatures, UnaryOperator<String> text,
      UnaryOperator<String> plain, Blanks.Format blank, boolean localNotes) {
    boolean blanks = Blanks.apply(policy);
    UnaryOperator<String> titles = plain;
    if (blanks) {
      UnaryOperator<String> label = plain;
      text = Blanks.marking(policy, text, label, blank.inText());
      plain = Blanks.marking(policy, plain, label, blank.inText());
      titles = Blanks.marking(policy, label, label, blank.inTitle());
    }
    Metadata metadata = policy.metadata();
    PolicyDigest digest = PolicyDigest.of(policy);
    boolean approved = signatures.approved();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("organisation", titles.apply(metadata.organisation()));
    view.put("title", titles.apply(metadata.title()));
    view.put("shortTitle", plain.apply(metadata.shortTitle().orElse("")));
    view.put("language", "en-GB");
    view.put("blanks", blanks);
    view.put("dateLine", plain.apply(metadata.dates().drafted().format(MONTH_YEAR)));
    Office body = policy.office(metadata.approval().body()).orElseThrow();
    String approvalLine;
    // The date printed is the verified approvals' own: metadata.dates.approved lies outside the
    // digest, so a date written there after signing must never appear in the signed document.
    java.util.Optional<LocalDate> approvedOn = signatures.approvedOn();
    if (approved && approvedOn.isPresent()) {
      approvalLine = "Approved by " + Office.withArticle(body.formalOrTitle()) + ", " + approvedOn.get().format(DAY_MONTH_YEAR);
    } else {
      approvalLine = "For Review and Approval by " + Office.withArticle(body.formalOrTitle())
          + metadata.approval().due().map(d -> ", " + d.format(MONTH_YEAR)).orElse("");
    }
    view.put("approvalLine", plain.apply(approvalLine));
    view.put("version", plain.apply(metadata.version()));
    Status shown = approved ? Status.APPROVED : (metadata.status() == Status.APPROVED ? Status.DRAFT : metadata.status());
    view.put("status", capitalise(shown.word()) + (metadata.status() == Status.APPROVED && !approved ? " (approval not verified)" : ""));
    view.put("draft", !approved);
    view.put("digest", digest.toString());
    view.put("shortDigest", digest.shortForm());
    view.put("keywords", plain.apply(policy.id() + ", " + digest));
    Numbering numbering = policy.numbering();
    List<Map<String, Object>> notes = new ArrayList<>();
    Provisions provisions = new Provisions(policy);
    view.put("sections", sections(policy.sections(), numbering, text, plain, titles, localNotes ? notes : null, provisions));
    view.put("appendices", sections(policy.appendices(), numbering, text, plain, titles, localNotes ? notes : null, provisions));
    view.put("localNotes", notes);
    view.put("silences", provisions.unattachedSilences().stream().map(plain).toList());
    view.put("signatures", signatures(signatures, plain));
    return view;
  }

  private static List<Map<String, Object>> sections(List<Section> sections, Numbering numbering, UnaryOperator<String> text,
      UnaryOperator<String> plain, UnaryOperator<String> titles, List<Map<String, Object>> notes, Provisions provisions) {
    List<Map<String, Object>> views = new ArrayList<>();
    for (Section section : sections) {
      String number = numbering.sections().get(section.id());
      boolean appendix = !Character.isDigit(number.charAt(0));
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("number", number);
      view.put("appendix", appendix);
      view.put("id", plain.apply(section.id()));
      view.put("title", titles.apply(section.title()));
      // "3. Code of Conduct", "Appendix A: Glossary": the heading and the contents line.
      view.put("heading", (appendix ? "Appendix " + number + ":" : number + ".") + " " + titles.apply(section.title()));
      view.put("blocks", blocks(section.clauses(), numbering, text, plain, notes, provisions));
      views.add(view);
    }
    return views;
  }

  /**
   * Paragraphs (run-on clauses joined) and lists (a lead-in clause with its items), each with the
   * number {@link Numbering} gives it, so the document prints what rulings and diffs cite; under
   * each, the rule language's provisions its clauses state, in the Board's words ({@link Provisions}).
   */
  private static List<Map<String, Object>> blocks(List<Clause> clauses, Numbering numbering, UnaryOperator<String> text,
      UnaryOperator<String> plain, List<Map<String, Object>> notes, Provisions provisions) {
    List<Map<String, Object>> blocks = new ArrayList<>();
    List<Map<String, Object>> paragraph = null;
    for (Clause clause : clauses) {
      if (paragraph == null || !clause.runOn()) {
        paragraph = new ArrayList<>();
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("number", plain.apply(numbering.number(clause.id()).orElseThrow()));
        block.put("clauses", paragraph);
        block.put("items", new ArrayList<Map<String, Object>>());
        block.put("provisions", new ArrayList<String>());
        blocks.add(block);
      }
      Map<String, Object> block = blocks.get(blocks.size() - 1);
      @SuppressWarnings("unchecked")
      List<String> lines = (List<String>) block.get("provisions");
      paragraph.add(clauseView(clause, numbering, text, plain, notes));
      provisions.of(clause).forEach(line -> lines.add(plain.apply(line)));
      if (!clause.items().isEmpty()) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) block.get("items");
        for (Clause item : clause.items()) {
          items.add(clauseView(item, numbering, text, plain, notes));
          // An item's provisions name it by its letter: the list's lines follow the list.
          String label = numbering.number(item.id()).map(n -> n.contains("(") ? n.substring(n.indexOf('(')) : n).orElse("");
          provisions.of(item).forEach(line -> lines.add(plain.apply(label + " " + line.replace("this paragraph", "this item"))));
        }
        paragraph = null;
      }
    }
    return blocks;
  }

  private static Map<String, Object> clauseView(Clause clause, Numbering numbering, UnaryOperator<String> text,
      UnaryOperator<String> plain, List<Map<String, Object>> notes) {
    String number = numbering.number(clause.id()).orElseThrow();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", plain.apply(clause.id()));
    view.put("number", plain.apply(number));
    // A list item is labelled by its letter alone, "(a)", under its paragraph's number.
    view.put("label", plain.apply(number.contains("(") ? number.substring(number.indexOf('(')) : number));
    view.put("text", text.apply(clause.text().strip()));
    view.put("note", "");
    if (notes != null && clause.origin().isPresent()) {
      String noteNumber = String.valueOf(notes.size() + 1);
      Map<String, Object> note = new LinkedHashMap<>();
      note.put("number", noteNumber);
      note.put("text", plain.apply(capitalise(clause.origin().get().describe())
          + clause.origin().get().reason().map(r -> ": " + r.strip()).orElse(".")));
      notes.add(note);
      view.put("note", noteNumber);
    }
    return view;
  }

  private static List<Map<String, Object>> signatures(SignatureBlock block, UnaryOperator<String> plain) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (SignatureBlock.Line line : block.lines()) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("title", plain.apply(line.title()));
      view.put("name", plain.apply(line.name().orElse("")));
      view.put("date", plain.apply(line.date().map(LocalDate::toString).map(d -> LocalDate.parse(d).format(DAY_MONTH_YEAR)).orElse("")));
      view.put("verification", plain.apply(line.verification().orElse("")));
      view.put("signed", line.verification().isPresent() && !line.minuted());
      view.put("minuted", line.minuted());
      lines.add(view);
    }
    return lines;
  }

  private static String capitalise(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
