package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.precept.eval.internal.EvalJson;
import dev.precept.eval.internal.RulingJsonLines;
import dev.precept.eval.internal.RulingJsonWriter;
import dev.precept.model.Modality;
import dev.precept.model.PermissionForm;
import dev.precept.model.Policy;
import dev.precept.model.PolicyLoader;
import dev.precept.model.PolicyValidationException;
import dev.precept.testkit.PolicyGenerator;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The batch's streamed ruling JSON ({@code RulingJsonWriter}) is the mapper's JSON, byte for byte,
 * without indentation: for every corpus and generated ruling, and for a ruling with every property of
 * every ruling type present, so a property a ruling type gains fails here until the writer writes it.
 */
class RulingJsonTest {
  @Test
  void streamedJsonIsTheMappersJsonForEverySeedCase() throws Exception {
    for (Incident incident : SeedIncidents.INCIDENTS) {
      Ruling ruling = SeedPolicy.EVALUATOR.rule(incident);
      assertEquals(mapper(ruling), streamed(ruling), incident.id());
      assertEquals(mapperBytes(ruling), line(new RulingJsonLines(), ruling), incident.id());
    }
  }

  @Test
  void streamedJsonIsTheMappersJsonForEveryRulingOfTheSemanticsCorpus() throws Exception {
    int compared = 0;
    for (Path folder : SemanticsCorpusTest.folders()) {
      Policy policy = PolicyLoader.standard().load(folder.resolve("policy.yaml"));
      CaseReport report = CaseSuite.load(folder.resolve("policy.cases.yaml"), policy).run(Evaluator.of(policy));
      for (CaseResult result : report.results()) {
        assertEquals(mapper(result.ruling()), streamed(result.ruling()), folder.getFileName() + ": " + result.ruling().incident());
        assertEquals(mapperBytes(result.ruling()), line(new RulingJsonLines(), result.ruling()), folder.getFileName() + ": " + result.ruling().incident());
        compared++;
      }
    }
    assertTrue(compared > 50, "the corpus gave only " + compared + " rulings");
  }

  @Test
  void streamedJsonIsTheMappersJsonForGeneratedIncidentsOnEveryCorpusAndGeneratedPolicy() throws Exception {
    List<Policy> policies = new ArrayList<>();
    policies.add(SeedPolicy.POLICY);
    for (Path folder : SemanticsCorpusTest.folders()) {
      policies.add(PolicyLoader.standard().load(folder.resolve("policy.yaml")));
    }
    for (long seed = 1; seed <= 3; seed++) {
      policies.add(PolicyGenerator.generate(seed, 20 + (int) seed * 7));
    }
    int compared = 0;
    for (Policy policy : policies) {
      Evaluator evaluator = Evaluator.of(policy);
      Random random = new Random(policy.id().hashCode());
      for (int n = 0; n < 60; n++) {
        Ruling ruling;
        try {
          ruling = evaluator.rule(RulingPropertiesTest.randomIncident(policy, random, n));
        } catch (PolicyValidationException e) {
          continue; // a random value the policy refuses (a boolean for a decision): no ruling to write
        }
        assertEquals(mapper(ruling), streamed(ruling), policy.id() + ", incident " + n);
        assertEquals(mapper(ruling), streamedAsBytes(ruling), policy.id() + ", incident " + n);
        compared++;
      }
    }
    assertTrue(compared > 500, "only " + compared + " generated rulings compared");
  }

  @Test
  void streamedJsonIsTheMappersJsonWithEveryPropertyPresentAndTextThatNeedsEscaping() throws Exception {
    Ruling ruling = everyPropertyPresent("caf\u00e9 \u2028 \t \"q\" </script> \u0000\u001f \ud83d\ude00");

    assertEquals(mapper(ruling), streamed(ruling));
    assertEquals(mapper(ruling), streamedAsBytes(ruling));
    assertEquals(mapperBytes(ruling), line(new RulingJsonLines(), ruling));
  }

