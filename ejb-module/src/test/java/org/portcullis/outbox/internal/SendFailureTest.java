package org.portcullis.outbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.CommException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.portcullis.outbox.internal.SendFailure.Kind;

class SendFailureTest {

  @Test
  void noConnectionMeansUnavailable() {
    assertEquals(
        Kind.UNAVAILABLE,
        SendFailure.of(new CommException("No connection", new ResourceException("unbound")))
            .kind());
    assertEquals(
        Kind.UNAVAILABLE,
        SendFailure.of(new ResourceException("submit failed", new ConnectException("refused")))
            .kind());
    assertEquals(
        Kind.UNAVAILABLE,
        SendFailure.of(new MessagingException("connect", new SocketTimeoutException())).kind());
    assertEquals(
        Kind.UNAVAILABLE, SendFailure.of(new AuthenticationFailedException("535 no")).kind());
    assertEquals(
        Kind.UNAVAILABLE,
        SendFailure.of(new EJBException(new ResourceException("x", new ConnectException())))
            .kind());
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "NOT_BOUND, UNAVAILABLE",
    "IO_ERROR, UNAVAILABLE",
    "NOT_TRANSMITTER, UNAVAILABLE",
    "TIMEOUT, RETRY",
    "ESME_RTHROTTLED, RETRY",
    "ESME_RSYSERR, RETRY",
    "0x00000400, RETRY",
    "INVALID_ADDRESS, PERMANENT",
    "MESSAGE_TOO_LONG, PERMANENT",
    "ESME_RINVDSTADR, PERMANENT"
  })
  void theSmsAdaptersErrorCodesDecide(String code, Kind kind) {
    assertEquals(kind, SendFailure.of(new ResourceException("gateway says no", code)).kind());
    assertEquals(
        kind,
        SendFailure.of(new EJBException(new ResourceException("wrapped", code))).kind(),
        "also under an EJB's wrapper");
  }

  @Test
  void aGatewayThatIsNotBoundDoesNotUseUpAttemptsEvenWithAnIoCause() {
    ResourceException notBound = new ResourceException("gateway not bound: refused", "NOT_BOUND");
    notBound.initCause(new IllegalStateException("ESME_RINVPASWD"));

    assertEquals(Kind.UNAVAILABLE, SendFailure.of(notBound).kind());
  }

  @Test
  void anAnsweredRefusalIsRetried() {
    assertEquals(Kind.RETRY, SendFailure.of(new ResourceException("ESME_RTHROTTLED")).kind());
    assertEquals(Kind.RETRY, SendFailure.of(new MessagingException("452 try later")).kind());
    assertEquals(Kind.RETRY, SendFailure.of(new IllegalStateException("bug")).kind());
    assertEquals(
        Kind.RETRY,
        SendFailure.of(new SendFailedException("554 spam", null, new Address[0], null, null))
            .kind());
  }

  @Test
  void aRejectedAddressIsPermanent() throws Exception {
    Address[] invalid = {new InternetAddress("nobody@example.org")};
    assertEquals(
        Kind.PERMANENT,
        SendFailure.of(new SendFailedException("550 no such user", null, null, null, invalid))
            .kind());
  }

  @Test
  void theDescriptionIsOneLineWithoutTheSecret() {
    SendFailure failure =
        SendFailure.of(
            new ResourceException(
                "refused text 'Your code is 482915'\r\nnext line",
                new IllegalArgumentException("about Your code is 482915")),
            "Your code is 482915");

    assertFalse(failure.description().contains("482915"), failure.description());
    assertFalse(failure.description().contains("\n"));
    assertTrue(
        failure.description().startsWith("ResourceException: refused text '[redacted]'"),
        failure.description());
    assertTrue(failure.description().contains("caused by IllegalArgumentException"));
  }

  @Test
  void theKindIsSaidFirst() {
    assertTrue(
        SendFailure.of(new CommException("down"))
            .description()
            .startsWith("gateway unavailable, not counted as an attempt: CommException: down"));
  }

  @Test
  void longDescriptionsAreCut() {
    SendFailure failure = SendFailure.of(new ResourceException("x".repeat(2000)));

    assertEquals(OutboxMessage.MAX_ERROR, failure.description().length());
  }

  @Test
  void aCausalLoopEnds() {
    ResourceException first = new ResourceException("first");
    ResourceException second = new ResourceException("second", first);
    first.initCause(second);

    assertEquals(Kind.RETRY, SendFailure.of(first).kind());
  }
}
