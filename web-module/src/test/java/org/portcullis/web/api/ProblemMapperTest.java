package org.portcullis.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.portcullis.error.DomainException;
import org.portcullis.error.Refusal;

class ProblemMapperTest {

  @ParameterizedTest
  @CsvSource({
    "BAD_INPUT, 400, Bad Request",
    "UNAUTHENTICATED, 401, Unauthorized",
    "FORBIDDEN, 403, Forbidden",
    "NOT_FOUND, 404, Not Found",
    "CONFLICT, 409, Conflict",
    "GONE, 410, Gone",
    "THROTTLED, 429, Too Many Requests"
  })
  void mapsEachDomainKindToItsStatus(DomainException.Kind kind, int status, String title) {
    DomainException failure =
        new DomainException(kind, "some-failure", "What went wrong, for people", Map.of());

    Problem problem = ProblemMapper.problemFor(failure);

    assertEquals(status, problem.status());
    assertEquals(title, problem.title());
    assertEquals("urn:portcullis:problem:some-failure", problem.type());
    assertEquals("What went wrong, for people", problem.detail());
    assertNull(problem.fields(), "no fields member unless some input was at fault");
  }

  @Test
  void badInputNamesTheOffendingField() {
    Problem problem =
        ProblemMapper.problemFor(
            DomainException.badInput(
                "invalid-pinpad-policy", "pinpad.ttl", "PIN pad lifetime must be between"));

    assertEquals(400, problem.status());
    assertEquals("urn:portcullis:problem:invalid-pinpad-policy", problem.type());
    assertEquals(Map.of("pinpad.ttl", "PIN pad lifetime must be between"), problem.fields());
  }

  @Test
  void unwrapsADomainExceptionFromEjbExceptions() {
    DomainException domain = DomainException.gone("pinpad-expired", "The PIN pad has expired");
    EJBException wrapped = new EJBException(new EJBException(domain));

    Problem problem = ProblemMapper.problemFor(wrapped);

    assertEquals(410, problem.status());
    assertEquals("urn:portcullis:problem:pinpad-expired", problem.type());
    assertEquals("The PIN pad has expired", problem.detail());
  }

  @Test
  void malformedJsonIsABadRequest() {
    RuntimeException failure =
        new RuntimeException(
            "reading the entity", new JsonbException("Unexpected char 125 at (line no=1)"));

    Problem problem = ProblemMapper.problemFor(failure);

    assertEquals(400, problem.status());
    assertEquals("urn:portcullis:problem:malformed-json", problem.type());
    assertTrue(problem.detail().contains("Unexpected char 125"), problem.detail());
  }

  @Test
  void malformedJsonInsideAnEjbExceptionIsABadRequest() {
    Problem problem =
        ProblemMapper.problemFor(new EJBException(new JsonbException("Cannot parse\n  body")));

    assertEquals(400, problem.status());
    assertEquals("urn:portcullis:problem:malformed-json", problem.type());
    assertFalse(problem.detail().contains("\n"), "the detail stays on one line");
  }

  @Test
  void anOverlongParserMessageIsShortened() {
    Problem problem = ProblemMapper.problemFor(new JsonbException("x".repeat(5000)));

    assertEquals(400, problem.status());
    assertTrue(problem.detail().length() < 400, () -> "detail of " + problem.detail().length());
  }

  @Test
  void aFieldThatMeansNothingValidIsBadInput() {
    Problem problem =
        ProblemMapper.problemFor(new InvalidFieldException("ttl", "not an ISO-8601 duration"));

    assertEquals(400, problem.status());
    assertEquals("urn:portcullis:problem:invalid-input", problem.type());
    assertEquals(Map.of("ttl", "not an ISO-8601 duration"), problem.fields());
  }

  @Test
  void anUnexpectedFailureIsAnInternalErrorThatRevealsNothing() {
    RuntimeException failure =
        new IllegalStateException(
            "secret-xyz", new RuntimeException("jdbc:postgresql://db/portcullis secret-xyz"));

    Problem problem = ProblemMapper.problemFor(failure);

    assertEquals(500, problem.status());
    assertEquals("urn:portcullis:problem:internal-error", problem.type());
    assertFalse(problem.detail().contains("secret-xyz"), problem.detail());
    assertFalse(problem.detail().contains("IllegalStateException"), problem.detail());
    assertNull(problem.fields());
  }

  @Test
  void anUnexpectedFailureInsideAnEjbExceptionRevealsNothing() {
    Problem problem =
        ProblemMapper.problemFor(new EJBException(new NullPointerException("secret-xyz")));

    assertEquals(500, problem.status());
    assertEquals("urn:portcullis:problem:internal-error", problem.type());
    assertFalse(problem.detail().contains("secret-xyz"), problem.detail());
  }

  @Test
  void aRefusalIsA401WithTheAccountHintOnlyWhenItHasOne() {
    Problem plain = ProblemMapper.problemFor(Refusal.of("login-required", "Log in again"));
    assertEquals(401, plain.status());
    assertEquals("urn:portcullis:problem:login-required", plain.type());
    assertNull(plain.accountHint());

    Problem hinted =
        ProblemMapper.problemFor(
            new EJBException(Refusal.withAccountHint("login-required", "Log in again", "alice")));
    assertEquals(401, hinted.status());
    assertEquals("alice", hinted.accountHint());
    assertEquals("Log in again", hinted.detail());
  }

  @Test
  void otherProblemsHaveNoAccountHint() {
    assertNull(
        ProblemMapper.problemFor(DomainException.notFound("unknown-customer", "No customer x"))
            .accountHint());
  }
}
