package dev.precept.library;

import org.apiguardian.api.API;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The register as people read it: a plain-text listing for the terminal, and a self-contained HTML
 * page with a grid of policies by academies, each cell coloured by its {@link RegisterState}, and
 * the detail beneath. The command line and the server show the same page. Text from the files is
 * escaped; the same register gives byte-identical output.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class RegisterPage {
  private RegisterPage() {}

  /** The register as text, a block per policy. */
  public static String text(TrustRegister register) {
    StringBuilder out = new StringBuilder();
    out.append("Register of ").append(register.trust()).append("'s policies on ").append(register.date()).append('\n');
    String policy = null;
    for (RegisterEntry e : register.entries()) {
      if (!e.policy().equals(policy)) {
        policy = e.policy();
        out.append('\n').append(e.title()).append(" (").append(e.policy()).append(")\n");
      }
      out.append(String.format(Locale.ROOT, "  %-22s %-18s %s%n", e.academy().orElse("Trust master"),
          e.state().word().toUpperCase(Locale.ROOT), e.edition().map(v -> "edition " + v + ": ").orElse("") + e.status()));
      if (!e.approvedBy().isEmpty()) {
        out.append("      approved by ").append(String.join("; ", e.approvedBy())).append('\n');
      }
      e.nextReview().ifPresent(d -> out.append("      next review ").append(d).append(" (").append(cycle(e)).append(")")
          .append(e.overdue() ? " OVERDUE" : "").append('\n'));
      if (e.academy().isPresent()) {
        out.append("      deviation: ").append(deviation(e)).append('\n');
      }
      e.attention().forEach(a -> out.append("      attention: ").append(a.replace("\n", "\n      ")).append('\n'));
    }
    register.problems().forEach(p -> out.append(p.describe()).append('\n'));
    long action = register.entries().stream().filter(e -> e.state().needsAction()).count() + register.problems().size();
    out.append('\n').append(action == 0 ? "nothing overdue; every overlay applies" : action + " need action").append('\n');
    return out.toString();
  }

  /**
   * The review cycle of a line in words: "reviewed every 1 year", and where the policy declares a
   * statutory cycle, "statutory: every 1 year, Keeping Children Safe in Education 2016" beside it
   * (first when it sets the next review).
   */
  public static String cycle(RegisterEntry e) {
    String own = "reviewed every " + inWords(e.reviewCycle());
    if (e.statutoryCycle().isEmpty()) {
      return own;
    }
    String statutory = "statutory: " + e.statutoryCycle().get() + e.statutorySource().map(s -> ", " + s).orElse("");
    return e.reviewByStatute() ? statutory + "; the policy's own: " + own : own + "; " + statutory;
  }

  /** An ISO-8601 period ("P1Y") as people say it ("1 year"); as written if it is not one. */
  private static String inWords(String period) {
    try {
      return dev.precept.model.Wording.period(java.time.Period.parse(period));
    } catch (java.time.format.DateTimeParseException notAPeriod) {
      return period;
    }
  }

  /** How far an academy's line deviates from the master, in words. */
  public static String deviation(RegisterEntry e) {
    String variables = e.variablesSet().isEmpty() ? "no variables set" : e.variablesSet().size() + " variables set";
    String tailored = e.tailored().isEmpty() ? "no clause tailored"
        : e.tailored().size() + (e.tailored().size() == 1 ? " clause tailored (" : " clauses tailored (") + String.join("; ", e.tailored()) + ")";
    return variables + ", " + tailored;
  }

  /** The register as one self-contained XHTML page. */
  public static String html(TrustRegister register) {
    StringBuilder out = new StringBuilder();
    String title = "Policy register: " + register.trust();
    out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<title>").append(esc(title)).append("</title>\n<style>\n")
        .append("body{font-family:Georgia,serif;margin:2em;color:#1a1a1a}table{border-collapse:collapse;margin:1em 0}")
        .append("th,td{border:1px solid #999;padding:.35em .6em;text-align:left;vertical-align:top}")
        .append(".in-force{background:#d9f2d9}.due{background:#fff3c4}.awaiting-approval{background:#dde6f7}")
        .append(".attention{background:#ffd9b3}.overdue{background:#f7c1c1}.none{background:#eee;color:#666}")
        .append(".legend span{display:inline-block;padding:.2em .6em;margin-right:.4em;border:1px solid #999}")
        .append("</style>\n</head>\n<body>\n<main>\n")
        .append("<h1>").append(esc(title)).append("</h1>\n")
        .append("<p>On ").append(register.date()).append(register.needsAction() ? ": <strong>action needed</strong>" : ": nothing overdue, every overlay applies")
        .append(".</p>\n<p class=\"legend\">");
    for (RegisterState state : RegisterState.values()) {
      out.append("<span class=\"").append(state.word()).append("\">").append(state.word().replace('-', ' ')).append("</span>");
    }
    out.append("</p>\n<table class=\"grid\">\n<caption>Policies by academy</caption>\n<thead><tr><th scope=\"col\">Policy</th><th scope=\"col\">Trust master</th>");
    for (String academy : register.academies()) {
      out.append("<th scope=\"col\">").append(esc(academy)).append("</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    List<String> policies = register.entries().stream().map(RegisterEntry::policy).distinct().toList();
    for (String policy : policies) {
      RegisterEntry master = register.entry(policy, Optional.empty()).orElseThrow();
      out.append("<tr><th scope=\"row\">").append(esc(master.title())).append("</th>").append(cell(master));
      for (String academy : register.academies()) {
        out.append(register.entry(policy, Optional.of(academy)).map(RegisterPage::cell).orElse("<td class=\"none\">no overlay</td>"));
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n<h2>Detail</h2>\n<table class=\"detail\">\n<thead><tr>")
        .append("<th scope=\"col\">Policy</th><th scope=\"col\">Held by</th><th scope=\"col\">Edition</th><th scope=\"col\">Status</th>")
        .append("<th scope=\"col\">Approved by</th><th scope=\"col\">Next review</th><th scope=\"col\">Deviation from master</th>")
        .append("<th scope=\"col\">Attention</th></tr></thead>\n<tbody>\n");
    for (RegisterEntry e : register.entries()) {
      out.append("<tr class=\"").append(e.state().word()).append("\"><td>").append(esc(e.title())).append("</td><td>")
          .append(esc(e.academy().orElse("Trust master"))).append("</td><td>").append(esc(e.edition().orElse("none in force")))
          .append("</td><td>").append(esc(e.status())).append("</td><td>").append(esc(String.join("; ", e.approvedBy())))
          .append("</td><td>").append(e.nextReview().map(LocalDate::toString).orElse("")).append(e.overdue() ? " (overdue)" : "")
          .append(" <small>").append(esc(cycle(e))).append("</small></td><td>")
          .append(e.academy().isPresent() ? esc(deviation(e)) : "").append("</td><td>")
          .append(e.attention().stream().map(RegisterPage::esc).collect(Collectors.joining("<br/>"))).append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    if (!register.problems().isEmpty()) {
      out.append("<h2>Files that could not be read</h2>\n<ul>\n");
      register.problems().forEach(p -> out.append("<li>").append(esc(p.describe())).append("</li>\n"));
      out.append("</ul>\n");
    }
    out.append("</main>\n</body>\n</html>\n");
    return out.toString();
  }

  private static String cell(RegisterEntry e) {
    String label = e.state().word().replace('-', ' ') + e.edition().map(v -> " " + v).orElse("");
    String detail = e.academy().isPresent() ? deviation(e) : e.status();
    return "<td class=\"" + e.state().word() + "\" title=\"" + esc(detail) + "\">" + esc(label)
        + (e.tailored().isEmpty() ? "" : "<br/><small>" + e.tailored().size() + " tailored</small>") + "</td>";
  }

  /** Escapes text for XHTML, non-ASCII as numeric references. */
  static String esc(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c < 128) {
            out.appendCodePoint(c);
          } else {
            out.append("&#").append(c).append(';');
          }
        }
      }
    });
    return out.toString();
  }
}