  @Test
  void streamedJsonIsTheMappersJsonWhenEveryTextAndOptionalIsEmpty() throws Exception {
    Ruling ruling = everyPropertyPresent("");

    assertEquals(mapper(ruling), streamed(ruling));
    assertEquals(mapper(ruling), streamedAsBytes(ruling));
    assertEquals(mapperBytes(ruling), line(new RulingJsonLines(), ruling));
    Ruling bare = Ruling.builder().policy("p").version("1").digest("sha256:00").incident("i").build();
    assertEquals(mapper(bare), streamed(bare));
    assertEquals(mapperBytes(bare), line(new RulingJsonLines(), bare));
  }

  @Test
  void rulingLinesAreTheMappersJsonAsUtf8ForThousandsOfGeneratedIncidentsOnGeneratedPolicies() throws Exception {
    // One writer for all of them, as a batch's chunk keeps it: its memo fills, recalls and evicts.
    RulingJsonLines writer = new RulingJsonLines();
    Random random = new Random(20261207L);
    int compared = 0;
    for (int p = 0; p < 12; p++) {
      Policy policy = p == 0 ? SeedPolicy.POLICY : PolicyGenerator.generate(random.nextLong(), 10 + random.nextInt(90));
      Evaluator evaluator = Evaluator.of(policy);
      for (int n = 0; n < 400; n++) {
        Ruling ruling;
        try {
          ruling = evaluator.rule(RulingPropertiesTest.randomIncident(policy, random, n));
        } catch (PolicyValidationException e) {
          continue; // a random value the policy refuses (a boolean for a decision): no ruling to write
        }
        assertEquals(mapperBytes(ruling), line(writer, ruling), policy.id() + ", incident " + n);
        compared++;
      }
    }
    assertTrue(compared > 4000, "only " + compared + " generated rulings compared");
  }

  @Test
  void rulingLinesAreTheMappersJsonAsUtf8ForRandomTextWrittenAgainFromTheMemo() throws Exception {
    RulingJsonLines writer = new RulingJsonLines();
    Random random = new Random(7);
    for (int n = 0; n < 300; n++) {
      Ruling ruling = everyPropertyPresent(randomText(random, random.nextInt(4) == 0 ? 3 : 20 + random.nextInt(60)));
      String expected = mapperBytes(ruling);
      for (int again = 0; again < 3; again++) {
        assertEquals(expected, line(writer, ruling), "text " + n + ", written " + (again + 1) + " times");
      }
    }
  }

  @Test
  void rulingLinesEncodeEveryCharacterAsTheMappersTextEncodedAsUtf8() throws Exception {
    RulingJsonLines writer = new RulingJsonLines();
    StringBuilder text = new StringBuilder();
    for (int c = 0; c <= 0xFFFF; c++) {
      text.append((char) c);
      if (text.length() == 512 || c == 0xFFFF) {
        Ruling ruling = Ruling.builder().policy("p").version("1").digest("d").incident(text.toString()).build();
        assertEquals(mapperBytes(ruling), line(writer, ruling), "characters up to U+" + Integer.toHexString(c));
        text.setLength(0);
      }
    }
    for (String halves : List.of("\ud800", "\udc00", "a\ud83d", "\ude00b", "\ud83d\ud83d\ude00", "\ude00\ud83d")) {
      Ruling ruling = Ruling.builder().policy("p").version("1").digest("d").incident(halves + " of a pair, in a long enough text").build();
      assertEquals(mapperBytes(ruling), line(writer, ruling), "half a pair: " + halves.codePoints().mapToObj(Integer::toHexString).toList());
    }
  }

