package dev.precept.eval.internal;

import dev.precept.eval.ClauseRuling;
import dev.precept.eval.ConditionCheck;
import dev.precept.eval.ConsequenceRuling;
import dev.precept.eval.ExceptionRuling;
import dev.precept.eval.Permission;
import dev.precept.eval.Ruling;
import dev.precept.eval.StepCheck;
import dev.precept.eval.StepRuling;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Ruling lines as compact JSON in UTF-8 bytes, appended to a buffer it owns, for JSON Lines: byte for
 * byte the evaluator's mapper's JSON without indentation ({@code Rulings.toCompactJson}) encoded as
 * UTF-8, as {@link RulingJsonWriter} writes it onto a generator, at a fraction of its cost.
 *
 * <p>It writes the bytes itself, with each property's name, quotes and separators encoded once. The
 * parts the evaluator recalls (the same clause ruling, consequence ruling or list of memberships
 * again) and the policy's own long texts are written once and then copied: a memo from the object's
 * identity to its bytes, of at most {@value #SLOTS} entries and {@value #MEMO_BYTES} bytes (none over
 * {@value #MEMO_ENTRY_BYTES}), that takes an object in only when it is seen a second time, so parts
 * made afresh for every ruling do not churn it, and lets one go when others have asked for its slots
 * {@value #PATIENCE} times since it was last used. The objects are immutable, so remembered bytes are
 * always theirs.
 *
 * <p>Text that UTF-8 cannot hold (half a surrogate pair) is written as {@code ?}, as UTF-8 encoding
 * of the mapper's text writes it. One instance is used by one thread at a time.
 */
public final class RulingJsonLines {
  private static final int SLOTS = 512;
  private static final int MEMO_BYTES = 256 * 1024;
  private static final int MEMO_ENTRY_BYTES = MEMO_BYTES / 16;
  /** Texts shorter than this are encoded each time: cheaper than a look-up. */
  private static final int MEMO_TEXT_LENGTH = 24;
  /** Misses on a slot's two entries after which the one hit least lately makes way. */
  private static final int PATIENCE = 32;

  private static final byte[] POLICY = first("policy");
  private static final byte[] VERSION = next("version");
  private static final byte[] DIGEST = next("digest");
  private static final byte[] INCIDENT = next("incident");
  private static final byte[] PERSON = next("person");
  private static final byte[] DEEMED = next("deemed");
  private static final byte[] CLAUSES = next("clauses");
  private static final byte[] CONSEQUENCES = next("consequences");
  private static final byte[] UNSPECIFIED = next("unspecified");
  private static final byte[] SILENCES = next("silences");
  private static final byte[] NO_SANCTION_STATED = next("noSanctionStated");
  private static final byte[] DIAGNOSTICS = next("diagnostics");
  private static final byte[] FIRST_ID = first("id");
  private static final byte[] PATH = next("path");
  private static final byte[] FIRST_FACT = first("fact");
  private static final byte[] VALUE = next("value");
  private static final byte[] FIRST_CLAUSE = first("clause");
  private static final byte[] CLAUSE = next("clause");
  private static final byte[] BECAUSE = next("because");
  private static final byte[] RECORDED = next("recorded");
  private static final byte[] SILENCE = next("silence");
  private static final byte[] REASON = next("reason");
  private static final byte[] OUTCOME = next("outcome");
  private static final byte[] CATEGORY = next("category");
  private static final byte[] SCOPE = next("scope");
  private static final byte[] CONDITIONS = next("conditions");
  private static final byte[] EXCEPTION = next("exception");
  private static final byte[] PERMISSION = next("permission");
  private static final byte[] EXCEPTIONS = next("exceptions");
  private static final byte[] DUTY = next("duty");
  private static final byte[] UNDECIDED_BY = next("undecidedBy");
  private static final byte[] LEAD_IN = next("leadIn");
  private static final byte[] QUOTE = next("quote");
  private static final byte[] ORIGIN = next("origin");
  private static final byte[] FIRST_OFFICE = first("office");
  private static final byte[] GIVEN = next("given");
  private static final byte[] FORM = next("form");
  private static final byte[] RESULT = next("result");
  private static final byte[] TEXT = next("text");
  private static final byte[] PERMISSIONS = next("permissions");
  private static final byte[] FIRST_STEP = first("step");
  private static final byte[] STEP = next("step");
  private static final byte[] DONE = next("done");
  private static final byte[] FIRST_CONSEQUENCE = first("consequence");
  private static final byte[] STATUS = next("status");
  private static final byte[] MODALITY = next("modality");
  private static final byte[] KIND = next("kind");
  private static final byte[] STATEMENT = next("statement");
  private static final byte[] ACTION = next("action");
  private static final byte[] ACTOR = next("actor");
  private static final byte[] ACTORS = next("actors");
  private static final byte[] PROCEDURE = next("procedure");
  private static final byte[] REFERRAL = next("referral");
  private static final byte[] SOURCE = next("source");
  private static final byte[] BREACHES = next("breaches");
  private static final byte[] DEPENDS_ON = next("dependsOn");
  private static final byte[] ALTERNATIVES = next("alternatives");
  private static final byte[] OPTIONS = next("options");
  private static final byte[] FACTORS = next("factors");
  private static final byte[] DESCRIPTION = next("description");
  private static final byte[] FIRST_CURRENT = first("current");
  private static final byte[] NEXT = next("next");
  private static final byte[] FIRST_OUTCOME = first("outcome");
  private static final byte[] FIRST_SUBJECT = first("subject");
  private static final byte[] EXPECTED = next("expected");
  private static final byte[] ACTUAL = next("actual");
  private static final byte[] DEEMED_BY = next("deemedBy");
  private static final byte[] DETAIL = next("detail");
  private static final byte[] PARTS = next("parts");
  private static final byte[] TRUE = ascii("true");
  private static final byte[] FALSE = ascii("false");

  /** For each ASCII character: 0 written as itself, else the letter of its short escape, or 'u'. */
  private static final byte[] ESCAPES = new byte[128];
  private static final byte[] HEX = ascii("0123456789ABCDEF");

  static {
    for (int c = 0; c < 0x20; c++) {
      ESCAPES[c] = 'u';
    }
    ESCAPES['\b'] = 'b';
    ESCAPES['\t'] = 't';
    ESCAPES['\n'] = 'n';
    ESCAPES['\f'] = 'f';
    ESCAPES['\r'] = 'r';
    ESCAPES['"'] = '"';
    ESCAPES['\\'] = '\\';
  }

  private byte[] out;
  private int size;

  // The memo: two candidate slots for each object, by its identity hash.
  private final Object[] keys = new Object[SLOTS];
  private final byte[][] values = new byte[SLOTS][];
  /** The identity hash of an object seen once and not yet remembered, or 0. */
  private final int[] seen = new int[SLOTS];
  private final int[] misses = new int[SLOTS];
  private int memoBytes;

  // The last ruling's policy, version and digest, and the bytes they open a ruling line with.
  private String policy;
  private String version;
  private String digest;
  private byte[] opening;

  /** An empty buffer. */
  public RulingJsonLines() {
    out = new byte[1 << 12];
  }

  /** The buffer; its first {@link #size()} bytes are the lines written. */
  public byte[] bytes() {
    return out;
  }

  /** How many bytes have been written. */
  public int size() {
    return size;
  }

  /** Leaves only the first {@code length} bytes written. */
  public void truncate(int length) {
    if (length < 0 || length > size) {
      throw new IndexOutOfBoundsException("cannot truncate " + size + " bytes to " + length);
    }
    size = length;
  }

  /** Makes room for at least {@code capacity} bytes in all, so writing up to it does not grow the buffer. */
  public void reserve(int capacity) {
    if (out.length < capacity) {
      out = Arrays.copyOf(out, capacity);
    }
  }

  /** Appends one byte (a line's end). */
  public void append(byte b) {
    room(1);
    out[size++] = b;
  }

  /** Appends bytes written elsewhere. */
  public void append(byte[] bytes) {
    raw(bytes);
  }

  /** Appends one ruling as a JSON object, without a line end. */
  public void write(Ruling ruling) {
    if (ruling.policy() != policy || ruling.version() != version || ruling.digest() != digest) {
      int start = size;
      raw(POLICY);
      string(ruling.policy());
      raw(VERSION);
      string(ruling.version());
      raw(DIGEST);
      string(ruling.digest());
      raw(INCIDENT);
      opening = Arrays.copyOfRange(out, start, size);
      policy = ruling.policy();
      version = ruling.version();
      digest = ruling.digest();
    } else {
      raw(opening);
    }
    string(ruling.incident());
    raw(PERSON);
    person(ruling.person());
    if (!ruling.deemed().isEmpty()) {
      raw(DEEMED);
      byte separator = '[';
      for (Ruling.DeemedFact deemed : ruling.deemed()) {
        append(separator);
        separator = ',';
        raw(FIRST_FACT);
        string(deemed.fact());
        raw(VALUE);
        string(deemed.value());
        raw(CLAUSE);
        string(deemed.clause());
        raw(BECAUSE);
        string(deemed.because());
        optional(RECORDED, deemed.recorded());
        append((byte) '}');
      }
      append((byte) ']');
    }
    raw(CLAUSES);
    List<ClauseRuling> clauses = ruling.clauses();
    for (int i = 0, n = clauses.size(); i < n; i++) {
      append(i == 0 ? (byte) '[' : (byte) ',');
      clause(clauses.get(i));
    }
    closeArray(clauses.isEmpty());
    raw(CONSEQUENCES);
    List<ConsequenceRuling> consequences = ruling.consequences();
    for (int i = 0, n = consequences.size(); i < n; i++) {
      append(i == 0 ? (byte) '[' : (byte) ',');
      consequence(consequences.get(i));
    }
    closeArray(consequences.isEmpty());
    strings(UNSPECIFIED, ruling.unspecified());
    if (!ruling.silences().isEmpty()) {
      raw(SILENCES);
      byte separator = '[';
      for (Ruling.DeclaredSilence silence : ruling.silences()) {
        append(separator);
        separator = ',';
        raw(FIRST_CLAUSE);
        string(silence.clause());
        raw(SILENCE);
        string(silence.silence());
        raw(REASON);
        string(silence.reason());
        append((byte) '}');
      }
      append((byte) ']');
    }
    if (!ruling.noSanctionStated().isEmpty()) {
      strings(NO_SANCTION_STATED, ruling.noSanctionStated());
    }
    strings(DIAGNOSTICS, ruling.diagnostics());
    append((byte) '}');
  }

  private void person(List<Ruling.Membership> person) {
    int slot = find(person);
    if (slot >= 0 && values[slot] != null) {
      raw(values[slot]);
      return;
    }
    int start = size;
    for (int i = 0, n = person.size(); i < n; i++) {
      Ruling.Membership membership = person.get(i);
      append(i == 0 ? (byte) '[' : (byte) ',');
      raw(FIRST_ID);
      string(membership.id());
      strings(PATH, membership.path());
      append((byte) '}');
    }
    closeArray(person.isEmpty());
    remember(person, slot, start);
  }

  private void clause(ClauseRuling clause) {
    int slot = find(clause);
    if (slot >= 0 && values[slot] != null) {
      raw(values[slot]);
      return;
    }
    int start = size;
    raw(FIRST_CLAUSE);
    string(clause.clause());
    raw(OUTCOME);
    string(clause.outcome().word());
    optional(CATEGORY, clause.category());
    raw(REASON);
    string(clause.reason());
    strings(SCOPE, clause.scope());
    conditions(CONDITIONS, clause.conditions());
    optional(EXCEPTION, clause.exception());
    if (clause.permission().isPresent()) {
      raw(PERMISSION);
      permission(clause.permission().get());
    }
    if (!clause.exceptions().isEmpty()) {
      raw(EXCEPTIONS);
      byte separator = '[';
      for (ExceptionRuling exception : clause.exceptions()) {
        append(separator);
        separator = ',';
        exception(exception);
      }
      append((byte) ']');
    }
    if (!clause.duty().isEmpty()) {
      raw(DUTY);
      byte separator = '[';
      for (StepCheck step : clause.duty()) {
        append(separator);
        separator = ',';
        raw(FIRST_STEP);
        string(step.step());
        raw(RESULT);
        string(ResultWords.word(step.result()));
        optional(DONE, step.done());
        raw(REASON);
        string(step.reason());
        append((byte) '}');
      }
      append((byte) ']');
    }
    strings(UNDECIDED_BY, clause.undecidedBy());
    optional(LEAD_IN, clause.leadIn());
    raw(QUOTE);
    string(clause.quote());
    optional(ORIGIN, clause.origin());
    append((byte) '}');
    remember(clause, slot, start);
  }

  private void permission(Permission permission) {
    raw(FIRST_OFFICE);
    string(permission.office());
    raw(GIVEN);
    string(permission.given().word());
    raw(FORM);
    string(permission.form().word());
    optional(CLAUSE, permission.clause());
    append((byte) '}');
  }

  private void exception(ExceptionRuling exception) {
    raw(FIRST_ID);
    string(exception.id());
    raw(RESULT);
    string(ResultWords.word(exception.result()));
    raw(REASON);
    string(exception.reason());
    raw(TEXT);
    string(exception.text());
    if (!exception.permissions().isEmpty()) {
      raw(PERMISSIONS);
      byte separator = '[';
      for (Permission permission : exception.permissions()) {
        append(separator);
        separator = ',';
        permission(permission);
      }
      append((byte) ']');
    }
    if (!exception.conditions().isEmpty()) {
      conditions(CONDITIONS, exception.conditions());
    }
    append((byte) '}');
  }

  private void consequence(ConsequenceRuling consequence) {
    int slot = find(consequence);
    if (slot >= 0 && values[slot] != null) {
      raw(values[slot]);
      return;
    }
    int start = size;
    raw(FIRST_CONSEQUENCE);
    string(consequence.consequence());
    raw(STATUS);
    string(consequence.status() == ConsequenceRuling.Status.APPLIES ? "applies" : "conditional");
    raw(MODALITY);
    string(consequence.modality().word());
    raw(KIND);
    string(consequence.kind() == ConsequenceRuling.Kind.SANCTION ? "sanction" : "referral");
    raw(STATEMENT);
    string(consequence.statement());
    raw(ACTION);
    string(consequence.action());
    optional(ACTOR, consequence.actor());
    if (!consequence.actors().isEmpty()) {
      strings(ACTORS, consequence.actors());
    }
    optional(PROCEDURE, consequence.procedure());
    optional(REFERRAL, consequence.referral());
    raw(SOURCE);
    string(consequence.source());
    strings(BREACHES, consequence.breaches());
    strings(SCOPE, consequence.scope());
    conditions(CONDITIONS, consequence.conditions());
    strings(DEPENDS_ON, consequence.dependsOn());
    if (!consequence.alternatives().isEmpty()) {
      strings(ALTERNATIVES, consequence.alternatives());
    }
    if (consequence.step().isPresent()) {
      raw(STEP);
      step(consequence.step().get());
    }
    if (!consequence.options().isEmpty()) {
      strings(OPTIONS, consequence.options());
    }
    if (!consequence.factors().isEmpty()) {
      raw(FACTORS);
      byte separator = '[';
      for (ConsequenceRuling.FactorValue factor : consequence.factors()) {
        append(separator);
        separator = ',';
        raw(FIRST_FACT);
        string(factor.fact());
        raw(DESCRIPTION);
        string(factor.description());
        optional(VALUE, factor.value());
        append((byte) '}');
      }
      append((byte) ']');
    }
    append((byte) '}');
    remember(consequence, slot, start);
  }

  private void step(StepRuling step) {
    raw(FIRST_CURRENT);
    raw(step.current() ? TRUE : FALSE);
    optional(OUTCOME, step.outcome());
    raw(NEXT);
    List<StepRuling.Next> next = step.next();
    for (int i = 0, n = next.size(); i < n; i++) {
      append(i == 0 ? (byte) '[' : (byte) ',');
      raw(FIRST_OUTCOME);
      string(next.get(i).outcome());
      strings(CONSEQUENCES, next.get(i).consequences());
      append((byte) '}');
    }
    closeArray(next.isEmpty());
    append((byte) '}');
  }

  private void conditions(byte[] name, List<ConditionCheck> conditions) {
    raw(name);
    for (int i = 0, n = conditions.size(); i < n; i++) {
      ConditionCheck check = conditions.get(i);
      append(i == 0 ? (byte) '[' : (byte) ',');
      raw(FIRST_SUBJECT);
      string(check.subject());
      strings(EXPECTED, check.expected());
      optional(ACTUAL, check.actual());
      raw(RESULT);
      string(ResultWords.word(check.result()));
      optional(DEEMED_BY, check.deemedBy());
      optional(DETAIL, check.detail());
      if (!check.parts().isEmpty()) {
        conditions(PARTS, check.parts());
      }
      append((byte) '}');
    }
    closeArray(conditions.isEmpty());
  }

  /** A list's end, after its elements each opened with '[' or ','; an empty list is "[]". */
  private void closeArray(boolean empty) {
    room(2);
    if (empty) {
      out[size++] = '[';
    }
    out[size++] = ']';
  }

  private void strings(byte[] name, List<String> values) {
    raw(name);
    for (int i = 0, n = values.size(); i < n; i++) {
      append(i == 0 ? (byte) '[' : (byte) ',');
      string(values.get(i));
    }
    closeArray(values.isEmpty());
  }

  /**
   * An optional, left out when absent: the mapper's default ({@code NON_ABSENT}), and also what it
   * does for an optional marked {@code @JsonInclude(NON_EMPTY)}, which it writes even when it holds
   * the empty text.
   */
  private void optional(byte[] name, Optional<String> value) {
    if (value.isPresent()) {
      raw(name);
      string(value.get());
    }
  }

  /** A JSON string: a long text from the memo when it was written before, else encoded. */
  private void string(String text) {
    if (text.length() < MEMO_TEXT_LENGTH) {
      encode(text);
      return;
    }
    int slot = find(text);
    if (slot >= 0 && values[slot] != null) {
      raw(values[slot]);
      return;
    }
    int start = size;
    encode(text);
    remember(text, slot, start);
  }

  /** Quotes, escapes as the mapper does (short escapes, else {@code \\u00XX}) and encodes as UTF-8. */
  private void encode(String text) {
    int length = text.length();
    room(2 + 6 * length);
    byte[] o = out;
    int p = size;
    o[p++] = '"';
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        byte escape = ESCAPES[c];
        if (escape == 0) {
          o[p++] = (byte) c;
        } else {
          o[p++] = '\\';
          o[p++] = escape;
          if (escape == 'u') {
            o[p++] = '0';
            o[p++] = '0';
            o[p++] = HEX[c >> 4];
            o[p++] = HEX[c & 0xF];
          }
        }
      } else if (c < 0x800) {
        o[p++] = (byte) (0xC0 | (c >> 6));
        o[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        o[p++] = (byte) (0xE0 | (c >> 12));
        o[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        o[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
        int point = Character.toCodePoint(c, text.charAt(++i));
        o[p++] = (byte) (0xF0 | (point >> 18));
        o[p++] = (byte) (0x80 | ((point >> 12) & 0x3F));
        o[p++] = (byte) (0x80 | ((point >> 6) & 0x3F));
        o[p++] = (byte) (0x80 | (point & 0x3F));
      } else {
        o[p++] = '?';
      }
    }
    o[p++] = '"';
    size = p;
  }

  private void raw(byte[] bytes) {
    room(bytes.length);
    System.arraycopy(bytes, 0, out, size, bytes.length);
    size += bytes.length;
  }

  private void room(int more) {
    if (out.length - size < more) {
      out = Arrays.copyOf(out, Math.max(size + more, out.length * 2));
    }
  }

  /**
   * The slot that remembers {@code key}, or has seen it once (when its bytes are null), or else
   * {@code -1 - hash}: not known.
   */
  private int find(Object key) {
    int hash = System.identityHashCode(key) & 0x7FFFFFFF;
    int a = hash & (SLOTS - 1);
    int b = (hash >>> 16 ^ hash >>> 7 ^ 0x155) & (SLOTS - 1);
    if (keys[a] == key) {
      misses[a] = 0;
      return a;
    }
    if (keys[b] == key) {
      misses[b] = 0;
      return b;
    }
    if (seen[a] == hash && hash != 0) {
      return a;
    }
    if (seen[b] == hash && hash != 0) {
      return b;
    }
    return -1 - hash;
  }

  /**
   * After {@code key}'s bytes were written from {@code start}: remembers them when it was seen once
   * before (and the memo has room), else notes that it has been seen, in a free slot or one whose
   * remembered object has not been asked for in a while.
   */
  private void remember(Object key, int slot, int start) {
    if (slot >= 0) {
      int length = size - start;
      if (keys[slot] == null && length <= MEMO_ENTRY_BYTES && memoBytes + length <= MEMO_BYTES) {
        keys[slot] = key;
        values[slot] = Arrays.copyOfRange(out, start, size);
        seen[slot] = 0;
        misses[slot] = 0;
        memoBytes += length;
      }
      return;
    }
    int hash = -1 - slot;
    int a = hash & (SLOTS - 1);
    int b = (hash >>> 16 ^ hash >>> 7 ^ 0x155) & (SLOTS - 1);
    int free = keys[a] == null ? a : keys[b] == null ? b : -1;
    if (free < 0) {
      misses[a] = Math.min(misses[a] + 1, PATIENCE);
      misses[b] = Math.min(misses[b] + 1, PATIENCE);
      int stale = misses[a] >= misses[b] ? a : b;
      if (misses[stale] < PATIENCE) {
        return;
      }
      memoBytes -= values[stale].length;
      keys[stale] = null;
      values[stale] = null;
      misses[stale] = 0;
      free = stale;
    }
    seen[free] = hash;
  }

  private static byte[] first(String name) {
    return ascii("{\"" + name + "\":");
  }

  private static byte[] next(String name) {
    return ascii(",\"" + name + "\":");
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
