package org.portcullis.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaMigratorStatementsTest {

  @Test
  void splitsOnSemicolonsThatEndALine() {
    List<String> statements =
        SchemaMigrator.statements("CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n");

    assertEquals(List.of("CREATE TABLE a (id INT)", "CREATE TABLE b (id INT)"), statements);
  }

  @Test
  void keepsAStatementThatSpansLinesWhole() {
    List<String> statements =
        SchemaMigrator.statements(
            """
            CREATE TABLE a (
              id BIGINT PRIMARY KEY,
              name VARCHAR(200) NOT NULL
            );
            """);

    assertEquals(
        List.of("CREATE TABLE a (\nid BIGINT PRIMARY KEY,\nname VARCHAR(200) NOT NULL\n)"),
        statements);
  }

  @Test
  void keepsSemicolonsInsideALine() {
    List<String> statements =
        SchemaMigrator.statements(
            "INSERT INTO note (text) VALUES ('a; b');\nINSERT INTO note (text) VALUES ('c');");

    assertEquals(
        List.of("INSERT INTO note (text) VALUES ('a; b')", "INSERT INTO note (text) VALUES ('c')"),
        statements);
  }

  @Test
  void skipsCommentLinesAndBlankLines() {
    List<String> statements =
        SchemaMigrator.statements(
            """
            -- a header comment;

              -- an indented comment that ends in a semicolon;
            CREATE TABLE a (
              -- a comment inside the statement
              id INT
            );

            """);

    assertEquals(List.of("CREATE TABLE a (\nid INT\n)"), statements);
  }

  @Test
  void acceptsWindowsLineEndsAndTrailingSpaces() {
    List<String> statements =
        SchemaMigrator.statements("CREATE TABLE a (id INT);  \r\nCREATE TABLE b (id INT);\r\n");

    assertEquals(List.of("CREATE TABLE a (id INT)", "CREATE TABLE b (id INT)"), statements);
  }

  @Test
  void keepsAFinalStatementWithoutSemicolon() {
    assertEquals(
        List.of("CREATE TABLE a (id INT)", "CREATE INDEX a_id ON a (id)"),
        SchemaMigrator.statements("CREATE TABLE a (id INT);\nCREATE INDEX a_id ON a (id)\n"));
  }

  @Test
  void findsNothingInAScriptOfComments() {
    assertTrue(SchemaMigrator.statements("-- nothing yet\n\n-- still nothing;\n").isEmpty());
    assertTrue(SchemaMigrator.statements("").isEmpty());
  }

  @Test
  void splitsTheFoundationMigrationIntoItsStatements() throws IOException {
    String sql = resource("db/migration/V001__foundation.sql");
    long createsAndInserts =
        sql.lines()
            .map(String::strip)
            .filter(line -> line.startsWith("CREATE ") || line.startsWith("INSERT "))
            .count();

    List<String> statements = SchemaMigrator.statements(sql);

    assertTrue(createsAndInserts >= 12, "V001 has its tables, indexes, sequence and head row");
    assertEquals(createsAndInserts, statements.size());
    for (String statement : statements) {
      assertTrue(statement.startsWith("CREATE ") || statement.startsWith("INSERT "), statement);
      assertFalse(statement.contains("--"), statement);
      assertFalse(statement.endsWith(";"), statement);
    }
    assertEquals("CREATE SEQUENCE portcullis_seq START WITH 50 INCREMENT BY 50", statements.get(0));
    assertTrue(
        statements.stream()
            .anyMatch(
                s ->
                    s.startsWith("INSERT INTO audit_chain_head")
                        && s.contains("VALUES (1, 0, '" + "0".repeat(64) + "')")),
        "the multi-line INSERT of the chain head stays whole");
  }

  @Test
  void everyListedMigrationSplitsIntoCompleteStatements() throws IOException {
    List<String> scripts =
        resource("db/migration/migrations.list")
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty())
            .toList();

    assertFalse(scripts.isEmpty());
    for (String script : scripts) {
      List<String> statements = SchemaMigrator.statements(resource("db/migration/" + script));
      assertFalse(statements.isEmpty(), script);
      for (String statement : statements) {
        // a semicolon at the end of a line inside a statement would have split it
        assertFalse(statement.lines().anyMatch(line -> line.endsWith(";")), statement);
        assertTrue(
            statement.matches("(?s)(CREATE|INSERT|ALTER|DROP|UPDATE|DELETE) .*"),
            script + ": " + statement);
      }
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(name)) {
      assertNotNull(in, name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
