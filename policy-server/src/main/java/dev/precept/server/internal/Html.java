package dev.precept.server.internal;

/** Building the staff pages' HTML: every piece of text goes through {@link #text} on its way in. */
public final class Html {
  private Html() {}

  /** Text escaped for an element's content or a quoted attribute: {@code & < > " '}. */
  public static String text(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A whole page: the title (escaped) and a body already built from escaped parts. */
  static String page(String title, String body, boolean signedIn, String csrf) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + text(title) + " · Precept</title><style>"
        + "body{font-family:system-ui,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.45}"
        + "table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}"
        + "nav{display:flex;gap:1rem;align-items:center;border-bottom:2px solid #1b1b1b;padding-bottom:.5rem;margin-bottom:1rem}"
        + "nav form{margin-left:auto}label{display:block;margin:.6rem 0 .2rem;font-weight:600}"
        + "select,input[type=text],input[type=date],input[type=password]{padding:.3rem;min-width:18rem}"
        + "button{padding:.4rem .9rem;margin-top:.8rem}pre{white-space:pre-wrap;background:#f5f5f5;padding:.8rem}"
        + ".breached{color:#9b1c1c;font-weight:700}.notice{background:#fff8e1;padding:.6rem;border-left:4px solid #e0a800}"
        + "</style></head><body><nav><strong>Precept</strong>"
        + (signedIn ? "<a href=\"/staff\">Library</a><form method=\"post\" action=\"/staff/logout\">" + csrfField(csrf)
            + "<button type=\"submit\">Sign out</button></form>" : "")
        + "</nav><main>\n<h1>" + text(title) + "</h1>\n" + body + "\n</main></body></html>\n";
  }

  static String csrfField(String token) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + text(token) + "\">";
  }
}
