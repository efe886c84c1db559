package dev.precept.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** An incident is the same thing in an incident file and in a cases file. */
class SchemasTest {
  @Test
  void theCasesSchemaDescribesIncidentsExactlyAsTheIncidentSchemaDoes() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode incident = json.readTree(IncidentLoader.resource("incident.schema.json"));
    JsonNode cases = json.readTree(IncidentLoader.resource("cases.schema.json"));
    assertEquals(incident.at("/$defs/incident"), cases.at("/$defs/incident"));
    assertEquals(incident.at("/$defs/permission"), cases.at("/$defs/permission"));
  }
}
