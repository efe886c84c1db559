package dev.precept.render;

import org.apiguardian.api.API;

import dev.precept.model.Office;
import dev.precept.model.Policy;
import dev.precept.model.PolicyException;
import dev.precept.model.Signatory;
import dev.precept.render.internal.Markup;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A static website of a trust's policies in force: an index page listing them by who holds them
 * (the trust, then each academy), each with its edition, who approved it and when, and its next
 * review; and each policy's document as HTML with its PDF beside it. The pages use no JavaScript,
 * every link is relative (the folder can be served from anywhere or opened from disk), policy text
 * is escaped, and the same policies on the same date give byte-identical files.
 *
 * <pre>{@code
 * SortedMap<String, byte[]> files = PolicySite.of(DocumentRenderer.standard())
 *     .files("Connect Academy Trust", LocalDate.of(2017, 3, 1), policies, line -> {});
 * }</pre>
 *
 * <p>Files: {@code index.html}; the trust's own policies as {@code policies/<id>.html} and
 * {@code .pdf}; an academy's as {@code academies/<academy>/<id>.html} and {@code .pdf}, where
 * {@code <academy>} is the academy's name in lower case with words joined by hyphens.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class PolicySite {
  /** The index page's generator, by which a folder is recognised as a site published before. */
  public static final String GENERATOR = "Precept publish";

  private static final String GENERATOR_META = "<meta name=\"generator\" content=\"" + GENERATOR + "\"/>";
  private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final DocumentRenderer renderer;

  private PolicySite(DocumentRenderer renderer) {
    this.renderer = renderer;
  }

  /** A site whose documents this renderer makes. */
  public static PolicySite of(DocumentRenderer renderer) {
    return new PolicySite(renderer);
  }

  /** Whether an {@code index.html} page is the index of a site published by {@link #files}. */
  public static boolean isSiteIndex(String html) {
    return html.contains(GENERATOR_META);
  }

  /**
   * The site's files, by their path inside the site folder, in path order.
   *
   * @param organisation the trust's name, the site's heading
   * @param date the date the policies are in force on, stated on the index
   * @param policies the policies to publish, in any order
   * @param progress told, before each document is rendered, which one ("2/4 Trelissick Academy:
   *     Social Media Policy 2016.1")
   * @throws PolicyException when there is no policy to publish, or two would share a file (the
   *     same policy twice for one holder, or two academies whose names differ only in punctuation)
   */
  public SortedMap<String, byte[]> files(String organisation, LocalDate date, List<PublishedPolicy> policies,
      Consumer<String> progress) {
    if (policies.isEmpty()) {
      throw new PolicyException("there is no policy to publish");
    }
    List<PublishedPolicy> ordered = new ArrayList<>(policies);
    ordered.sort(Comparator.comparing((PublishedPolicy p) -> p.academy().isPresent())
        .thenComparing(p -> p.academy().orElse(""))
        .thenComparing(p -> p.policy().metadata().title())
        .thenComparing(p -> p.policy().id()));
    Map<String, PublishedPolicy> byPath = new LinkedHashMap<>();
    Map<String, String> academyByFolder = new TreeMap<>();
    for (PublishedPolicy policy : ordered) {
      policy.academy().ifPresent(name -> {
        String other = academyByFolder.putIfAbsent(folderOf(name), name);
        if (other != null && !other.equals(name)) {
          throw new PolicyException("academies '" + other + "' and '" + name + "' would share the folder "
              + "academies/" + folderOf(name) + "/ of the site; rename one of them");
        }
      });
      String path = pathOf(policy);
      if (byPath.putIfAbsent(path, policy) != null) {
        throw new PolicyException("policy '" + policy.policy().id() + "' is published twice for "
            + policy.academy().orElse(organisation) + "; publish one edition of it");
      }
    }
    SortedMap<String, byte[]> files = new TreeMap<>();
    Map<String, Integer> pdfSizes = new LinkedHashMap<>();
    int done = 0;
    for (Map.Entry<String, PublishedPolicy> each : byPath.entrySet()) {
      PublishedPolicy published = each.getValue();
      done++;
      progress.accept(done + "/" + byPath.size() + " " + published.academy().map(a -> a + ": ").orElse("")
          + published.policy().metadata().title() + " " + published.policy().metadata().version()
          + (published.draft() ? " (DRAFT)" : ""));
      files.put(each.getKey() + ".html", renderer.html(published.policy(), published.signatures()).getBytes(StandardCharsets.UTF_8));
      ByteArrayOutputStream pdf = new ByteArrayOutputStream();
      renderer.pdf(published.policy(), published.signatures(), pdf);
      files.put(each.getKey() + ".pdf", pdf.toByteArray());
      pdfSizes.put(each.getKey(), pdf.size());
    }
    files.put("index.html", index(organisation, date, byPath, pdfSizes).getBytes(StandardCharsets.UTF_8));
    return Collections.unmodifiableSortedMap(files);
  }

  /**
   * The line the index shows under a policy: "Approved by the Board of Connect Academy Trust on
   * 20 October 2016", with the Local Governing Body's approval of an academy's own clauses after
   * it; for a draft, what it awaits.
   */
  public static String approvalLine(PublishedPolicy published) {
    Policy policy = published.policy();
    Office body = policy.office(policy.metadata().approval().body()).orElseThrow();
    String board = Office.withArticle(body.formalOrTitle());
    if (published.draft()) {
      return "Draft, not approved: for review and approval by " + board
          + policy.metadata().approval().due().map(d -> " by " + d.format(DAY_MONTH_YEAR)).orElse("");
    }
    SignatureBlock signatures = published.signatures();
    Set<String> boardOffices = policy.metadata().signatories().stream().map(Signatory::office).collect(Collectors.toSet());
    Optional<LocalDate> boardDate = signatures.lines().stream().filter(l -> boardOffices.contains(l.office()))
        .flatMap(l -> l.date().stream()).max(Comparator.naturalOrder()).or(signatures::approvedOn);
    StringBuilder line = new StringBuilder("Approved by ").append(board)
        .append(boardDate.map(d -> " on " + d.format(DAY_MONTH_YEAR)).orElse(""));
    Optional<LocalDate> localDate = signatures.lines().stream().filter(l -> !boardOffices.contains(l.office()))
        .flatMap(l -> l.date().stream()).max(Comparator.naturalOrder());
    if (published.localBody().isPresent() && localDate.isPresent()) {
      String localBody = policy.office(published.localBody().get()).map(o -> Office.withArticle(o.formalOrTitle()))
          .orElse(published.localBody().get());
      line.append("; its own clauses approved by ").append(localBody).append(" on ").append(localDate.get().format(DAY_MONTH_YEAR));
    }
    return line.toString();
  }

  private static String pathOf(PublishedPolicy policy) {
    return policy.academy().map(a -> "academies/" + folderOf(a) + "/").orElse("policies/") + policy.policy().id();
  }

  /** An academy's folder in the site: its name in lower case, words joined by hyphens ("trelissick-academy"). */
  static String folderOf(String academy) {
    String folder = java.text.Normalizer.normalize(academy, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    return folder.isEmpty() ? "academy" : folder;
  }

  private static String index(String organisation, LocalDate date, Map<String, PublishedPolicy> byPath, Map<String, Integer> pdfSizes) {
    String title = organisation + ": policies";
    Map<String, List<String>> groups = new LinkedHashMap<>();
    byPath.forEach((path, policy) -> groups.computeIfAbsent(policy.academy().orElse(""), k -> new ArrayList<>()).add(path));
    StringBuilder out = new StringBuilder();
    out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\" xml:lang=\"en-GB\">\n<head>\n")
        .append("<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append(GENERATOR_META).append('\n')
        .append("<title>").append(Markup.plain(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<header>\n<h1>").append(Markup.plain(title)).append("</h1>\n<p>The policies in force on ")
        .append(date.format(DAY_MONTH_YEAR)).append(", each to read here or to download as a PDF.</p>\n");
    if (groups.size() > 1) {
      out.append("<nav aria-label=\"Contents\">\n<ul>\n");
      groups.keySet().forEach(holder -> out.append("<li><a href=\"#").append(anchor(holder)).append("\">")
          .append(Markup.plain(holder.isEmpty() ? organisation : holder)).append("</a></li>\n"));
      out.append("</ul>\n</nav>\n");
    }
    out.append("</header>\n<main>\n");
    for (Map.Entry<String, List<String>> group : groups.entrySet()) {
      String holder = group.getKey();
      out.append("<section aria-labelledby=\"").append(anchor(holder)).append("\">\n<h2 id=\"").append(anchor(holder)).append("\">")
          .append(Markup.plain(holder.isEmpty() ? organisation : holder)).append("</h2>\n<ul class=\"policies\">\n");
      for (String path : group.getValue()) {
        PublishedPolicy published = byPath.get(path);
        String policyTitle = Markup.plain(published.policy().metadata().title());
        out.append("<li>\n<h3><a href=\"").append(path).append(".html\">").append(policyTitle).append("</a></h3>\n");
        if (published.draft()) {
          out.append("<p class=\"draft\"><strong>DRAFT</strong>: this edition is not approved.</p>\n");
        }
        out.append("<p>Edition ").append(Markup.plain(published.policy().metadata().version())).append("</p>\n")
            .append("<p>").append(Markup.plain(approvalLine(published))).append("</p>\n");
        published.nextReview().filter(next -> !published.draft()).ifPresent(next -> out.append("<p>Next review by ").append(next.format(DAY_MONTH_YEAR)).append("</p>\n"));
        out.append("<p><a href=\"").append(path).append(".pdf\">").append(policyTitle).append(" (PDF, ")
            .append((pdfSizes.get(path) + 1023) / 1024).append(" KB)</a></p>\n</li>\n");
      }
      out.append("</ul>\n</section>\n");
    }
    out.append("</main>\n<footer>\n<p>Each document ends with its signatures and the fingerprint (digest) of the text that was")
        .append(" approved.</p>\n")
        .append("</footer>\n</body>\n</html>\n");
    return out.toString();
  }

  private static String anchor(String holder) {
    return holder.isEmpty() ? "trust" : "academy-" + folderOf(holder);
  }

  private static final String STYLE = String.join("\n",
      "body{font-family:Georgia,'Times New Roman',serif;line-height:1.5;color:#1a1a1a;background:#fff;margin:0 auto;max-width:50em;padding:1em 1.5em}",
      "h1{font-size:1.8em;margin:.5em 0}h2{font-size:1.4em;border-bottom:1px solid #767676;margin-top:2em}h3{font-size:1.15em;margin:.2em 0}",
      "a{color:#0b4f8a}a:focus{outline:3px solid #1a1a1a;outline-offset:2px}",
      "ul.policies{list-style:none;padding:0}ul.policies>li{margin:0 0 1.5em}ul.policies p{margin:.1em 0}",
      ".draft{color:#8a1c1c}footer{border-top:1px solid #767676;margin-top:3em;font-size:.9em}",
      "@media print{a{color:#000}nav{display:none}}",
      "");
}