  /** Text of {@code length} characters, mostly plain, with escapes, accents, emoji and halves of pairs. */
  private static String randomText(Random random, int length) {
    String[] pieces = {"\"", "\\", "\n", "\t", "\u0000", "\u001f", "\u007f", "caf\u00e9", "\u2028", "\ud83d\ude00",
        "\ud800", "\udfff", "</", "\u00ff", "\uffff"};
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      if (random.nextInt(5) == 0) {
        text.append(pieces[random.nextInt(pieces.length)]);
      } else {
        text.append((char) ('a' + random.nextInt(26)));
      }
    }
    return text.toString();
  }

  @Test
  void theRulingWithEveryPropertyPresentWritesEveryPropertyOfEveryRulingType() throws Exception {
    Set<String> written = new TreeSet<>();
    collectNames(EvalJson.mapper().readTree(mapper(everyPropertyPresent("x"))), written);
    for (Class<?> type : rulingTypes()) {
      Set<String> properties = properties(type).keySet();
      Set<String> ordered = new TreeSet<>(Arrays.asList(type.getAnnotation(JsonPropertyOrder.class).value()));
      assertEquals(properties, ordered, type.getSimpleName() + ": its properties and its @JsonPropertyOrder");
      Set<String> missing = new TreeSet<>(properties);
      missing.removeAll(written);
      assertEquals(Set.of(), missing, type.getSimpleName() + ": properties the full ruling in this test leaves out");
    }
  }

  /** A ruling in which every property of every ruling type is present and not empty (unless {@code text} is). */
  private static Ruling everyPropertyPresent(String text) {
    ConditionCheck inner = ConditionCheck.builder().subject(text).addExpected(text, "b").actual(text)
        .result(ConditionCheck.Result.DEFEATED).deemedBy(text).detail(text).build();
    ConditionCheck check = ConditionCheck.builder().subject("any").addExpected(text).actual(text)
        .result(ConditionCheck.Result.UNKNOWN).deemedBy(text).detail(text).addParts(inner, inner).build();
    Permission permission = Permission.builder().office(text).given(Permission.Given.BEFORE)
        .form(PermissionForm.VERBAL).clause(text).build();
    ClauseRuling clause = ClauseRuling.builder().clause(text).outcome(Outcome.NOT_APPLICABLE).category(text)
        .reason(text + "\nnext line").addScope(text, "staff").addConditions(check).exception(text)
        .permission(permission)
        .addExceptions(ExceptionRuling.builder().id(text).result(ExceptionRuling.Result.NOT_MET).reason(text).text(text)
            .addPermissions(permission, Permission.builder().office("ceo").given(Permission.Given.AFTER)
                .form(PermissionForm.WRITTEN).build())
            .addConditions(check).build())
        .addDuty(StepCheck.builder().step(text).result(StepCheck.Result.OUT_OF_ORDER).done(text).reason(text).build(),
            StepCheck.builder().step("s").result(StepCheck.Result.NOT_NEEDED).reason(text).build())
        .addUndecidedBy(text).leadIn(text).quote(text).origin(text).build();
    ConsequenceRuling consequence = ConsequenceRuling.builder().consequence(text)
        .status(ConsequenceRuling.Status.CONDITIONAL).modality(Modality.MAY).kind(ConsequenceRuling.Kind.REFERRAL)
        .statement(text).action(text).actor(text).addActors(text, "the Board").procedure(text).referral(text)
        .source(text).addBreaches(text).addScope(text).addConditions(check).addDependsOn(text).addAlternatives(text)
        .step(StepRuling.builder().current(true).outcome(text).addNext(StepRuling.Next.of(text, List.of(text, "k")),
            StepRuling.Next.of("none", List.of())).build())
        .addOptions(text).addFactors(ConsequenceRuling.FactorValue.builder().fact(text).description(text).value(text).build(),
            ConsequenceRuling.FactorValue.builder().fact("f").description(text).build())
        .build();
    return Ruling.builder().policy(text).version(text).digest(text).incident(text)
        .addPerson(Ruling.Membership.of(text, List.of(text, "employees")), Ruling.Membership.of("x", List.of()))
        .addDeemed(Ruling.DeemedFact.builder().fact(text).value(text).clause(text).because(text).recorded(text).build())
        .addClauses(clause, ClauseRuling.builder().clause("c").outcome(Outcome.COMPLIED).reason("r").quote("q").build())
        .addConsequences(consequence, ConsequenceRuling.builder().consequence("k").status(ConsequenceRuling.Status.APPLIES)
            .modality(Modality.MUST).statement("s").action("a").source("c").build())
        .addUnspecified(text)
        .addSilences(Ruling.DeclaredSilence.builder().clause(text).silence(text).reason(text).build())
        .addNoSanctionStated(text).addDiagnostics(text).build();
  }

  /** Ruling and every type reachable from its properties that the mapper writes as an object. */
  private static Set<Class<?>> rulingTypes() throws ReflectiveOperationException {
    Set<Class<?>> types = new LinkedHashSet<>();
    ArrayDeque<Class<?>> pending = new ArrayDeque<>(List.of(Ruling.class));
    while (!pending.isEmpty()) {
      Class<?> type = pending.removeFirst();
      if (!types.add(type)) {
        continue;
      }
      for (String accessor : properties(type).values()) {
        Type returned = type.getMethod(accessor).getGenericReturnType();
        if (returned instanceof ParameterizedType parameterized) {
          returned = parameterized.getActualTypeArguments()[0];
        }
        if (returned instanceof Class<?> element && element.isAnnotationPresent(JsonPropertyOrder.class)) {
          pending.addLast(element);
        }
      }
    }
    assertTrue(types.size() >= 13, "ruling types found: " + types);
    return types;
  }

  /** The properties the mapper writes for a value type (the generated class's JSON properties): JSON name to accessor. */
  private static Map<String, String> properties(Class<?> type) throws ReflectiveOperationException {
    Class<?> generated = Class.forName(type.getPackageName() + ".Immutable" + type.getSimpleName());
    Map<String, String> names = new TreeMap<>();
    for (Method method : generated.getDeclaredMethods()) {
      JsonProperty property = method.getAnnotation(JsonProperty.class);
      if (property != null && method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())) {
        names.put(property.value(), method.getName());
      }
    }
    return names;
  }

  private static void collectNames(JsonNode node, Set<String> names) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      names.add(field.getKey());
      collectNames(field.getValue(), names);
    }
    if (node.isArray()) {
      node.forEach(element -> collectNames(element, names));
    }
  }

  @Test
  void compactJsonIsTheIndentedJsonOnOneLineAndReadsBackToTheSameRuling() throws Exception {
    for (Incident incident : SeedIncidents.INCIDENTS) {
      Ruling ruling = SeedPolicy.EVALUATOR.rule(incident);
      String compact = Rulings.toCompactJson(ruling);
      assertEquals(-1, compact.indexOf('\n'), incident.id());
      assertEquals(EvalJson.mapper().readTree(Rulings.toJson(ruling)), EvalJson.mapper().readTree(compact), incident.id());
      assertEquals(mapper(ruling), compact, incident.id());
      assertEquals(ruling, Rulings.fromJson(compact), incident.id());
    }
  }

  private static String mapper(Ruling ruling) throws Exception {
    return EvalJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(ruling);
  }

  /**
   * The mapper's JSON encoded as UTF-8 (half a surrogate pair, which UTF-8 cannot hold, becomes '?'),
   * its bytes one character each, so two of them are equal exactly when their bytes are.
   */
  private static String mapperBytes(Ruling ruling) throws Exception {
    return new String(mapper(ruling).getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  private static String streamedAsBytes(Ruling ruling) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = RulingJsonWriter.utf8(out)) {
      RulingJsonWriter.write(ruling, json);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The bytes of the ruling's line from {@code writer}, after what it wrote before, one character each, without the line end. */
  private static String line(RulingJsonLines writer, Ruling ruling) {
    int start = writer.size();
    writer.write(ruling);
    writer.append((byte) '\n');
    String line = new String(writer.bytes(), start, writer.size() - start - 1, StandardCharsets.ISO_8859_1);
    if (writer.size() > 1 << 20) {
      writer.truncate(0);
    }
    return line;
  }

  private static String streamed(Ruling ruling) throws Exception {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = EvalJson.mapper().getFactory().createGenerator(out)) {
      RulingJsonWriter.write(ruling, json);
    }
    return out.toString();
  }
}
