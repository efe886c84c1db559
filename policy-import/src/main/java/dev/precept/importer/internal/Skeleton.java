package dev.precept.importer.internal;

import dev.precept.importer.ImportReport.Finding;
import dev.precept.importer.ImportReport;
import dev.precept.importer.ImportException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blocks to a YAML skeleton: metadata from the title page, headers and footers and the document's
 * properties; a section per heading; a clause per paragraph; a list's items under its lead-in.
 * Every guess is written with a {@code # review:} comment; what cannot be guessed goes in the report.
 */
public final class Skeleton {
  private static final String MONTHS = "(?:january|february|march|april|may|june|july|august|september|october"
      + "|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)";
  private static final Pattern DATE = Pattern.compile("(?i)\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?(" + MONTHS
      + ")\\.?,?\\s+(\\d{4})\\b|\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})\\b|\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
  private static final Pattern APPROVAL = Pattern.compile(
      "(?i)^for (?:review and )?(?:approval|adoption)(?: by)?(?: the)? (.+?)(?:,?\\s+(" + MONTHS + "\\.?,?\\s+\\d{4}))?\\.?$");
  private static final Pattern VERSION = Pattern.compile("(?i)\\b(?:version|ver\\.?|v)\\s*[:.]?\\s*(\\d+(?:\\.\\d+)*[a-z]?)\\b");
  private static final Pattern SIGNED = Pattern.compile("(?i)^(?:signed|signature)\\b[\\s:._]*(.*?)[\\s:._]*$");
  private static final Pattern FORM_LABEL = Pattern.compile("(?i)^(?:date|dated|name|print name|position)\\b[\\s:._]*$");
  private static final Pattern TOC_LINE = Pattern.compile("^.{1,120}?(?:\\t|\\s\\.{2,}\\s*|\\s{2,})\\d{1,3}$");
  private static final Pattern ORGANISATION = Pattern.compile(
      "(?i)\\b(trust|school|academy|academies|college|council|federation|foundation|university|limited|ltd|plc"
      + "|charity|association|society|partnership|diocese|group)\\b");
  private static final Pattern REVIEW = Pattern.compile(
      "(?i)reviewed (annually|every year|yearly|every (two|three|2|3) years|biennially|every (six|6) months)");
  private static final Map<String, String> ROLE_WORDS = roleWords();
  private static final Pattern CONSEQUENCE = Pattern.compile("(?i)\\b(may lead to|will lead to|may result in"
      + "|will result in|could result in|disciplinary action|summary dismissal|dismissal|(?:be|been) fully investigated"
      + "|will be investigated|may be viewed as (?:gross )?misconduct|appropriate action|steps may be taken"
      + "|action being taken|sanctions?)\\b");
  private static final Pattern EXCEPTION = Pattern.compile("(?i)\\b(without (?:the |their )?(?:prior |express )?"
      + "(?:written |verbal |written or verbal )?(?:permission|consent|approval|authori[sz]ation)|unless|other than"
      + "|except(?: where| when| with| for)?|where the prior approval|with the (?:prior )?(?:permission|approval|consent) of"
      + "|save where)\\b[^.;:,]{0,90}");

  private final SourceDocument source;
  private final LocalDate fallbackDate;
  private final YamlWriter yaml = new YamlWriter();
  private final Set<String> ids = new HashSet<>();
  private final List<String> missing = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Map<String, ImportReport.Finding> roles = new LinkedHashMap<>();
  private final List<ImportReport.Finding> consequences = new ArrayList<>();
  private final List<ImportReport.Finding> exceptions = new ArrayList<>();

  private String title;
  private String titleFrom;
  private String organisation;
  private String shortTitle;
  private String version;
  private LocalDate drafted;
  private String draftedFrom;
  private String approvalBody;
  private LocalDate approvalDue;
  private final List<String> signatories = new ArrayList<>();
  private final List<SectionDraft> sections = new ArrayList<>();

  private record SectionDraft(String title, String sourceNumber, String note, List<ClauseDraft> clauses) {}

  private record ClauseDraft(String text, String origin, String note, List<ClauseDraft> items) {}

  /** The YAML skeleton and the report. */
  public record Result(String yaml, ImportReport report) {}

  private Skeleton(SourceDocument source, LocalDate fallbackDate) {
    this.source = source;
    this.fallbackDate = fallbackDate;
    notes.addAll(source.notes());
  }

  /**
   * Builds the skeleton of a source document.
   *
   * @param fallbackDate the date drafted to write when the document gives none (the file's date)
   * @throws ImportException when the document holds no paragraph of policy text
   */
  public static Result build(SourceDocument source, LocalDate fallbackDate) {
    Skeleton skeleton = new Skeleton(source, fallbackDate);
    skeleton.read();
    return new Result(skeleton.write(), skeleton.report());
  }

  // ---- reading the blocks -------------------------------------------------------------------

  private void read() {
    List<Block> blocks = titleFromLoneTopHeading(source.blocks().stream()
        .filter(b -> !b.plain().isBlank() && !(b.type() == Block.Type.HEADING && headingTitle(b.plain()).isEmpty()))
        .toList());
    List<ClauseDraft> preamble = new ArrayList<>();
    int i = 0;
    boolean contents = false;
    List<String> toc = new ArrayList<>();
    for (; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      String plain = block.plain();
      if (block.type() == Block.Type.TITLE) {
        if (title == null) {
          title = plain;
          titleFrom = "the document's title";
        } else {
          preamble.add(new ClauseDraft(block.text(), block.origin(), "", new ArrayList<>()));
        }
        continue;
      }
      if (plain.matches("(?i)(table of )?contents:?")) {
        contents = true;
        continue;
      }
      if (block.type() == Block.Type.HEADING) {
        String heading = headingTitle(plain);
        if (contents && (toc.isEmpty() || !toc.get(0).equals(heading))) {
          toc.add(heading);
          continue;
        }
        if (!contents && titlePageHeading(blocks, i)) {
          metadataLine(plain);
          continue;
        }
        break;
      }
      if (contents && (TOC_LINE.matcher(plain).matches() || toc.contains(headingTitle(plain)))) {
        continue;
      }
      contents = false;
      if (!metadataLine(plain)) {
        preamble.add(new ClauseDraft(block.text(), block.origin(), "", new ArrayList<>()));
      }
    }
    if (!toc.isEmpty()) {
      notes.add("the table of contents (" + toc.size() + " entries) was left out: the rendered document makes its own");
    }
    if (!preamble.isEmpty()) {
      sections.add(new SectionDraft("Introduction", "", "the source has this text before its first heading", preamble));
    }
    body(blocks.subList(i, blocks.size()));
    metadataFromMarginalia();
    int clauses = sections.stream().mapToInt(s -> s.clauses().size()).sum();
    boolean prose = sections.stream().flatMap(s -> s.clauses().stream())
        .anyMatch(c -> Text.plain(c.text()).split("\\s+").length >= 6);
    if (clauses == 0 || !prose) {
      throw new ImportException(source.name() + ": does not read as a policy: found no paragraph of text"
          + " (a policy has at least one sentence of six words or more); nothing was written");
    }
  }

  /** A lone top-level heading ahead of all others (Markdown's "# Title") is the document's title. */
  private static List<Block> titleFromLoneTopHeading(List<Block> blocks) {
    List<Block> headings = blocks.stream().filter(b -> b.type() == Block.Type.HEADING).toList();
    boolean hasTitle = blocks.stream().anyMatch(b -> b.type() == Block.Type.TITLE);
    if (hasTitle || headings.size() < 2) {
      return blocks;
    }
    Block first = headings.get(0);
    if (headings.stream().skip(1).allMatch(h -> h.level() > first.level())) {
      List<Block> changed = new ArrayList<>(blocks);
      changed.set(blocks.indexOf(first), new Block(Block.Type.TITLE, 0, first.text(), first.origin()));
      return changed;
    }
    return blocks;
  }

  /**
   * Whether a heading ahead of the body belongs to the title page: it names the policy (while no
   * title is known) or the organisation (while none is known), and all that follows it up to the
   * next heading is title-page metadata (a version, a date, an approval line), or nothing. Many
   * schools set the title in Heading 1 and the trust's name in bold rather than in the Title style.
   */
  private boolean titlePageHeading(List<Block> blocks, int at) {
    if (blocks.get(at).level() > 2) {
      return false;
    }
    String plain = blocks.get(at).plain();
    boolean names = plain.split("\\s+").length <= 12 && !Text.endsSentence(plain)
        && (title == null && plain.toLowerCase(Locale.ROOT).contains("policy")
            || organisation == null && ORGANISATION.matcher(plain).find() && !plain.toLowerCase(Locale.ROOT).contains("policy"));
    if (!names || !headingTitle(plain).equals(plain)) {
      return false;
    }
    boolean titled = title != null || plain.toLowerCase(Locale.ROOT).contains("policy");
    for (int j = at + 1; j < blocks.size() && blocks.get(j).type() != Block.Type.HEADING; j++) {
      String line = blocks.get(j).plain();
      boolean namesPolicy = !titled && line.toLowerCase(Locale.ROOT).contains("policy");
      if (blocks.get(j).type() != Block.Type.PARAGRAPH || !(titlePageMetadata(line) || namesPolicy && shortLine(line))) {
        return false;
      }
      titled |= namesPolicy;
    }
    return true;
  }

  private static boolean shortLine(String plain) {
    return plain.split("\\s+").length <= 12 && !Text.endsSentence(plain);
  }

  /** A version, a date or an approval line, as {@link #metadataLine} reads them. */
  private static boolean titlePageMetadata(String plain) {
    if (APPROVAL.matcher(plain).matches()) {
      return true;
    }
    if (!shortLine(plain)) {
      return false;
    }
    Matcher date = DATE.matcher(plain);
    return VERSION.matcher(plain).find() && plain.length() < 40 || date.find() && plain.length() - date.group().length() < 25;
  }

  /** Reads a title-page line into the metadata; false when it is not metadata but text. */
  private boolean metadataLine(String plain) {
    Matcher approval = APPROVAL.matcher(plain);
    if (approvalBody == null && approval.matches()) {
      approvalBody = approval.group(1).strip();
      if (approval.group(2) != null) {
        approvalDue = date(approval.group(2)).map(d -> YearMonth.from(d).atEndOfMonth()).orElse(null);
      }
      return true;
    }
    boolean shortLine = plain.split("\\s+").length <= 12 && !Text.endsSentence(plain);
    if (!shortLine) {
      return false;
    }
    Matcher version = VERSION.matcher(plain);
    if (this.version == null && version.find() && plain.length() < 40) {
      this.version = version.group(1);
      return true;
    }
    Matcher date = DATE.matcher(plain);
    if (drafted == null && date.find() && plain.length() - date.group().length() < 25) {
      Optional<LocalDate> parsed = date(date.group());
      if (parsed.isPresent()) {
        drafted = parsed.get();
        draftedFrom = plain;
        return true;
      }
    }
    if (title == null && plain.toLowerCase(Locale.ROOT).contains("policy")) {
      title = plain;
      titleFrom = "the title page";
      return true;
    }
    if (organisation == null && ORGANISATION.matcher(plain).find()) {
      organisation = plain;
      return true;
    }
    if (title != null && shortTitle == null && title.startsWith(plain) && !title.equals(plain)) {
      shortTitle = plain;
      return true;
    }
    return false;
  }

  private void metadataFromMarginalia() {
    for (String line : source.marginalia()) {
      String plain = Text.collapse(line);
      Matcher version = VERSION.matcher(plain);
      if (this.version == null && version.find()) {
        this.version = version.group(1);
      }
      if (organisation == null) {
        Matcher org = ORGANISATION.matcher(plain);
        if (org.find() && plain.split("\\s+").length <= 8 && !plain.toLowerCase(Locale.ROOT).contains("policy")) {
          organisation = plain;
        }
      }
      if (drafted == null) {
        Matcher date = DATE.matcher(plain);
        if (date.find()) {
          date(date.group()).ifPresent(d -> {
            drafted = d;
            draftedFrom = "a header or footer: " + plain;
          });
        }
      }
    }
    if (title == null && source.title().isPresent()) {
      title = source.title().get();
      titleFrom = "the document's properties";
    }
    if (organisation == null && source.organisation().isPresent()) {
      organisation = source.organisation().get();
    }
    if (drafted == null && source.created().isPresent()) {
      drafted = source.created().get();
      draftedFrom = "the document's creation date";
    }
  }

  private void body(List<Block> blocks) {
    SectionDraft section = null;
    ClauseDraft lastClause = null;
    boolean signing = false;
    for (Block block : blocks) {
      String plain = block.plain();
      if (block.type() == Block.Type.HEADING || block.type() == Block.Type.TITLE) {
        Matcher numbered = TextReader.NUMBERED_HEADING.matcher(plain);
        String number = numbered.matches() ? numbered.group(1) : "";
        section = new SectionDraft(headingTitle(plain), number,
            block.level() > 1 ? "a sub-heading (level " + block.level() + ") in the source" : "", new ArrayList<>());
        sections.add(section);
        lastClause = null;
        signing = false;
        continue;
      }
      Matcher signed = SIGNED.matcher(plain);
      if (signed.matches() && plain.split("\\s+").length <= 8) {
        if (signed.group(1).isEmpty()) {
          signing = true;
        } else {
          signatories.add(signed.group(1));
        }
        continue;
      }
      if (FORM_LABEL.matcher(plain).matches() || plain.matches("[_.\\s]+")) {
        continue;
      }
      if (signing && plain.split("\\s+").length <= 8 && !Text.endsSentence(plain)) {
        signatories.add(plain);
        signing = false;
        continue;
      }
      signing = false;
      if (section == null) {
        section = new SectionDraft("Introduction", "", "the source has this text before its first heading", new ArrayList<>());
        sections.add(section);
      }
      if (block.type() == Block.Type.ITEM && lastClause != null) {
        String note = block.level() > 0 ? "a nested list item (level " + (block.level() + 1) + ") in the source" : "";
        lastClause.items().add(new ClauseDraft(block.text(), block.origin(), note, List.of()));
        continue;
      }
      String note = block.type() == Block.Type.ITEM ? "a list item with no lead-in paragraph in the source" : "";
      lastClause = new ClauseDraft(block.text(), block.origin(), note, new ArrayList<>());
      section.clauses().add(lastClause);
    }
  }

  private static String headingTitle(String plain) {
    Matcher numbered = TextReader.NUMBERED_HEADING.matcher(plain);
    String title = numbered.matches() ? numbered.group(2) : plain;
    return title.replaceFirst("^(?i)(section|part)\\s+\\d+[.:]?\\s+", "").strip();
  }

  static Optional<LocalDate> date(String text) {
    Matcher m = DATE.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      if (m.group(2) != null) {
        String month = m.group(2).toLowerCase(Locale.ROOT);
        int number = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
            .indexOf(month.substring(0, 3)) + 1;
        YearMonth ym = YearMonth.of(Integer.parseInt(m.group(3)), number);
        return Optional.of(m.group(1) == null ? ym.atDay(1) : ym.atDay(Integer.parseInt(m.group(1))));
      }
      if (m.group(4) != null) {
        return Optional.of(LocalDate.of(Integer.parseInt(m.group(6)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(4))));
      }
      return Optional.of(LocalDate.of(Integer.parseInt(m.group(7)), Integer.parseInt(m.group(8)), Integer.parseInt(m.group(9))));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  // ---- writing the YAML ---------------------------------------------------------------------

  private String write() {
    String baseName = source.name().replaceFirst("^.*[/\\\\]", "").replaceFirst("\\.[^.]*$", "");
    if (title == null) {
      title = capitalise(baseName.replaceAll("[-_]+", " ").strip());
      titleFrom = "the file name";
      missing.add("title: not found in the document; taken from the file name");
    }
    yaml.comment("Imported by Precept from " + source.name().replaceFirst("^.*[/\\\\]", "") + ".");
    yaml.comment("A first skeleton for review: every clause is one paragraph or list item of the source, in order.");
    yaml.comment("Lines marked '# review:' are guesses. See 'Starting from an existing Word policy' in the docs.");
    yaml.comment("yaml-language-server: $schema=./policy.schema.json");
    yaml.line(0, "schemaVersion: 1");
    String policyId = unique(Optional.of(Text.slug(title, 6)).filter(s -> !s.isEmpty()).orElse("imported-policy"));
    yaml.line(0, "id: " + YamlWriter.plain(policyId), "review: a stable id for this policy across editions");
    yaml.line(0, "metadata:");
    if (organisation == null) {
      organisation = "Organisation";
      missing.add("organisation: not found in the document");
      yaml.scalar(1, "organisation", organisation, "review: not found in the document; write the organisation's name");
    } else {
      yaml.scalar(1, "organisation", organisation, null);
    }
    yaml.scalar(1, "title", title, titleFrom == null ? null : "from " + titleFrom);
    if (shortTitle != null) {
      yaml.scalar(1, "shortTitle", shortTitle, null);
    }
    if (version == null) {
      missing.add("version: not found in the document; \"0.1\" was written");
      yaml.scalar(1, "version", "0.1", "review: no version found in the document");
    } else {
      yaml.scalar(1, "version", version, null);
    }
    yaml.line(1, "status: draft", "an imported policy is a draft until the approving body approves it");
    yaml.line(1, "dates:");
    if (drafted == null) {
      drafted = fallbackDate;
      missing.add("dates.drafted: no date found in the document; the file's date was written");
      yaml.line(2, "drafted: " + drafted, "review: no date found in the document; this is the file's date");
    } else {
      yaml.line(2, "drafted: " + drafted, "from " + draftedFrom);
    }
    Matcher review = REVIEW.matcher(sections.stream().flatMap(s -> s.clauses().stream()).map(ClauseDraft::text)
        .reduce("", (a, b) -> a + " " + b));
    if (review.find()) {
      String period = review.group(1).matches("(?i).*(two|2|biennially).*") ? "P2Y"
          : review.group(1).matches("(?i).*(three|3).*") ? "P3Y" : review.group(1).matches("(?i).*(six|6).*") ? "P6M" : "P1Y";
      yaml.line(1, "reviewFrequency: " + period, "from \"" + review.group() + "\"");
    } else {
      missing.add("reviewFrequency: not stated in the document; P1Y (yearly) was written");
      yaml.line(1, "reviewFrequency: P1Y", "review: not stated in the document; P1Y is yearly");
    }
    Map<String, String> offices = new LinkedHashMap<>();
    yaml.line(1, "approval:");
    String bodyTitle = approvalBody;
    if (bodyTitle == null) {
      bodyTitle = "Board";
      missing.add("approval.body: no approving body found; an office 'board' was declared");
    }
    String body = officeId(bodyTitle);
    offices.put(body, bodyTitle);
    yaml.line(2, "body: " + YamlWriter.plain(body), approvalBody == null ? "review: no approving body found in the document" : null);
    if (approvalDue != null) {
      yaml.line(2, "due: " + approvalDue);
    }
    yaml.line(1, "signatories:");
    if (signatories.isEmpty()) {
      missing.add("signatories: no signature block found; the approving body signs");
      yaml.line(2, "- office: " + YamlWriter.plain(body), "review: no signature block found in the document");
    }
    Set<String> signing = new LinkedHashSet<>();
    for (String signatory : signatories) {
      String id = officeId(signatory);
      offices.putIfAbsent(id, signatory);
      if (signing.add(id)) {
        yaml.line(2, "- office: " + YamlWriter.plain(id));
      }
    }
    yaml.blank();
    yaml.line(0, "roles:");
    yaml.line(1, "- id: everyone", "review: declare the roles the policy concerns (see the import report), then drop this one");
    yaml.scalar(2, "title", "Everyone the policy concerns", null);
    yaml.blank();
    yaml.line(0, "offices:");
    offices.forEach((id, officeTitle) -> {
      yaml.line(1, "- id: " + YamlWriter.plain(id));
      yaml.scalar(2, "title", officeTitle, null);
    });
    yaml.blank();
    yaml.line(0, "sections:");
    for (SectionDraft section : sections) {
      sectionYaml(section);
    }
    return yaml.toString();
  }

  private void sectionYaml(SectionDraft section) {
    String sectionId = unique(Optional.of(Text.slug(section.title(), 4)).filter(s -> !s.isEmpty()).orElse("section"));
    String prefix = Optional.of(Text.slug(section.title(), 3)).filter(s -> !s.isEmpty()).orElse(sectionId);
    List<String> comments = new ArrayList<>();
    if (!section.sourceNumber().isEmpty()) {
      comments.add("numbered " + section.sourceNumber() + " in the source");
    }
    if (!section.note().isEmpty()) {
      comments.add("review: " + section.note());
      notes.add("section \"" + section.title() + "\": " + section.note());
    }
    yaml.line(1, "- id: " + YamlWriter.plain(sectionId), comments.isEmpty() ? null : String.join("; ", comments));
    yaml.scalar(2, "title", section.title(), null);
    if (section.clauses().isEmpty()) {
      // A section must have a clause: a heading with no text of its own keeps its heading as text.
      notes.add("section \"" + section.title() + "\" has no text of its own in the source; its heading was written as its clause");
      yaml.line(2, "clauses:");
      yaml.line(3, "- id: " + YamlWriter.plain(unique(prefix + ".heading")));
      yaml.line(4, "kind: statement", "review: the source has a heading and no text here; merge or remove");
      yaml.scalar(4, "text", section.title(), null);
      return;
    }
    yaml.line(2, "clauses:");
    for (ClauseDraft clause : section.clauses()) {
      String id = clauseYaml(3, prefix, clause, section.title(), null);
      if (!clause.items().isEmpty()) {
        yaml.line(4, "items:");
        for (ClauseDraft item : clause.items()) {
          clauseYaml(5, prefix, item, section.title(), clause.text());
        }
      }
      if (id == null) {
        throw new IllegalStateException("clause without id");
      }
    }
  }

  private String clauseYaml(int indent, String prefix, ClauseDraft clause, String sectionTitle, String leadIn) {
    String words = Text.slug(clause.text(), 3);
    String id = unique(prefix + "." + (words.isEmpty() ? "clause" : words));
    List<String> idComments = new ArrayList<>();
    if (!clause.origin().isEmpty()) {
      idComments.add("review: from " + clause.origin() + " in the source");
    }
    if (!clause.note().isEmpty()) {
      idComments.add("review: " + clause.note());
      notes.add(id + ": " + clause.note());
    }
    yaml.line(indent, "- id: " + YamlWriter.plain(id), idComments.isEmpty() ? null : String.join("; ", idComments));
    KindGuess guess = KindGuess.of(clause.text(), sectionTitle, leadIn);
    yaml.line(indent + 1, "kind: " + guess.kind().word(), "review: " + guess.because());
    yaml.scalar(indent + 1, "text", clause.text(), null);
    find(id, clause.text());
    return id;
  }

  private void find(String clauseId, String text) {
    String plain = Text.plain(text);
    for (Map.Entry<String, String> role : ROLE_WORDS.entrySet()) {
      Matcher m = Pattern.compile("(?i)\\b" + role.getKey() + "\\b").matcher(plain);
      if (m.find() && !roles.containsKey(role.getValue())) {
        roles.put(role.getValue(), Finding.builder().clause(clauseId).phrase(m.group()).build());
      }
    }
    // One finding per stretch of text: a phrase inside the one reported before it is not repeated.
    int covered = 0;
    Matcher consequence = CONSEQUENCE.matcher(plain);
    while (consequence.find()) {
      if (consequence.start() >= covered) {
        String phrase = context(plain, consequence.start(), 70);
        consequences.add(Finding.builder().clause(clauseId).phrase(phrase).build());
        covered = consequence.start() + phrase.length();
      }
    }
    Matcher exception = EXCEPTION.matcher(plain);
    while (exception.find()) {
      exceptions.add(Finding.builder().clause(clauseId).phrase(exception.group().strip()).build());
    }
  }

  private static String context(String text, int start, int length) {
    int end = Math.min(text.length(), start + length);
    int stop = text.indexOf('.', start);
    if (stop >= 0 && stop < end) {
      end = stop;
    } else if (end < text.length()) {
      int space = text.lastIndexOf(' ', end);
      end = space > start ? space : end;
    }
    return text.substring(start, end).strip();
  }

  private String officeId(String officeTitle) {
    String lower = officeTitle.toLowerCase(Locale.ROOT);
    if (lower.matches(".*\\b(chief executive|ceo)\\b.*")) {
      return "ceo";
    }
    if (lower.matches("^(the )?chair\\b.*")) {
      return "chair";
    }
    if (lower.matches(".*\\b(head ?teacher|principal)\\b.*")) {
      return "headteacher";
    }
    if (lower.matches("^(the )?(trust )?board\\b.*")) {
      return "board";
    }
    if (lower.matches(".*\\bgoverning (body|board)\\b.*|.*\\bboard of governors\\b.*")) {
      return "governing-body";
    }
    String slug = Text.slug(officeTitle, 3);
    return slug.isEmpty() ? "office" : slug;
  }

  private String unique(String id) {
    String candidate = id;
    for (int n = 2; !ids.add(candidate); n++) {
      candidate = id + "-" + n;
    }
    return candidate;
  }

  private ImportReport report() {
    return ImportReport.builder()
        .rolesToDeclare(roles.values())
        .candidateConsequences(consequences)
        .exceptionPhrases(exceptions)
        .missingMetadata(missing)
        .notes(notes)
        .build();
  }

  private static String capitalise(String text) {
    StringBuilder out = new StringBuilder();
    for (String word : text.split(" ")) {
      if (!word.isEmpty()) {
        out.append(out.length() == 0 ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return out.length() == 0 ? "Imported Policy" : out.toString();
  }

  private static Map<String, String> roleWords() {
    Map<String, String> words = new LinkedHashMap<>();
    for (String word : List.of("members? of staff", "staff", "employees?", "pupils?", "students?", "learners?", "parents?",
        "carers?", "head ?teachers?", "governors?", "trustees?", "volunteers?", "contractors?", "external service providers?",
        "external services providers?", "visitors?", "teachers?", "supply staff", "agency staff", "friends", "children")) {
      words.put(word, word.replace("?", "").replace("services", "service"));
    }
    return words;
  }
}
