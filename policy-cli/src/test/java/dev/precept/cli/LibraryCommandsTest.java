package dev.precept.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.precept.library.TrustFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code precept evaluate FOLDER} and {@code precept due} over a folder holding several editions. */
class LibraryCommandsTest {
  private static final String INCIDENT = "../examples/connect-academy-trust/incidents/staff-logo-after-hours.json";

  @TempDir Path dir;

  private Path incidentOn(String date) {
    Path file = dir.resolve("incident-" + date + ".json");
    TrustFolder.write(file, TrustFolder.read(Path.of(INCIDENT)).replace("\"date\": \"2016-12-02\"", "\"date\": \"" + date + "\""));
    return file;
  }

  @Test
  void evaluatingAgainstAFolderRulesUnderTheEditionInForceOnTheIncidentsDate() throws Exception {
    Path library = TrustFolder.approvedEditions(dir.resolve("policies"));
    PreceptTest.Run early = PreceptTest.run("evaluate", library.toString(), INCIDENT);
    assertEquals(0, early.code(), early.err());
    assertTrue(early.out().startsWith("Edition: edition 2016.1 (social-media-policy.yaml) is in force on 2016-12-02"), early.out());
    assertTrue(early.out().contains("under cat-social-media version 2016.1"), early.out());
    PreceptTest.Run late = PreceptTest.run("evaluate", "--format", "json", library.toString(), incidentOn("2018-01-15").toString());
    assertEquals(0, late.code(), late.err());
    JsonNode json = new ObjectMapper().readTree(late.out());
    assertEquals("2017.1", json.path("version").asText());
    assertEquals("2017.1", json.path("edition").path("version").asText());
    assertEquals(json.path("digest").asText(), json.path("edition").path("digest").asText());
    assertEquals("2017-11-01", json.path("edition").path("inForceFrom").asText());
    assertTrue(json.path("edition").path("reason").asText().contains("it replaced 2016.1"), late.out());
  }

  @Test
  void anIncidentBeforeTheFirstEditionIsAnError() {
    Path library = TrustFolder.approvedEditions(dir.resolve("policies"));
    PreceptTest.Run run = PreceptTest.run("evaluate", library.toString(), incidentOn("2015-06-30").toString());
    assertEquals(1, run.code());
    assertEquals("", run.out());
    assertTrue(run.err().contains("no edition of cat-social-media was in force on the incident's date: 2015-06-30 is before "
        + "the first approved edition of cat-social-media, 2016.1"), run.err());
  }

  @Test
  void anIncidentWithoutADateCannotChooseAnEdition() {
    Path library = TrustFolder.approvedEditions(dir.resolve("policies"));
    Path undated = dir.resolve("undated.json");
    TrustFolder.write(undated, TrustFolder.read(Path.of(INCIDENT)).replace("\"date\": \"2016-12-02\",", ""));
    PreceptTest.Run run = PreceptTest.run("evaluate", library.toString(), undated.toString());
    assertEquals(1, run.code());
    assertTrue(run.err().contains("the incident has no date, so no edition can be chosen"), run.err());
  }

  @Test
  void draftsRuleOnlyWhenAllowedAndThenTheRulingSaysSo() {
    String examples = "../examples/connect-academy-trust";
    PreceptTest.Run refused = PreceptTest.run("evaluate", examples, INCIDENT);
    assertEquals(1, refused.code());
    assertTrue(refused.err().contains("no edition of cat-social-media is approved"), refused.err());
    PreceptTest.Run allowed = PreceptTest.run("evaluate", "--allow-drafts", examples, INCIDENT);
    assertEquals(0, allowed.code(), allowed.err());
    assertTrue(allowed.out().contains("a DRAFT, not approved"), allowed.out());
  }

  @Test
  void aSupersededEditionIsNeverOverdue() {
    Path library = TrustFolder.approvedEditions(dir.resolve("policies"));
    PreceptTest.Run due = PreceptTest.run("due", library.toString(), "--today", "2018-01-15");
    assertEquals(0, due.code(), due.out());
    assertTrue(due.out().contains("superseded") && due.out().contains("social-media-policy.yaml (Social Media Policy, version 2016.1), superseded by 2017.1"),
        due.out());
    assertFalse(due.out().contains("OVERDUE"), due.out());
    assertTrue(due.out().contains("review due 2018-10-11"), due.out());
    PreceptTest.Run late = PreceptTest.run("due", library.toString(), "--today", "2018-10-12");
    assertEquals(1, late.code(), late.out());
    assertTrue(late.out().contains("1 overdue"), late.out());
  }
}
