package dev.precept.server.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.precept.library.Drafts;
import dev.precept.library.TrustFolder;
import dev.precept.server.PersonalData;
import dev.precept.testkit.IncidentMutations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ruling's response and its log record are put together from parts written once (the edition's
 * JSON per date, the ruling's JSON, the time of the record): the bytes must be those a JSON
 * generator writes field by field, and the incident kept in the log the redacted copy written whole.
 */
class RulingResponseTest {
  private static final long SEED = 20261207L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<JsonNode> ODD_VALUES = List.of(
      JsonNodeFactory.instance.textNode(""), JsonNodeFactory.instance.textNode("caf\u00e9 \ud83d\ude00 \"quoted\" \\ \n"),
      JsonNodeFactory.instance.textNode("E1042"), JsonNodeFactory.instance.numberNode(12), JsonNodeFactory.instance.numberNode(1.5),
      JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.objectNode(),
      JsonNodeFactory.instance.arrayNode().add("staff"));
  private static final List<String> NAMES = List.of("id", "summary", "person", "facts", "attributes", "roles", "extra",
      "investigation-finding", "during-working-hours");

  @TempDir Path folder;

  @Test
  void theResponseIsTheBytesAJsonGeneratorWritesFieldByFieldAndTheLogKeepsTheRedactedIncidentAsSent() throws Exception {
    TrustFolder.approvedEditions(folder);
    for (PersonalData mode : PersonalData.values()) {
      Random random = new Random(SEED);
      try (ServerCore core = new ServerCore(folder, Optional.empty(), Drafts.REFUSED, mode, Optional.empty())) {
        core.roster.importCsv("id,name,email,roles,academy\nE1042,Ann Ex\u00e4mple \"A\",ann@example.org,staff,North\n", "people.csv");
        List<ObjectNode> seeds = RulingFastPathTest.seedIncidents("na\u00efve \ud83d\ude00 \"yes\" \\ \u0001");
        int answered = 0;
        for (int round = 0; round < 60; round++) {
          ObjectNode incident = seeds.get(round % seeds.size()).deepCopy();
          if (round >= seeds.size() && round % 2 == 1) {
            IncidentMutations.of(random, ODD_VALUES, NAMES).mutate(incident);
          }
          byte[] body = JSON.writeValueAsBytes(incident);
          String where = mode + ", seed " + SEED + ", round " + round + ": " + new String(body, StandardCharsets.UTF_8);
          RulingDesk.Made made;
          try {
            made = core.desk.rule("cat-social-media", body, "k");
          } catch (ProblemException e) {
            continue;
          }
          answered++;
          DecisionRecord record = made.committed().get(30, TimeUnit.SECONDS);
          ServedLibrary.Answer answer = core.library.inForce(record.policyId(), LocalDate.parse(incident.path("date").asText()));
          assertArrayEquals(writtenByGenerator(answer, record, made.response()), made.response(), where);
          ObjectNode asSent = (ObjectNode) JSON.readTree(body);
          assertEquals(Json.write(core.redaction.incident(asSent, answer.inForce().edition().orElseThrow().policy())), record.incident(), where);
        }
        assertTrue(answered >= 20, "most incidents are answered: " + answered);
      }
    }
  }

  /** The response as the server wrote it before, one field after another on a generator, from the record and the parts of the response. */
  private static byte[] writtenByGenerator(ServedLibrary.Answer answer, DecisionRecord record, byte[] response) throws Exception {
    JsonNode sent = JSON.readTree(response);
    try (ByteArrayBuilder bytes = new ByteArrayBuilder(); JsonGenerator out = Json.mapper().getFactory().createGenerator(bytes)) {
      out.writeStartObject();
      out.writeStringField("decisionId", record.decisionId());
      out.writeStringField("recordedAt", record.recordedAt());
      out.writeStringField("policy", record.policyId());
      out.writeFieldName("edition");
      out.writeRawValue(answer.editionJson());
      if (sent.has("acknowledgement")) {
        out.writeFieldName("acknowledgement");
        out.writeTree(sent.get("acknowledgement"));
      }
      out.writeFieldName("ruling");
      out.writeRawValue(record.ruling());
      out.writeEndObject();
      out.flush();
      return bytes.toByteArray();
    }
  }

  @Test
  void theTimeOfARecordIsWrittenAsInstantWritesIt() {
    Random random = new Random(SEED);
    List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2026-12-07T15:00:00Z"),
        Instant.parse("2026-12-07T15:00:00.100Z"), Instant.parse("2026-12-07T15:00:00.000100Z"), Instant.parse("2026-12-07T15:00:00.000000100Z"),
        Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.parse("-0001-01-01T00:00:00.5Z"), Instant.parse("+10000-01-01T00:00:01Z"),
        Instant.now()));
    for (int i = 0; i < 20_000; i++) {
      long second = 1_700_000_000L + random.nextInt(5_000);
      int nanos = switch (random.nextInt(4)) {
        case 0 -> 0;
        case 1 -> random.nextInt(1_000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1_000;
        default -> random.nextInt(1_000_000_000);
      };
      instants.add(Instant.ofEpochSecond(second, nanos));
    }
    for (Instant instant : instants) {
      assertEquals(instant.toString(), RecordedAt.text(instant));
    }
  }

  @Test
  void anIncidentsDateIsReadAsLocalDateParseReadsIt() {
    Random random = new Random(SEED);
    List<String> texts = new ArrayList<>(List.of("2016-12-02", "2016-02-29", "2015-02-29", "2016-02-30", "2016-13-01", "2016-00-10",
        "2016-01-00", "0000-01-01", "9999-12-31", "+10000-01-01", "-001-01-01", "2016-1-01", "2016/12/02", "2016-12-02T00:00",
        "\uff12016-12-02", "2016-\u0661\u0662-02", "", "20161202", " 2016-12-02"));
    String alphabet = "0123456789-+ ";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int c = 0; c < 10; c++) {
        text.append(c == 4 || c == 7 ? '-' : alphabet.charAt(random.nextInt(random.nextInt(10) == 0 ? alphabet.length() : 10)));
      }
      texts.add(text.toString());
    }
    for (String text : texts) {
      Optional<LocalDate> parsed;
      try {
        parsed = Optional.of(LocalDate.parse(text));
      } catch (java.time.format.DateTimeParseException e) {
        parsed = Optional.empty();
      }
      assertEquals(parsed, RulingDesk.date(text), text);
    }
  }

  @Test
  void jsonTextWithHalfASurrogatePairIsRefusedAsAGeneratorRefusesItAndAnyOtherIsItsUtf8() {
    for (String text : List.of("{\"a\":\"plain\"}", "{\"a\":\"what?\"}", "{\"a\":\"caf\u00e9 \ud83d\ude00\"}", "")) {
      assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Json.utf8(text), text);
    }
    for (String text : List.of("{\"a\":\"\ud83d\"}", "{\"a\":\"\ude00 ?\"}", "{\"a\":\"caf\u00e9 \ud83d\"}", "\ud83d")) {
      assertThrows(IllegalStateException.class, () -> Json.utf8(text), text);
    }
  }
}
