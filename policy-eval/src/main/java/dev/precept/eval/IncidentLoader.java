package dev.precept.eval;

import org.apiguardian.api.API;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.eval.internal.EvalJson;
import dev.precept.model.Attribute;
import dev.precept.model.Fact;
import dev.precept.model.FactType;
import dev.precept.model.LocatedDocument;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import dev.precept.model.PolicyValidationException;
import dev.precept.model.Diagnostic;
import dev.precept.model.ReadLimits;
import dev.precept.model.SchemaValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads incidents from YAML or JSON and checks them against a policy: an unknown role, fact,
 * clause or office, or a value of the wrong type, is an error with its location, never ignored.
 *
 * <pre>{@code
 * Incident incident = IncidentLoader.forPolicy(policy).load(Path.of("incident.yaml"));
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class IncidentLoader {
  private static final SchemaValidator SCHEMA = new SchemaValidator(resource("incident.schema.json"));

  private final IncidentCheck check;
  private final Policy policy;
  private final Set<String> roles;
  private final Set<String> clauses;
  private final Set<String> categories;
  private final Set<String> offices;
  private final Map<String, Fact> facts;
  private final Map<String, Attribute> attributes;

  private IncidentLoader(Policy policy) {
    this.policy = policy;
    this.check = new IncidentCheck(policy);
    this.roles = ids(policy.roles(), r -> r.id());
    this.clauses = ids(policy.allClauses(), c -> c.id());
    this.categories = ids(policy.breachCategories(), b -> b.id());
    this.offices = ids(policy.offices(), o -> o.id());
    this.facts = policy.facts().stream().collect(Collectors.toMap(Fact::id, f -> f));
    this.attributes = policy.attributes().stream().collect(Collectors.toMap(Attribute::id, a -> a));
  }

  /**
   * A loader checking incidents against this policy.
   *
   * @throws NullPointerException when the policy is null
   */
  public static IncidentLoader forPolicy(Policy policy) {
    Objects.requireNonNull(policy, "IncidentLoader.forPolicy needs a policy (PolicyLoader.standard().load(file)), not null");
    return new IncidentLoader(policy);
  }

  /**
   * Reads and checks an incident file.
   *
   * @throws PolicyValidationException listing every problem in the file
   */
  public Incident load(Path file) {
    Objects.requireNonNull(file, "IncidentLoader.load needs a file, not null");
    byte[] bytes = PolicyLoader.readFile(file, ReadLimits.STANDARD);
    return read(LocatedDocument.read(bytes, file.toString(), ReadLimits.STANDARD), "");
  }

  /**
   * Reads and checks an incident given as YAML or JSON text.
   *
   * @param source the name problems are reported under
   * @throws PolicyValidationException listing every problem in it
   */
  public Incident parse(String text, String source) {
    return read(LocatedDocument.read(text.getBytes(StandardCharsets.UTF_8), source, ReadLimits.STANDARD), "");
  }

  /**
   * Reads and checks the incident at {@code pointer} of a document (a cases file holds many).
   *
   * @throws PolicyValidationException listing every problem in it
   */
  public Incident read(LocatedDocument document, String pointer) {
    List<Diagnostic> problems = check(document, pointer);
    if (problems.stream().anyMatch(Diagnostic::isError)) {
      problems.sort(Diagnostic.IN_READING_ORDER);
      throw new PolicyValidationException(problems);
    }
    return convert(document.at(pointer).orElseThrow());
  }

  /**
   * Every problem in the incident at {@code pointer}, against the schema and the policy, in one
   * pass: an unknown role is reported beside a misspelt key, not after it is fixed. Warnings (an
   * old word still read) are included.
   */
  public List<Diagnostic> check(LocatedDocument document, String pointer) {
    List<Diagnostic> problems = new ArrayList<>(SCHEMA.check(document, pointer));
    Set<String> spoken = problems.stream().map(Diagnostic::pointer).collect(Collectors.toSet());
    problems.addAll(check.check(document, pointer, spoken));
    return problems;
  }

  /**
   * The incident in a plain JSON tree (read without locations, e.g. by Jackson) when it passes
   * every check {@link #check} makes; empty when anything is off or unusual, and the caller must
   * then read it located ({@link #read(LocatedDocument, String)}) to accept it or list its
   * problems. For servers and batches, where the located read costs more than the ruling; the
   * incident given is the one the located read gives for the same text.
   */
  public Optional<Incident> readIfClean(JsonNode node) {
    Objects.requireNonNull(node, "IncidentLoader.readIfClean needs a JSON tree, not null");
    return readChecked(node);
  }

  /**
   * The incident in a JSON tree when it passes every check {@link #check} makes (the schema and the
   * policy), built without location tracking; empty when anything is off or unusual, and the caller
   * must then take the located path for the problems. Used for batches, where the located path
   * would cost more than the ruling.
   */
  Optional<Incident> readChecked(JsonNode node) {
    if (!node.isObject() || !FIELDS.containsAll(names(node))) {
      return Optional.empty();
    }
    // The rule language's records (votes, steps reached, duties done) take the located path unless empty.
    for (String record : List.of("decisions", "steps", "done")) {
      JsonNode value = node.get(record);
      if (value != null && !(value.isObject() && value.isEmpty())) {
        return Optional.empty();
      }
    }
    Incident.Builder incident = Incident.builder();
    JsonNode id = node.get("id");
    if (id == null || !id.isTextual() || id.asText().isEmpty()) {
      return Optional.empty();
    }
    incident.id(id.asText());
    JsonNode summary = node.get("summary");
    if (summary != null) {
      if (!summary.isTextual() || summary.asText().isEmpty()) {
        return Optional.empty();
      }
      incident.summary(summary.asText());
    }
    JsonNode date = node.get("date");
    if (date != null) {
      if (!date.isTextual() || !DATE.matcher(date.asText()).matches()) {
        return Optional.empty();
      }
      try {
        incident.date(java.time.LocalDate.parse(date.asText()));
      } catch (java.time.DateTimeException e) {
        return Optional.empty();
      }
    }
    JsonNode person = node.get("person");
    if (person == null || !person.isObject() || !Set.of("roles", "attributes").containsAll(names(person))) {
      return Optional.empty();
    }
    Person.Builder who = Person.builder();
    List<String> held = knownIds(person.get("roles"), roles);
    Map<String, String> attributeValues = typedValues(person.get("attributes"), attributes.keySet(),
        name -> attributes.get(name).type(), name -> attributes.get(name).values());
    if (held == null || held.isEmpty() || attributeValues == null) {
      return Optional.empty();
    }
    incident.person(who.roles(held).attributes(attributeValues).build());
    List<String> concerns = knownIds(node.get("clauses"), clauses);
    List<String> inCategories = knownIds(node.get("categories"), categories);
    Map<String, String> factValues = typedValues(node.get("facts"), facts.keySet(), name -> facts.get(name).type(),
        name -> facts.get(name).values());
    if (concerns == null || inCategories == null || factValues == null || concerns.isEmpty() && inCategories.isEmpty()) {
      return Optional.empty();
    }
    incident.clauses(concerns).categories(inCategories).facts(factValues);
    JsonNode permissions = node.get("permissions");
    if (permissions != null) {
      if (!permissions.isArray()) {
        return Optional.empty();
      }
      for (JsonNode permission : permissions) {
        Optional<Permission> read = permission(permission);
        if (read.isEmpty()) {
          return Optional.empty();
        }
        incident.addPermissions(read.get());
      }
    }
    return Optional.of(incident.build());
  }

  /**
   * The incident in one JSON text (a line of JSON Lines, a request's body) when it passes every
   * check {@link #check} makes, read token by token without building a tree: what
   * {@link #readIfClean(JsonNode)} gives for its tree, for less. Empty when anything is off or
   * unusual, and also when the text is not JSON, gives a name twice or holds more than one value;
   * the caller must then read it located ({@link #read(LocatedDocument, String)}) for its problems.
   */
  public Optional<Incident> readIfClean(String json) {
    Objects.requireNonNull(json, "IncidentLoader.readIfClean needs the JSON text, not null");
    try (com.fasterxml.jackson.core.JsonParser parser = TOKENS.createParser(json)) {
      return readChecked(parser);
    } catch (IOException e) {
      return Optional.empty(); // not JSON: the located read says where
    }
  }

  /**
   * The same as {@link #readChecked(JsonNode)} for the one JSON value {@code json} reads (to its end),
   * read token by token without building a tree: the incident it gives there, or empty where it gives
   * none, and also when a name is given twice or the text ends in more than the value or is not JSON
   * (the parser then throws): the caller then reads the text again as a tree, which says what is
   * wrong. The parser need not detect duplicate names.
   */
  Optional<Incident> readChecked(com.fasterxml.jackson.core.JsonParser json) throws IOException {
    if (json.nextToken() != JsonToken.START_OBJECT) {
      return Optional.empty();
    }
    String id = null;
    String summary = null;
    java.time.LocalDate date = null;
    boolean person = false;
    List<String> held = List.of();
    Map<String, String> attributeValues = Map.of();
    List<String> concerns = List.of();
    List<String> inCategories = List.of();
    Map<String, String> factValues = Map.of();
    List<Permission> permissions = List.of();
    int seen = 0;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      int field = FIELD_ORDER.indexOf(name);
      if (field < 0 || (seen & 1 << field) != 0) {
        return Optional.empty(); // an unknown name, or a name given twice (the tree's reader says so)
      }
      seen |= 1 << field;
      JsonToken value = json.nextToken();
      switch (name) {
        case "id", "summary" -> {
          if (value != JsonToken.VALUE_STRING || json.getTextLength() == 0) {
            return Optional.empty();
          }
          if (name.equals("id")) {
            id = json.getText();
          } else {
            summary = json.getText();
          }
        }
        case "date" -> {
          if (value != JsonToken.VALUE_STRING || !DATE.matcher(json.getText()).matches()) {
            return Optional.empty();
          }
          try {
            date = java.time.LocalDate.parse(json.getText());
          } catch (java.time.DateTimeException e) {
            return Optional.empty();
          }
        }
        case "person" -> {
          if (value != JsonToken.START_OBJECT) {
            return Optional.empty();
          }
          person = true;
          int parts = 0;
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String part = json.currentName();
            int bit = part.equals("roles") ? 1 : part.equals("attributes") ? 2 : 0;
            if (bit == 0 || (parts & bit) != 0) {
              return Optional.empty();
            }
            parts |= bit;
            JsonToken partValue = json.nextToken();
            if (part.equals("roles")) {
              held = knownIds(json, partValue, roles);
            } else if (part.equals("attributes")) {
              attributeValues = typedValues(json, partValue, attributes.keySet(), a -> attributes.get(a).type(),
                  a -> attributes.get(a).values());
            } else {
              return Optional.empty();
            }
            if (held == null || attributeValues == null) {
              return Optional.empty();
            }
          }
        }
        case "clauses" -> concerns = knownIds(json, value, clauses);
        case "categories" -> inCategories = knownIds(json, value, categories);
        case "facts" -> factValues = typedValues(json, value, facts.keySet(), f -> facts.get(f).type(), f -> facts.get(f).values());
        case "permissions" -> {
          if (value != JsonToken.START_ARRAY) {
            return Optional.empty();
          }
          permissions = new ArrayList<>();
          while (json.nextToken() != JsonToken.END_ARRAY) {
            Permission permission = permission(json);
            if (permission == null) {
              return Optional.empty();
            }
            permissions.add(permission);
          }
        }
        // The rule language's records (votes, steps reached, duties done) take the located path unless empty.
        case "decisions", "steps", "done" -> {
          if (value != JsonToken.START_OBJECT || json.nextToken() != JsonToken.END_OBJECT) {
            return Optional.empty();
          }
        }
        default -> {
          return Optional.empty();
        }
      }
      if (concerns == null || inCategories == null || factValues == null) {
        return Optional.empty();
      }
    }
    if (json.nextToken() != null || id == null || !person || held.isEmpty() || concerns.isEmpty() && inCategories.isEmpty()) {
      return Optional.empty();
    }
    Incident.Builder incident = Incident.builder().id(id)
        .person(Person.builder().roles(held).attributes(attributeValues).build())
        .clauses(concerns).categories(inCategories).facts(factValues).addAllPermissions(permissions);
    if (summary != null) {
      incident.summary(summary);
    }
    if (date != null) {
      incident.date(date);
    }
    return Optional.of(incident.build());
  }

  /** A permission object, its start just read; null when anything is off. */
  private Permission permission(com.fasterxml.jackson.core.JsonParser json) throws IOException {
    if (json.currentToken() != JsonToken.START_OBJECT) {
      return null;
    }
    String office = null;
    String given = null;
    String form = null;
    String clause = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      if (json.nextToken() != JsonToken.VALUE_STRING) {
        return null;
      }
      String text = json.getText();
      String before;
      switch (name) {
        case "office" -> { before = office; office = text; }
        case "given" -> { before = given; given = text; }
        case "form" -> { before = form; form = text; }
        case "clause" -> { before = clause; clause = text; }
        default -> {
          return null;
        }
      }
      if (before != null) {
        return null; // given twice
      }
    }
    if (office == null || !offices.contains(office) || given == null || form == null
        || clause != null && !clauses.contains(clause)) {
      return null;
    }
    Permission.Given when = switch (given) {
      case "prior" -> Permission.Given.BEFORE; // "before", the old word, takes the located path and its warning
      case "after" -> Permission.Given.AFTER;
      default -> null;
    };
    dev.precept.model.PermissionForm how = switch (form) {
      case "written" -> dev.precept.model.PermissionForm.WRITTEN;
      case "verbal" -> dev.precept.model.PermissionForm.VERBAL;
      default -> null;
    };
    if (when == null || how == null) {
      return null;
    }
    return Permission.builder().office(office).given(when).form(how).clause(Optional.ofNullable(clause)).build();
  }

  /** The ids in a list of unique, declared ids, its start just read; null when anything is off. */
  private static List<String> knownIds(com.fasterxml.jackson.core.JsonParser json, JsonToken start, Set<String> declared)
      throws IOException {
    if (start != JsonToken.START_ARRAY) {
      return null;
    }
    List<String> ids = new ArrayList<>(4);
    JsonToken item;
    while ((item = json.nextToken()) != JsonToken.END_ARRAY) {
      if (item != JsonToken.VALUE_STRING) {
        return null;
      }
      String id = json.getText();
      if (!declared.contains(id) || ids.contains(id)) {
        return null;
      }
      ids.add(id);
    }
    return ids;
  }

  /** Declared, well-typed values as text, the object's start just read; null when anything is off. */
  private static Map<String, String> typedValues(com.fasterxml.jackson.core.JsonParser json, JsonToken start,
      Set<String> declared, Function<String, FactType> type, Function<String, List<String>> allowed) throws IOException {
    if (start != JsonToken.START_OBJECT) {
      return null;
    }
    Map<String, String> read = null;
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      if (!declared.contains(name)) {
        return null;
      }
      String text;
      switch (value) {
        case VALUE_STRING -> text = json.getText();
        case VALUE_TRUE -> text = "true";
        case VALUE_FALSE -> text = "false";
        // As the tree's number nodes give their text: 007 is no JSON, but -0 is, and reads as 0.
        case VALUE_NUMBER_INT -> text = switch (json.getNumberType()) {
          case INT -> Integer.toString(json.getIntValue());
          case LONG -> Long.toString(json.getLongValue());
          default -> json.getBigIntegerValue().toString();
        };
        default -> {
          return null;
        }
      }
      FactType expected = type.apply(name);
      if (expected == FactType.BOOLEAN && value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE
          || expected == FactType.INTEGER && value != JsonToken.VALUE_NUMBER_INT
          || expected.problemWith(text, allowed.apply(name)).isPresent()) {
        return null;
      }
      if (read == null) {
        read = new java.util.LinkedHashMap<>();
      }
      if (read.put(name, text) != null) {
        return null; // given twice
      }
    }
    return read == null ? Map.of() : read;
  }

  private static final Set<String> FIELDS =
      Set.of("id", "summary", "date", "person", "clauses", "categories", "facts", "permissions", "decisions", "steps", "done");
  private static final List<String> FIELD_ORDER = List.copyOf(FIELDS);
  /** Parsers that leave duplicate names to {@link #readChecked(com.fasterxml.jackson.core.JsonParser)}, which finds them for less. */
  private static final com.fasterxml.jackson.core.JsonFactory TOKENS = EvalJson.mapper().getFactory();
  private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private Optional<Permission> permission(JsonNode node) {
    if (!node.isObject() || !Set.of("office", "given", "form", "clause").containsAll(names(node))) {
      return Optional.empty();
    }
    JsonNode office = node.get("office");
    JsonNode given = node.get("given");
    JsonNode form = node.get("form");
    JsonNode clause = node.get("clause");
    if (office == null || !office.isTextual() || !offices.contains(office.asText())
        || given == null || !given.isTextual() || form == null || !form.isTextual()
        || clause != null && (!clause.isTextual() || !clauses.contains(clause.asText()))) {
      return Optional.empty();
    }
    Permission.Given when = switch (given.asText()) {
      case "prior" -> Permission.Given.BEFORE; // "before", the old word, takes the located path and its warning
      case "after" -> Permission.Given.AFTER;
      default -> null;
    };
    dev.precept.model.PermissionForm how = switch (form.asText()) {
      case "written" -> dev.precept.model.PermissionForm.WRITTEN;
      case "verbal" -> dev.precept.model.PermissionForm.VERBAL;
      default -> null;
    };
    if (when == null || how == null) {
      return Optional.empty();
    }
    return Optional.of(Permission.builder().office(office.asText()).given(when).form(how)
        .clause(Optional.ofNullable(clause).map(JsonNode::asText)).build());
  }

  /** The ids in a list of unique, declared ids; an empty list when absent; null when anything is off. */
  private static List<String> knownIds(JsonNode array, Set<String> declared) {
    if (array == null) {
      return List.of();
    }
    if (!array.isArray()) {
      return null;
    }
    List<String> ids = new ArrayList<>(array.size());
    for (JsonNode item : array) {
      if (!item.isTextual() || !declared.contains(item.asText()) || ids.contains(item.asText())) {
        return null;
      }
      ids.add(item.asText());
    }
    return ids;
  }

  /** Declared, well-typed values as text; an empty map when absent; null when anything is off. */
  private static Map<String, String> typedValues(JsonNode values, Set<String> declared, Function<String, FactType> type,
      Function<String, List<String>> allowed) {
    if (values == null) {
      return Map.of();
    }
    if (!values.isObject()) {
      return null;
    }
    Map<String, String> read = new java.util.LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = values.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      String name = field.getKey();
      if (!declared.contains(name) || !(value.isTextual() || value.isBoolean() || value.isIntegralNumber())) {
        return null;
      }
      FactType expected = type.apply(name);
      if (expected == FactType.BOOLEAN && !value.isBoolean() || expected == FactType.INTEGER && !value.isIntegralNumber()
          || expected.problemWith(value.asText(), allowed.apply(name)).isPresent()) {
        return null;
      }
      read.put(name, value.asText());
    }
    return read;
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new java.util.HashSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private Incident convert(JsonNode node) {
    ObjectNode copy = node.deepCopy();
    // Facts and attributes are held as text in the model; the checks above have typed them.
    stringify(copy.path("facts"));
    stringify(copy.path("person").path("attributes"));
    try {
      return EvalJson.mapper().treeToValue(copy, Incident.class);
    } catch (IOException e) {
      throw new UncheckedIOException("an incident that passed its checks could not be read", e);
    }
  }

  private static void stringify(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      names.forEach(n -> object.put(n, object.get(n).asText()));
    }
  }

  private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
    return items.stream().map(id).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  static String resource(String name) {
    try (InputStream in = IncidentLoader.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
